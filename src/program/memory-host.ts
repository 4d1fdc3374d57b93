// Files held in memory, as a FileHost: the browser playground's tabs (and
// VS Code for the web's open files) where there is no disk to read.
import type { DirectoryEntry, FileHost, ReadResult, StatResult } from "./host.js";

export class MemoryHost implements FileHost {
  private readonly files = new Map<string, string>();

  constructor(files: Readonly<Record<string, string>> = {}) {
    this.replace(files);
  }

  /** Replaces every file with these (absolute paths). */
  replace(files: Readonly<Record<string, string>>): void {
    this.files.clear();
    for (const [path, text] of Object.entries(files)) this.files.set(path, text);
  }

  paths(): string[] {
    return [...this.files.keys()].sort();
  }

  readFile(path: string): ReadResult {
    const text = this.files.get(path);
    return text === undefined ? { error: "no such file or directory" } : { text };
  }

  stat(path: string): StatResult {
    const text = this.files.get(path);
    if (text !== undefined) return { kind: "file", size: text.length };
    const folder = path.endsWith("/") ? path : `${path}/`;
    for (const file of this.files.keys()) if (file.startsWith(folder)) return { kind: "directory", size: 0 };
    return { error: "no such file or directory", code: "ENOENT" };
  }

  readDirectory(path: string): { readonly entries: readonly DirectoryEntry[] } | { readonly error: string } {
    const folder = path.endsWith("/") ? path : `${path}/`;
    const entries = new Map<string, DirectoryEntry["kind"]>();
    for (const file of this.files.keys()) {
      if (!file.startsWith(folder)) continue;
      const rest = file.slice(folder.length);
      const slash = rest.indexOf("/");
      entries.set(slash === -1 ? rest : rest.slice(0, slash), slash === -1 ? "file" : "directory");
    }
    if (entries.size === 0) return { error: "no such file or directory" };
    return { entries: [...entries].map(([name, kind]) => ({ name, kind })) };
  }
}
