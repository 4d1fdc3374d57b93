// The commands' files: which host reads them (`--max-file-size`, or one a
// test injects), how unreadable paths are reported, and writing that never
// leaves a file half written.
import * as fs from "node:fs";
import { basename, dirname, join } from "node:path";
import { createDiskHost, describeFsError, diskHost, parseSize } from "../program/disk-host.js";
import type { PathProblem } from "../program/entries.js";
import type { FileHost } from "../program/load.js";
import { displayPath, printable } from "../reporters/locate.js";

/** A failure the user must fix (bad flag, missing file): exit 2 with the message. */
export class UsageError extends Error {}

/** What the commands read and write through; tests inject faults here. */
export interface FileIo {
  /** Where specs are read from (default: the disk, with `--max-file-size`). */
  readonly host?: FileHost;
  /** The fs calls a write makes (default: Node's). */
  readonly writeFs?: WriteFs;
}

/** `--max-file-size`, for every command that reads specs. */
export const MAX_FILE_SIZE_FLAGS = "--max-file-size <size>";
export const MAX_FILE_SIZE_HELP = "do not read files larger than this (default 256MB; e.g. 1GB, 512KB)";

/** The host a command reads specs with. */
export function hostFor(maxFileSize: string | undefined, io: FileIo): FileHost {
  if (maxFileSize !== undefined && parseSize(maxFileSize) === null) {
    throw new UsageError(`--max-file-size takes a size such as 256MB, 1GB, 512KB or a number of bytes, not "${maxFileSize}"`);
  }
  if (io.host) return io.host;
  // The shared disk host when the limit is the default: parse workers read with it themselves.
  return maxFileSize === undefined ? diskHost : createDiskHost({ maxFileSize: parseSize(maxFileSize)! });
}

/**
 * How a path problem reads on stderr: `cannot read NAME: reason`, NAME the
 * argument as the user wrote it or the path relative to the working
 * directory; a link loop is a warning.
 */
export function problemMessage(problem: PathProblem, cwd: string, given: (absolute: string) => string = (path) => path): string {
  const name = problem.given !== undefined ? given(problem.given) : displayPath(problem.path, cwd);
  if (problem.loopsTo !== undefined) {
    const to = problem.loopsTo === cwd ? "." : displayPath(problem.loopsTo, cwd);
    return printable(`warning: ${name} is a symbolic link loop (it leads back to ${to}); not followed`);
  }
  return printable(`cannot read ${name}: ${problem.reason}`);
}

/** Whether a problem is an error (exit 2): all but loops, whose files were read anyway. */
export const isError = (problem: PathProblem): boolean => problem.loopsTo === undefined;

/** The fs calls `writeFileAtomic` makes. */
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

export const nodeWriteFs: WriteFs = {
  realpathSync: (path) => fs.realpathSync(path),
  statSync: (path) => fs.statSync(path),
  openSync: (path, flags, mode) => fs.openSync(path, flags, mode),
  writeSync: (fd, data, offset, length) => fs.writeSync(fd, data, offset, length),
  fsyncSync: (fd) => fs.fsyncSync(fd),
  closeSync: (fd) => fs.closeSync(fd),
  chmodSync: (path, mode) => fs.chmodSync(path, mode),
  chownSync: (path, uid, gid) => fs.chownSync(path, uid, gid),
  renameSync: (from, to) => fs.renameSync(from, to),
  unlinkSync: (path) => fs.unlinkSync(path),
  writeFileSync: (path, data) => fs.writeFileSync(path, data),
};

let tempCount = 0;

/**
 * Writes `text` to `path` so that the file is either as it was or entirely
 * new, never truncated (a full disk, a crash): the text goes to a temporary
 * file in the same folder, which then replaces the file. A file keeps its
 * mode (and its owner, where allowed); a symbolic link keeps pointing at it.
 * What is not a regular file (`/dev/stdout`) is written to directly.
 */
export function writeFileAtomic(path: string, text: string, fsys: WriteFs = nodeWriteFs): void {
  let target = path;
  let stats: fs.Stats | null = null;
  try {
    target = fsys.realpathSync(path);
    stats = fsys.statSync(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  if (stats && !stats.isFile()) {
    fsys.writeFileSync(target, text);
    return;
  }
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}-${tempCount++}.orgspec-tmp`);
  const mode = stats ? stats.mode & 0o7777 : 0o666;
  const fd = fsys.openSync(temp, "wx", mode);
  try {
    const bytes = Buffer.from(text, "utf8");
    for (let done = 0; done < bytes.length; ) done += fsys.writeSync(fd, bytes, done, bytes.length - done);
    fsys.fsyncSync(fd);
  } catch (error) {
    try {
      fsys.closeSync(fd);
    } catch {
      // The write's error is the one to report.
    }
    removeQuietly(temp, fsys);
    throw error;
  }
  try {
    fsys.closeSync(fd);
    if (stats) {
      // The open's mode went through the umask: set it exactly.
      fsys.chmodSync(temp, mode);
      try {
        if (process.getuid && (stats.uid !== process.getuid() || stats.gid !== process.getgid?.())) fsys.chownSync(temp, stats.uid, stats.gid);
      } catch {
        // Only root may give a file away; the file then belongs to whoever formatted it.
      }
    }
    fsys.renameSync(temp, target);
  } catch (error) {
    removeQuietly(temp, fsys);
    throw error;
  }
}

function removeQuietly(path: string, fsys: WriteFs): void {
  try {
    fsys.unlinkSync(path);
  } catch {
    // Already gone, or the disk is failing: the error that matters is the write's.
  }
}

/** Writes a command's output file; a failure is a usage error in words (`cannot write x.html: no such file or directory`). */
export function writeOutput(path: string, shown: string, text: string, io: FileIo): void {
  try {
    writeFileAtomic(path, text, io.writeFs);
  } catch (error) {
    throw new UsageError(printable(`cannot write ${shown}: ${describeFsError(error)}`));
  }
}
