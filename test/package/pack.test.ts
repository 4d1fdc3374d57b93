// What `npm publish` would ship: `npm pack --dry-run --json` over the built
// tree (--ignore-scripts: `npm test` has just built it; prepack would rebuild
// from a clean dist/). The package holds what a user runs or reads — the
// compiled library, CLI, language server and prettier plugin with their
// types, the JSON Schemas, the user docs — and nothing else: no source maps
// (their sources are not shipped), no bench or docs scripts, no VS Code
// extension, no screenshots, no contributor docs.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { TOOL_VERSION } from "../../src/reporters/version.js";
import { findPackageRoot, PACKAGE_ROOT } from "../../src/util/package-root.js";
import { cleanUp, tempDir } from "../fixtures/support.js";

afterAll(cleanUp);

const REPO = fileURLToPath(new URL("../../", import.meta.url));

interface Packed {
  entryCount: number;
  size: number;
  files: { path: string }[];
}

function pack(): Packed {
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const out = execFileSync(npm, ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: REPO, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  return (JSON.parse(out) as Packed[])[0]!;
}

/** The TypeScript sources below `dir` (relative to the repository), without declarations. */
function sources(dir: string): string[] {
  return readdirSync(join(REPO, dir), { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".ts") && !file.endsWith(".d.ts"))
    .map((file) => `${dir}/${file.split("\\").join("/")}`);
}

const USER_DOCS = ["ci.md", "cli.md", "configuration.md", "formatting.md", "grammar.html", "language.md", "lsp.md", "playground.md", "report-and-agenda.md", "rules.md"];

describe("the npm package", () => {
  const packed = pack();
  const files = packed.files.map((file) => file.path).sort();

  it("is the compiled grammar, library and server (a .js and a .d.ts for each source), the CLI/worker/server bundles, bin, schemas, the license, README and user docs — nothing else", () => {
    const compiled = [...sources("grammar"), ...sources("src"), ...sources("lsp").filter((file) => !file.startsWith("lsp/vscode/") && !file.startsWith("lsp/browser/"))].flatMap(
      (source) => {
        const base = `dist/${source.slice(0, -".ts".length)}`;
        return [`${base}.js`, `${base}.d.ts`];
      },
    );
    // The bundles bin/orgspec.js runs (scripts/bundle.ts), without esbuild's metafile.
    const bundles = existsSync(join(REPO, "dist/bundle"))
      ? readdirSync(join(REPO, "dist/bundle"))
          .filter((file) => file.endsWith(".js"))
          .map((file) => `dist/bundle/${file}`)
      : [];
    const schemas = readdirSync(join(REPO, "schema")).map((file) => `schema/${file}`);
    const docs = USER_DOCS.filter((file) => existsSync(join(REPO, "docs", file))).map((file) => `docs/${file}`);
    const expected = ["LICENSE", "README.md", "bin/orgspec.js", "package.json", ...compiled, ...bundles, ...schemas, ...docs].sort();
    expect(files).toEqual(expected);
  });

  it("has no source map, script, bench, VS Code extension, playground or image", () => {
    expect(files.filter((file) => /\.map$|^dist\/(scripts|bench|playground)\/|^dist\/lsp\/(vscode|browser)\/|\.(png|tgz|vsix)$/.test(file))).toEqual([]);
  });

  it("a checkout builds on install (prepare); the packed manifest has no prepare, and postpack restores package.json byte for byte", () => {
    const original = readFileSync(join(REPO, "package.json"), "utf8");
    const manifest = JSON.parse(original) as { scripts: Record<string, string> };
    expect(manifest.scripts["prepare"]).toBe("npm run build");
    expect(manifest.scripts["prepack"]).toMatch(/npm run build && node scripts\/package\/manifest\.mjs strip$/);
    expect(manifest.scripts["postpack"]).toBe("node scripts/package/manifest.mjs restore");
    const dir = tempDir();
    writeFileSync(join(dir, "package.json"), original);
    const script = join(REPO, "scripts/package/manifest.mjs");
    execFileSync(process.execPath, [script, "strip"], { cwd: dir });
    const packed = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { scripts: Record<string, string> };
    const { prepare, ...others } = manifest.scripts;
    expect(prepare).toBeDefined();
    expect(packed).toEqual({ ...manifest, scripts: others });
    execFileSync(process.execPath, [script, "restore"], { cwd: dir });
    expect(readFileSync(join(dir, "package.json"), "utf8")).toBe(original);
    expect(existsSync(join(dir, ".package.json.prepack"))).toBe(false);
  });

  it("the version the tools print is package.json's (bump src/reporters/version.ts with it)", () => {
    const manifest = JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as { version: string };
    expect(TOOL_VERSION).toBe(manifest.version);
  });

  it("finds the package root from the sources, the compiled tree and the VS Code bundle's stand-in URL", () => {
    expect(PACKAGE_ROOT.href).toBe(new URL("../../", import.meta.url).href);
    expect(findPackageRoot("file:///x/orgspec/dist/src/util/package-root.js").href).toBe("file:///x/orgspec/");
    expect(findPackageRoot("file:///x/orgspec/src/util/package-root.ts").href).toBe("file:///x/orgspec/");
    expect(findPackageRoot("file:///ext/dist/src/check/codes.js").href).toBe("file:///ext/");
  });
});
