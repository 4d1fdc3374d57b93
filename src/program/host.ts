// Where file texts come from, as the loader (load.ts) and the disk host
// (disk-host.ts) both see it: apart from either, so that neither imports the other's types.

/** Where the first invalid UTF-8 byte of a file is. */
export interface Undecodable {
  /** Its index in the text as decoded with U+FFFD replacements (the UTF-16 offset of the first one). */
  readonly offset: number;
  /** Its index in the file's bytes. */
  readonly byteOffset: number;
  readonly byte: number;
}

/**
 * A file's text, or why it cannot be read (in words). A file that is not
 * valid UTF-8 has a text with U+FFFD for its bad bytes and `undecodable`.
 */
export type ReadResult = { readonly text: string; readonly undecodable?: Undecodable } | { readonly error: string };

/** What a path is, symbolic links followed. */
export type StatResult = { readonly kind: "file" | "directory" | "other"; readonly size: number } | { readonly error: string; readonly code?: string | undefined };

export interface DirectoryEntry {
  readonly name: string;
  /** `symlink` is not followed: `stat` says what it leads to. */
  readonly kind: "file" | "directory" | "symlink" | "other";
}

/**
 * Where file texts come from: the disk (disk-host.ts, the one place the
 * core's files meet `fs`), an editor's open documents over it, or files in
 * memory (the browser playground). Only `readFile` is required: without
 * `stat` a path is a file when it can be read, without `readDirectory` no
 * folder can be listed, and without `realpath` a path is its own identity.
 */
export interface FileHost {
  /** The file's text, or an error message when it cannot be read. */
  readFile(path: string): ReadResult;
  stat?(path: string): StatResult;
  readDirectory?(path: string): { readonly entries: readonly DirectoryEntry[] } | { readonly error: string };
  /** The path with symbolic links resolved (the path itself when it cannot be). */
  realpath?(path: string): string;
}
