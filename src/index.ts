// The public API of orgspec: what the CLI, the language server, the prettier
// plugin and the tests use. The platform-neutral part is src/core.ts; what
// follows it here is the Node layer (the disk, worker threads, SARIF's file URLs).
export * from "./core.js";
export { checkPaths, checkProgram } from "./check/check.js";
export { checkPathsParallel, defaultJobs } from "./check/parallel.js";
export type { ParallelOptions } from "./check/parallel.js";
export { whatIf, ASSUMED_MARK } from "./check/what-if.js";
export type { WhatIfResult } from "./check/what-if.js";
export { diskHost } from "./program/disk-host.js";
