// Test helpers: check spec text held in memory, and find diagnostics by code
// with their line/column ranges.
import { resolve } from "node:path";
import { checkProgram, type CheckOptions, type Diagnostic, type FileHost, type ProgramResult } from "../src/index.js";

export const VIRTUAL_ROOT = resolve("/virtual-specs");

/** The committees most tests put their units under (as in the conformance suite). */
export const COMMITTEES = `
committee central "WPK Central Committee" { level central }
committee north_pyongan "North Pyongan Provincial Party Committee" {
  level provincial
  under central
}
committee sinuiju "Sinuiju City Party Committee" {
  level city
  under north_pyongan
}
committee uiju "Uiju County Party Committee" {
  level county
  under north_pyongan
}
`;

export function memoryHost(files: Record<string, string>): FileHost {
  const byPath = new Map(Object.entries(files).map(([name, text]) => [resolve(VIRTUAL_ROOT, name), text]));
  return {
    readFile(path) {
      const text = byPath.get(path);
      return text === undefined ? { error: "no such file" } : { text };
    },
  };
}

/**
 * Checks `main.org` (plus any other files given) from memory. `committees.org`
 * holds COMMITTEES unless replaced; import it with `import "committees.org"`.
 */
export function checkSpec(
  main: string,
  options: CheckOptions & { files?: Record<string, string> } = {},
): ProgramResult & { at: (d: Diagnostic) => string; codes: () => string[] } {
  const host = memoryHost({ "committees.org": COMMITTEES, ...options.files, "main.org": main });
  const result = checkProgram(resolve(VIRTUAL_ROOT, "main.org"), { today: 0, ...options, host });
  const at = (diagnostic: Diagnostic) => {
    const file = result.model.files.find((candidate) => candidate.path === diagnostic.file)!;
    const start = file.lines.position(diagnostic.span.start);
    const end = file.lines.position(diagnostic.span.end);
    return `${start.line}:${start.column}-${end.line}:${end.column}`;
  };
  return { ...result, at, codes: () => result.diagnostics.map((diagnostic) => diagnostic.code) };
}

/** The diagnostics with one code, as `line:col-line:col message` strings. */
export function reported(result: ReturnType<typeof checkSpec>, code: string): string[] {
  return result.diagnostics.filter((diagnostic) => diagnostic.code === code).map((diagnostic) => `${result.at(diagnostic)} ${diagnostic.message}`);
}
