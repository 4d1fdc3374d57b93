// `orgspec fmt [--check] [--write] FILES|DIRS`: formats specs with the
// prettier plugin. Without --check or --write it prints the one file it is
// given; it refuses more than one, since an unlabelled concatenation of files
// is nothing a user can use (prettier's own multi-file output is exactly that). A file that does not parse, or is not valid UTF-8, is
// never touched: the problem is reported and it stays byte for byte as it
// was. A file is rewritten whole or not at all (files.ts), and a file that
// cannot be read or written is reported and the others are still formatted.
import { formatText } from "../format/index.js";
import { describeFsError } from "../program/disk-host.js";
import { undecodableByte } from "../program/load.js";
import { displayPath, printable, printableLines } from "../reporters/locate.js";
import { LineIndex } from "../util/text.js";
import { writeFileAtomic } from "./files.js";
import { isError, noOrgFiles, UsageError, orgFilesOfInput, pathProblems, problemMessage, readPaths, type PathFlags } from "./input.js";
import type { CliIo } from "./io.js";

export interface FmtFlags extends PathFlags {
  check?: boolean;
  write?: boolean;
}

export type FmtIo = Pick<CliIo, "stdout" | "stderr" | "cwd" | "host" | "writeFs">;

/**
 * Exit status: 0 all formatted (or written); 1 `--check` found unformatted
 * files, or a file did not parse or is not UTF-8; 2 a path that cannot be
 * read or written, or no `.org` file at all. The worst wins.
 */
export async function runFmt(paths: readonly string[], flags: FmtFlags, io: FmtIo): Promise<number> {
  const input = readPaths(paths, flags, io);
  const host = input.host;
  let status = 0;
  const fail = (code: number) => void (status = Math.max(status, code));
  for (const problem of pathProblems(input)) {
    io.stderr(`orgspec: ${problemMessage(problem, input, io.cwd)}\n`);
    if (isError(problem)) fail(2);
  }
  const files = orgFilesOfInput(input);
  if (files.length === 0) {
    if (status === 2) return 2;
    throw noOrgFiles(input);
  }
  if (!flags.write && !flags.check && files.length > 1) {
    throw new UsageError(
      `fmt prints one file, and ${printable(input.given.join(", "))} holds ${files.length} .org files: name one file, or rewrite them with --write, or list the unformatted ones with --check`,
    );
  }
  const unformatted: string[] = [];
  for (const file of files) {
    const shown = displayPath(file, io.cwd);
    const read = host.readFile(file);
    if ("error" in read) {
      io.stderr(`orgspec: ${printable(`cannot read ${shown}: ${read.error}`)}\n`);
      fail(2);
      continue;
    }
    if (read.undecodable) {
      // Formatting text with U+FFFD in it would write the replacements back: the original bytes would be lost.
      const at = new LineIndex(read.text).position(read.undecodable.offset);
      io.stderr(
        `orgspec: ${printable(`${shown}:${at.line}:${at.column}: not valid UTF-8 (${undecodableByte(read.undecodable)}): convert it to UTF-8; the file was not formatted`)}\n`,
      );
      fail(1);
      continue;
    }
    const text = read.text;
    let formatted: string;
    try {
      formatted = await formatText(text, { filepath: shown });
    } catch (error) {
      io.stderr(`${printableLines((error as Error).message)}\n`);
      fail(1);
      continue;
    }
    if (flags.write) {
      if (formatted !== text) {
        try {
          writeFileAtomic(file, formatted, io.writeFs);
        } catch (error) {
          io.stderr(`orgspec: ${printable(`cannot write ${shown}: ${describeFsError(error)}; the file is unchanged`)}\n`);
          fail(2);
          continue;
        }
        io.stdout(`formatted ${printable(shown)}\n`);
      }
    } else if (flags.check) {
      if (formatted !== text) unformatted.push(shown);
    } else {
      io.stdout(formatted);
    }
  }
  if (unformatted.length > 0) {
    for (const file of unformatted) io.stdout(`${printable(file)}\n`);
    io.stderr(`${unformatted.length} file${unformatted.length === 1 ? " is" : "s are"} not formatted; run \`orgspec fmt --write\`\n`);
    fail(1);
  }
  return status;
}
