// `orgspec fmt [--check] [--write] FILES|DIRS`: formats specs with the
// prettier plugin. A file that does not parse is never touched: its syntax
// errors are reported and it stays byte for byte as it was.
import { readFileSync, writeFileSync } from "node:fs";
import { formatText } from "../format/index.js";
import { namedPaths, orgFilesOf } from "../program/entries.js";
import { displayPath } from "../reporters/locate.js";

export interface FmtFlags {
  check?: boolean;
  write?: boolean;
}

export interface FmtIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
}


/**
 * Exit status: 0 all formatted (or written); 1 `--check` found unformatted
 * files, or a file did not parse; 2 a path cannot be read.
 */
export async function runFmt(paths: readonly string[], flags: FmtFlags, io: FmtIo): Promise<number> {
  const named = namedPaths(paths, io.cwd);
  const missing = named.filter((item) => item.kind === "missing");
  for (const item of missing) io.stderr(`orgspec: cannot read ${item.given}: no such file or directory\n`);
  if (missing.length > 0) return 2;
  const files = orgFilesOf(named);
  let status = 0;
  const unformatted: string[] = [];
  for (const file of files) {
    const shown = displayPath(file, io.cwd);
    const text = readFileSync(file, "utf8");
    let formatted: string;
    try {
      formatted = await formatText(text, { filepath: shown });
    } catch (error) {
      io.stderr(`${(error as Error).message}\n`);
      status = 1;
      continue;
    }
    if (flags.write) {
      if (formatted !== text) {
        writeFileSync(file, formatted);
        io.stdout(`formatted ${shown}\n`);
      }
    } else if (flags.check) {
      if (formatted !== text) unformatted.push(shown);
    } else {
      io.stdout(formatted);
    }
  }
  if (unformatted.length > 0) {
    for (const file of unformatted) io.stdout(`${file}\n`);
    io.stderr(`${unformatted.length} file${unformatted.length === 1 ? " is" : "s are"} not formatted; run \`orgspec fmt --write\`\n`);
    status = 1;
  }
  return status;
}
