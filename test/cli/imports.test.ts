// The CLI's modules import one another without a circle: each command's
// module leans on input.ts, io.ts and files.ts, and main.ts on the commands,
// never the other way round. Type-only imports count too. The same holds
// within the checker's front end (src/check, src/program, src/config, src/reporters).
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(new URL("../../", import.meta.url).pathname);

/** Every relative import and re-export of a module (static, dynamic, type-only), as repository paths of .ts files. */
function importsOf(file: string): string[] {
  const source = readFileSync(join(ROOT, file), "utf8");
  const found = [...source.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)"(\.[^"]+)\.js"/gm)].map((match) => match[1]!);
  return found.map((target) => relative(ROOT, resolve(ROOT, dirname(file), `${target}.ts`)));
}

/** The circles among `files` (each as the path round it), by depth-first search. */
function circles(files: readonly string[]): string[][] {
  const inside = new Set(files);
  const found: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, "open");
    stack.push(file);
    for (const target of importsOf(file).filter((target) => inside.has(target))) {
      if (state.get(target) === "open") found.push([...stack.slice(stack.indexOf(target)), target]);
      else if (!state.has(target)) visit(target);
    }
    stack.pop();
    state.set(file, "done");
  };
  for (const file of files) if (!state.has(file)) visit(file);
  return found;
}

const modulesOf = (...folders: string[]) =>
  folders.flatMap((folder) => readdirSync(join(ROOT, folder)).filter((name) => name.endsWith(".ts")).map((name) => `${folder}/${name}`));

describe("the CLI's imports", () => {
  it("form no circle", () => {
    expect(modulesOf("src/cli").length).toBeGreaterThan(5);
    expect(circles(modulesOf("src/cli"))).toEqual([]);
  });

  it("form no circle with the checker's front end either", () => {
    expect(circles(modulesOf("src/cli", "src/check", "src/program", "src/config", "src/reporters"))).toEqual([]);
  });

  it("would find a circle (the walker sees type-only and re-export imports)", () => {
    // main.ts imports the commands; io.ts is re-exported by files.ts.
    expect(importsOf("src/cli/main.ts")).toContain("src/cli/check-command.ts");
    expect(importsOf("src/cli/files.ts")).toContain("src/cli/io.ts");
    expect(importsOf("src/cli/check-command.ts")).toContain("src/cli/io.ts");
  });
});
