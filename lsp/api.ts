// Everything the language server uses from orgspec: the platform-neutral API (src/core.ts), so that it runs in a web worker too.
export * from "../src/core.js";
// What the editor asks of the syntax and the rules beyond the public API.
export { COMMITTEE_LEVELS, SETTINGS } from "../src/ast/types.js";
export { mayBeUnder } from "../src/rules/structure/hierarchy.js";
export { parseSourceFile, reparseSourceFile } from "../src/program/incremental.js";
export { RuleRunner, ruleObligations } from "../src/check/run-rules.js";
export { completeCheck, ruleAsOf } from "../src/check/check-model.js";
export { modelStillValid } from "../src/model/reuse.js";
