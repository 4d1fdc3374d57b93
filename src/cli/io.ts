// What the commands read and write through: the terminal's streams and the
// working directory, and the hosts a test can put faults into. Nothing here
// imports another CLI module.
import type * as fs from "node:fs";
import type { FileHost } from "../program/load.js";

/** The fs calls `writeFileAtomic` (files.ts) makes. */
export interface WriteFs {
  readonly realpathSync: (path: string) => string;
  readonly statSync: (path: string) => fs.Stats;
  readonly openSync: (path: string, flags: string, mode: number) => number;
  readonly writeSync: (fd: number, data: Uint8Array, offset: number, length: number) => number;
  readonly fsyncSync: (fd: number) => void;
  readonly closeSync: (fd: number) => void;
  readonly chmodSync: (path: string, mode: number) => void;
  readonly chownSync: (path: string, uid: number, gid: number) => void;
  readonly renameSync: (from: string, to: string) => void;
  readonly unlinkSync: (path: string) => void;
  readonly writeFileSync: (path: string, data: string) => void;
}

/** Where specs are read from and outputs written to; tests inject faults here. */
export interface FileIo {
  /** Where specs are read from (default: the disk, with `--max-file-size`). */
  readonly host?: FileHost;
  /** The fs calls a write makes (default: Node's). */
  readonly writeFs?: WriteFs;
}

export interface CliIo extends FileIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
  readonly isTTY: boolean;
  /** Whether stderr is a terminal: progress is shown there only then. */
  readonly stderrIsTTY?: boolean;
}

let pipeGuarded = false;
/** Writes to stdout; a reader that went away (`orgspec check ... | head`) is not an error. */
function writeStdout(text: string): void {
  if (!pipeGuarded) {
    pipeGuarded = true;
    process.stdout.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE") throw error;
    });
  }
  process.stdout.write(text);
}

/** The process's own streams and working directory. */
export function nodeIo(): CliIo {
  return {
    stdout: writeStdout,
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    isTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
  };
}

/** Writes a report's pieces in batches of about 64 KB: a report too large for one string is still written whole. */
export function writeChunks(pieces: Iterable<string>, io: Pick<CliIo, "stdout">): void {
  let batch = "";
  for (const piece of pieces) {
    batch += piece;
    if (batch.length >= 65_536) {
      io.stdout(batch);
      batch = "";
    }
  }
  if (batch) io.stdout(batch);
}
