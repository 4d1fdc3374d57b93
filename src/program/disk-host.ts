// The disk as a FileHost. Only regular files are read, up to a size limit,
// and never by an open that could block (a FIFO) or run forever (/dev/zero);
// texts are decoded as strict UTF-8, and an undecodable file says where.
// Every failure is a reason in words ("permission denied"), never a raw code.
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, realpathSync, statSync, type Dirent, type Stats } from "node:fs";
import type { DirectoryEntry, FileHost, ReadResult, StatResult, Undecodable } from "./host.js";

/** The default `--max-file-size`: 256 MB. */
export const DEFAULT_MAX_FILE_SIZE = 256 * 1024 * 1024;

export interface DiskHostOptions {
  /** The largest file read, in bytes (default 256 MB). */
  readonly maxFileSize?: number;
}

/** Node's error codes in words, as the C library says them. */
const REASONS: Record<string, string> = {
  ENOENT: "no such file or directory",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EISDIR: "it is a directory",
  ENOTDIR: "a part of the path is not a directory",
  ELOOP: "too many levels of symbolic links",
  ENAMETOOLONG: "the name is too long",
  EMFILE: "too many open files",
  ENFILE: "too many open files in the system",
  EIO: "input/output error",
  ENOSPC: "no space left on the device",
  EDQUOT: "disk quota exceeded",
  EROFS: "read-only file system",
  EBUSY: "the file is busy",
  ETXTBSY: "the file is busy",
  EEXIST: "the file already exists",
  EXDEV: "it is on another device",
  ENXIO: "no such device or address",
  ENODEV: "no such device",
  EFBIG: "the file is too large",
  EAGAIN: "resource temporarily unavailable",
  EINVAL: "invalid argument",
  ESTALE: "stale file handle",
};

/** An fs error as words: `permission denied`, `no such file or directory`. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code && REASONS[code]) return REASONS[code];
  const message = error instanceof Error ? error.message : String(error);
  // "EWHATEVER: some words, open '/path'" without the code and the call.
  return message.replace(/^[A-Z][A-Z0-9_]+: /, "").replace(/, \w+ '.*'$/s, "") || "unknown error";
}

/** `256 MB`, `1 GB`, `512 KB`, `1000 bytes`. */
export function formatSize(bytes: number): string {
  for (const [unit, size] of [["GB", 1024 ** 3], ["MB", 1024 ** 2], ["KB", 1024]] as const) {
    if (bytes >= size && bytes % size === 0) return `${bytes / size} ${unit}`;
  }
  return `${bytes} bytes`;
}

/** `256MB`, `256 mb`, `1G`, `64k`, `1000`: bytes, or `null` when it is not a size. */
export function parseSize(text: string): number | null {
  const match = /^\s*(\d+)\s*(?:([kmg])b?|b|bytes?)?\s*$/i.exec(text);
  if (!match) return null;
  const count = Number(match[1]);
  const unit = match[2]?.toLowerCase();
  const bytes = count * (unit === "g" ? 1024 ** 3 : unit === "m" ? 1024 ** 2 : unit === "k" ? 1024 : 1);
  return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : null;
}

/** What a path is when it is not a regular file, for "it is not a regular file (a FIFO)". */
function whatIs(stats: Stats): string {
  if (stats.isFIFO()) return "a FIFO";
  if (stats.isCharacterDevice()) return "a character device";
  if (stats.isBlockDevice()) return "a block device";
  if (stats.isSocket()) return "a socket";
  return "not a file";
}

/** Why a file with these stats is not read, or `null`. */
function refusal(stats: Stats, maxFileSize: number): string | null {
  if (stats.isDirectory()) return "it is a directory";
  if (!stats.isFile()) return `it is not a regular file (${whatIs(stats)})`;
  if (stats.size > maxFileSize) return `it is larger than the ${formatSize(maxFileSize)} limit (--max-file-size)`;
  return null;
}

