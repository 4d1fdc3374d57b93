// The pipeline's stages import only earlier ones: no module imports, even
// for types only, a module that imports it back. A cycle is how a stage
// starts knowing about a later one (the program loader about the model, a
// rule's options about its obligations), so the test names every cycle.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const REPO = resolve(import.meta.dirname, "../..");
const ROOTS = ["grammar", "src", "lsp"];
/** The VS Code extension is its own package with its own build. */
const SKIPPED_FOLDERS = new Set(["vscode", "node_modules"]);

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return SKIPPED_FOLDERS.has(entry.name) ? [] : sourceFiles(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

/** Each module's relative imports and re-exports, type-only ones included. */
function importGraph(files: readonly string[]): Map<string, string[]> {
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
    const targets = importedFiles
      .map((reference) => reference.fileName)
      .filter((name) => name.startsWith("."))
      .map((name) => resolve(dirname(file), name.replace(/\.js$/, ".ts")))
      .filter((target) => known.has(target));
    graph.set(file, targets);
  }
  return graph;
}

/** Strongly connected components of more than one module (Tarjan's algorithm). */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const order = new Map<string, number>();
  const lowest = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    order.set(node, counter);
    lowest.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!order.has(next)) {
        visit(next);
        lowest.set(node, Math.min(lowest.get(node)!, lowest.get(next)!));
      } else if (onStack.has(next)) {
        lowest.set(node, Math.min(lowest.get(node)!, order.get(next)!));
      }
    }
    if (lowest.get(node) !== order.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1) found.push(component.sort());
  };
  for (const node of graph.keys()) if (!order.has(node)) visit(node);
  return found;
}

const files = ROOTS.flatMap((root) => sourceFiles(join(REPO, root)));
const graph = importGraph(files);
const name = (file: string): string => relative(REPO, file);

describe("the import graph", () => {
  it("reads the whole pipeline", () => {
    const reached = new Set<string>();
    const reach = (file: string): void => {
      if (reached.has(file)) return;
      reached.add(file);
      for (const next of graph.get(file) ?? []) reach(next);
    };
    reach(join(REPO, "src/index.ts"));
    const stages = ["grammar/parser.ts", "src/syntax/build-ast.ts", "src/program/load.ts", "src/model/resolve.ts", "src/rules/index.ts", "src/check/run-rules.ts"];
    expect(stages.filter((stage) => !reached.has(join(REPO, stage)))).toEqual([]);
  });

  it("has no cycles, type-only imports included", () => {
    expect(cycles(graph).map((component) => component.map(name))).toEqual([]);
  });

  it("finds a cycle when there is one", () => {
    const a = join(REPO, "a.ts");
    const b = join(REPO, "b.ts");
    expect(cycles(new Map([[a, [b]], [b, [a]]])).map((component) => component.map(name))).toEqual([["a.ts", "b.ts"]]);
  });

  it("keeps the program stage free of the model it feeds", () => {
    const loader = [...graph].filter(([file]) => name(file).startsWith("src/program/"));
    const intoModel = loader.flatMap(([file, targets]) => targets.filter((target) => name(target).startsWith("src/model/")).map((target) => `${name(file)} → ${name(target)}`));
    expect(intoModel).toEqual([]);
  });
});
