// The core runs in a browser: the playground's worker (the language server of
// lsp/browser/server.ts, the report and the agenda) bundles with esbuild for
// `platform: "browser"`, which fails on any Node module it meets — and it is
// the same wiring and handlers as `orgspec lsp`, not a second implementation.
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const REPO = fileURLToPath(new URL("../../", import.meta.url));

interface PlaygroundBuild {
  BROWSER: Record<string, unknown>;
  buildWorker(scripts: null): Promise<{ code: string; metafile: { inputs: Record<string, unknown> } }>;
}

const playground = (await import(new URL("../../playground/build.mjs", import.meta.url).href)) as PlaygroundBuild;

describe("the browser bundle", () => {
  it("builds for the browser with no Node module, from the same serve(), dispatch and handlers as orgspec lsp", async () => {
    const { code, metafile } = await playground.buildWorker(null);
    const inputs = Object.keys(metafile.inputs);
    expect(inputs.filter((input) => /^node:|^(fs|path|os|url|worker_threads|child_process|module|crypto)$/.test(input))).toEqual([]);
    for (const shared of ["lsp/serve.ts", "lsp/dispatch.ts", "lsp/workspace.ts", "lsp/handlers/completion.ts", "lsp/handlers/hover.ts", "lsp/handlers/semantic-tokens.ts", "src/check/run-rules.ts", "src/report/page.ts"]) {
      expect(inputs, shared).toContain(shared);
    }
    for (const nodeOnly of ["lsp/server.ts", "src/program/disk-host.ts", "src/check/parallel.ts", "src/report/inline-client.ts", "src/index.ts"]) {
      expect(inputs, nodeOnly).not.toContain(nodeOnly);
    }
    expect(code.length).toBeGreaterThan(100_000);
  });

  it("fails on a Node import, naming it (so the test above can fail)", async () => {
    await expect(build({ ...playground.BROWSER, entryPoints: [join(REPO, "src/program/disk-host.ts")], write: false, logLevel: "silent" })).rejects.toThrow(
      /Could not resolve "node:fs"/,
    );
  });
});
