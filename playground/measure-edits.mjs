// Measures edits of a large spec in the playground, in headless Chromium: the
// language server in its web worker, as VS Code for the web runs it (the
// figure docs/playground.md records; not a test). The generated 20,021-line
// spec of scripts/lsp-latency.ts replaces sinuiju.org; then a name in a
// statement is made unknown and known again, alternately, each time from the
// edit until the markers change. Several builds may be given; their runs
// alternate, so that a before and an after share the machine's load:
//   node playground/measure-edits.mjs [--runs 2] [--edits 40] [dir ...]   (default dist/playground)
import { loadavg } from "node:os";
import { resolve } from "node:path";
import { launchChromium, openPlayground } from "./measure-page.mjs";
import { generatedSpec } from "../dist/scripts/lsp-latency.js";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args.splice(at, 2)[1]) : fallback;
};
const runs = option("--runs", 2);
const edits = option("--edits", 40);
const dirs = (args.length > 0 ? args : ["dist/playground"]).map((dir) => resolve(dir));
const WARM_UP = 6;

const browser = await launchChromium();

async function once(dir, text) {
  const page = await openPlayground(browser, dir);
  const samples = await page.evaluate(
    async ({ text, edits }) => {
      const { monaco, editor } = window.orgspecPlayground;
      const model = monaco.editor.getModels().find((candidate) => candidate.uri.path.endsWith("/sinuiju.org"));
      editor.setModel(model);
      // The next change of this file's markers (NaN after 10 s: a change that never came).
      const markersChange = () =>
        new Promise((done) => {
          const timer = setTimeout(() => done(Number.NaN), 10_000);
          const listener = monaco.editor.onDidChangeMarkers((uris) => {
            if (!uris.some((uri) => uri.toString() === model.uri.toString())) return;
            clearTimeout(timer);
            listener.dispose();
            done(performance.now());
          });
        });
      let changed = markersChange();
      model.setValue(text);
      await changed;
      await new Promise((done) => setTimeout(done, 500));
      // `every month ... meeting cellN` in the file's second half: an `x` after the name makes it unknown (ORG002).
      const lines = text.split("\n");
      const line = lines.findIndex((content, index) => index > lines.length / 2 && content.startsWith("every month")) + 1;
      const column = lines[line - 1].length + 1;
      const taken = [];
      for (let edit = 0; edit < edits; edit++) {
        changed = markersChange();
        const start = performance.now();
        const typing = edit % 2 === 0;
        const range = new monaco.Range(line, column, line, typing ? column : column + 1);
        model.pushEditOperations([], [{ range, text: typing ? "x" : "" }], () => null);
        taken.push((await changed) - start);
        await new Promise((done) => setTimeout(done, 50));
      }
      return taken;
    },
    { text, edits },
  );
  await page.close();
  return samples.slice(WARM_UP);
}

const text = generatedSpec();
const loadBefore = loadavg()[0];
const results = new Map(dirs.map((dir) => [dir, []]));
for (let run = 0; run < runs; run++) for (const dir of dirs) results.get(dir).push(await once(dir, text));
await browser.close();

const stats = (samples) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return `median ${sorted[Math.floor(sorted.length / 2)].toFixed(1)} ms, p95 ${sorted[Math.floor(sorted.length * 0.95)].toFixed(1)} ms`;
};
console.log(`load average ${loadBefore.toFixed(2)} before, ${loadavg()[0].toFixed(2)} after; ${runs} runs of ${edits} edits each (the first ${WARM_UP} of each left out)`);
for (const [dir, samples] of results) console.log(`${dir}: edit → markers, ${samples.map(stats).join("; ")}`);