/** The bytes of an open regular file, or `null` past `max` (it grew since its stat). */
function readAll(fd: number, size: number, max: number): Uint8Array | null {
  // One byte more than the size: a file that grew (or /proc's size-0 files) is read on.
  let buffer = Buffer.allocUnsafe(Math.min(size, max) + 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length > max) return null;
      const bigger = Buffer.allocUnsafe(Math.min(buffer.length * 2, max + 1));
      buffer.copy(bigger, 0, 0, length);
      buffer = bigger;
    }
    const read = readSync(fd, buffer, length, buffer.length - length, null);
    if (read === 0) break;
    length += read;
  }
  return length > max ? null : buffer.subarray(0, length);
}

// BOMs are kept, as `readFileSync(path, "utf8")` kept them: nothing of the file is dropped.
const STRICT = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const LOSSY = new TextDecoder("utf-8", { ignoreBOM: true });

/** The index of the first byte that does not begin a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    // The sequence's length and the range of its second byte (RFC 3629 table).
    let more: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) more = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      more = 2;
      if (lead === 0xe0) low = 0xa0;
      else if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      more = 3;
      if (lead === 0xf0) low = 0x90;
      else if (lead === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k <= more; k++) {
      const byte = bytes[i + k];
      if (byte === undefined || byte < (k === 1 ? low : 0x80) || byte > (k === 1 ? high : 0xbf)) return i;
    }
    i += more + 1;
  }
  return -1;
}

/**
 * Bytes as text. Invalid UTF-8 still gives a text (each bad sequence U+FFFD)
 * so that a diagnostic can show where, with `undecodable` saying so: such a
 * text is never to be written back.
 */
export function decodeUtf8(bytes: Uint8Array): ReadResult {
  try {
    return { text: STRICT.decode(bytes) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ERR_ENCODING_INVALID_ENCODED_DATA") {
      return { error: "it is too large to hold as text" };
    }
  }
  const byteOffset = firstInvalidUtf8(bytes);
  const undecodable: Undecodable = { byteOffset, byte: bytes[byteOffset] ?? 0, offset: LOSSY.decode(bytes.subarray(0, byteOffset)).length };
  return { text: LOSSY.decode(bytes), undecodable };
}

function entryKind(entry: Dirent): DirectoryEntry["kind"] {
  if (entry.isSymbolicLink()) return "symlink";
  if (entry.isDirectory()) return "directory";
  if (entry.isFile()) return "file";
  return "other";
}

/** A host over the disk with its own size limit (`diskHost` has the default). */
export function createDiskHost(options: DiskHostOptions = {}): FileHost {
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  return {
    readFile(path) {
      // Stat first: a device is never opened (opening some has effects).
      let stats: Stats;
      try {
        stats = statSync(path);
      } catch (error) {
        return { error: describeFsError(error) };
      }
      const refused = refusal(stats, maxFileSize);
      if (refused) return { error: refused };
      let fd: number;
      try {
        // O_NONBLOCK: should a FIFO replace the file after the stat, the open does not wait for a writer.
        fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
      } catch (error) {
        return { error: describeFsError(error) };
      }
      try {
        const opened = fstatSync(fd);
        const changed = refusal(opened, maxFileSize);
        if (changed) return { error: changed };
        const bytes = readAll(fd, opened.size, maxFileSize);
        if (!bytes) return { error: `it is larger than the ${formatSize(maxFileSize)} limit (--max-file-size)` };
        return decodeUtf8(bytes);
      } catch (error) {
        return { error: describeFsError(error) };
      } finally {
        closeSync(fd);
      }
    },

    stat(path): StatResult {
      try {
        const stats = statSync(path);
        const kind = stats.isDirectory() ? "directory" : stats.isFile() ? "file" : "other";
        return { kind, size: stats.size };
      } catch (error) {
        return { error: describeFsError(error), code: (error as NodeJS.ErrnoException).code };
      }
    },

    readDirectory(path) {
      try {
        return { entries: readdirSync(path, { withFileTypes: true }).map((entry) => ({ name: entry.name, kind: entryKind(entry) })) };
      } catch (error) {
        return { error: describeFsError(error) };
      }
    },

    realpath(path) {
      try {
        return realpathSync.native(path);
      } catch {
        // Reading it will say what is wrong.
        return path;
      }
    },
  };
}

/** The disk with the default limits. */
export const diskHost: FileHost = createDiskHost();
