// The platform-neutral API of orgspec: everything that reads files through a
// FileHost and imports no Node module, so that it runs in a browser as well
// (the playground, VS Code for the web). src/index.ts adds the Node layer.
export { checkEntry, checkModel, mergePrograms, todayDay } from "./check/check-model.js";
export type { CheckOptions, PathsOptions, PathsResult, ProgramResult } from "./check/check-model.js";
export { runRules, defaultOptions } from "./check/run-rules.js";
export type { Rulebook, RuleSetting, RuleSeverity } from "./check/run-rules.js";
export { CATALOGUE, catalogueEntry, docsUrl } from "./check/codes.js";
export { LANGUAGE_CODES } from "./diagnostics/language.js";
export { planFixes, applyEdits, fixDiff } from "./check/fixes.js";
export type { FixOptions, FixPlan, FileFix } from "./check/fixes.js";
export { applyBaseline, baselineOf, parseBaseline, pruneBaseline, serializeBaseline, BaselineError, BASELINE_FILE_NAME } from "./check/baseline.js";
export type { Baseline, BaselineEntry, BaselineResult } from "./check/baseline.js";
export type { CatalogueEntry } from "./check/codes.js";
export { fileWaivers, applyWaivers } from "./check/waivers.js";
export { findConfigFile, findFileAbove, loadConfigFile, parseConfig, ConfigError } from "./config/config.js";
export type { LoadedConfig } from "./config/config.js";
export { configValue, ruleHelpMarkdown } from "./check/rule-help.js";
export { tokenize, isKeyword, KEYWORDS } from "./query/tokens.js";
export type { QueryToken, QueryTokenKind } from "./query/tokens.js";
export { parseText } from "./syntax/parse.js";
export { formatText, OrgSyntaxError } from "./format/index.js";
export type { FormatOptions } from "./format/index.js";
export { FileCache, loadProgram, sourceFile, importTarget } from "./program/load.js";
export type { FileHost, LoadedProgram } from "./program/load.js";
export { findEntries, orgFilesUnder } from "./program/entries.js";
export { resolveProgram, resolveSteps, type ResolveOptions } from "./model/resolve.js";
export { SeriesExpansions } from "./model/events.js";
export { SuggesterMemory } from "./util/name-index.js";
export { RULES, RULES_BY_CODE, RULES_BY_NAME } from "./rules/index.js";
export { KIND_NAMES as UNIT_KIND_NAMES } from "./rules/shared/units.js";
export type { AnyRule, Rule, RuleContext, Duration, OptionSpec } from "./rules/rule.js";
export { LineIndex, closestNames, firstStartingAtOrAfter } from "./util/text.js";
export { formatDay, parseDay } from "./util/dates.js";
export type * from "./ast/types.js";
export type * from "./model/types.js";
export type * from "./diagnostics/types.js";
