// Parsed files for the language server: files on disk are parsed once and
// kept until they change (FileCache); an open document is parsed again on
// each new version, in part — only the statements around the edit — where
// that gives what a whole parse gives (src/program/incremental.ts). So an
// edit costs the parse of a few statements of one file, however large the
// file and however many files the program has.
import { FileCache, parseSourceFile, reparseSourceFile, type FileHost, type SourceFile } from "./api.js";

/** An open document as the cache sees it. */
export interface OpenText {
  getText(): string;
}

export class DocumentCache extends FileCache {
  /** The last parse of each open document. */
  private readonly parsed = new Map<string, SourceFile>();
  /** How many statements-only and whole parses open documents have had (for the latency script and tests). */
  readonly counts = { partial: 0, whole: 0 };

  constructor(
    host: FileHost,
    private readonly open: (path: string) => OpenText | undefined,
  ) {
    super(host);
  }

  override get(path: string): SourceFile | { error: string } {
    const document = this.open(path);
    if (!document) return super.get(path);
    // Versions are the client's word (a file opened again may start over at 1): the text decides.
    const last = this.parsed.get(path);
    const text = document.getText();
    let file: SourceFile;
    if (last) {
      const outcome = reparseSourceFile(last, text);
      file = outcome.file;
      if (typeof outcome.parsed === "object") this.counts.partial++;
      else if (outcome.parsed === "whole") this.counts.whole++;
    } else {
      file = parseSourceFile(path, text);
      this.counts.whole++;
    }
    this.parsed.set(path, file);
    return file;
  }

  override has(path: string): boolean {
    return this.open(path) !== undefined || super.has(path);
  }

  /** The document was closed: its file is read from the host again. */
  closed(path: string): void {
    this.parsed.delete(path);
    this.invalidate(path);
  }
}
