// The report page's script, inlined: the compiled modules of ./client (built
// by `tsc` into dist/src/report/client) joined into one module script, and
// d3-hierarchy's UMD build with its licence. The client modules import only
// each other, by named imports; each is included once, after what it imports.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PACKAGE_ROOT } from "../util/package-root.js";
import { inlineScript } from "./escape.js";

const CLIENT_DIR = new URL("dist/src/report/client/", PACKAGE_ROOT);
const ENTRY = "main.js";
const IMPORT_LINE = /^import\s+\{[^}]*\}\s+from\s+"\.\/([\w-]+\.js)";\s*$/;
const EXPORT_PREFIX = /^export\s+(?=(?:async\s+)?function\b|const\b|let\b|class\b)/;

/** The client modules as one script body, dependencies first. */
export function clientScript(): string {
  const done = new Set<string>();
  const parts: string[] = [];
  const visit = (name: string, chain: readonly string[]) => {
    if (done.has(name)) return;
    if (chain.includes(name)) throw new Error(`report client: import cycle ${[...chain, name].join(" → ")}`);
    let source: string;
    try {
      source = readFileSync(new URL(name, CLIENT_DIR), "utf8");
    } catch {
      throw new Error(`report client: cannot read ${fileURLToPath(new URL(name, CLIENT_DIR))}; build first (npx tsc -p .)`);
    }
    const body: string[] = [];
    for (const line of source.split("\n")) {
      const imported = IMPORT_LINE.exec(line);
      if (imported) visit(imported[1]!, [...chain, name]);
      else if (/^export \{\};?\s*$/.test(line) || line.startsWith("//# sourceMappingURL=")) continue;
      else body.push(line.replace(EXPORT_PREFIX, ""));
    }
    const text = body.join("\n");
    const stray = /^\s*(import|export)\b.*$/m.exec(text);
    if (stray) throw new Error(`report client: ${name} has a statement the inliner does not handle: ${stray[0]}`);
    done.add(name);
    parts.push(`// ${name}\n${text}`);
  };
  visit(ENTRY, []);
  return inlineScript(parts.join("\n"), "the report's script");
}

/** d3-hierarchy's browser build (it defines the global `d3`), preceded by its licence. */
export function hierarchyLibrary(): string {
  const main = createRequire(import.meta.url).resolve("d3-hierarchy");
  const dist = dirname(main);
  const code = readFileSync(join(dist, "d3-hierarchy.min.js"), "utf8");
  const license = readFileSync(join(dist, "..", "LICENSE"), "utf8").trim();
  return inlineScript(`/*! d3-hierarchy (ISC licence)\n${license.replace(/\*\//g, "* /")}\n*/\n${code}`, "d3-hierarchy");
}
