// Writing the commands' files so that none is ever left half written (a
// full disk, a crash), and an output that cannot be written said in words.
import * as fs from "node:fs";
import { basename, dirname, join } from "node:path";
import { describeFsError } from "../program/disk-host.js";
import { printable } from "../reporters/locate.js";
import { UsageError } from "./input.js";
import type { FileIo, WriteFs } from "./io.js";

export type { WriteFs } from "./io.js";

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
