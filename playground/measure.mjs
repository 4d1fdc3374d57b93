// Measures the playground's time to its first diagnostics in headless
// Chromium (the figure docs/playground.md records; not a test). Each run is
// a fresh page (its own browser context, so nothing is cached between runs).
// Several builds may be given, and their runs alternate, so that a before
// and an after share the machine's load:
//   node playground/measure.mjs [--runs 7] [dir ...]   (default dist/playground)
import { readdirSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { launchChromium, openPlayground } from "./measure-page.mjs";

const args = process.argv.slice(2);
const runsAt = args.indexOf("--runs");
const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 7;
const dirs = (args.length > 0 ? args : ["dist/playground"]).map((dir) => resolve(dir));

const browser = await launchChromium();

async function once(dir) {
  const page = await openPlayground(browser, dir);
  const timing = await page.evaluate(() => ({
    load: performance.getEntriesByType("navigation")[0].loadEventEnd,
    first: window.orgspecPlayground.firstDiagnosticsAt,
  }));
  await page.close();
  return { afterLoad: timing.first - timing.load, afterNavigation: timing.first };
}

const results = new Map(dirs.map((dir) => [dir, []]));
const loadBefore = loadavg()[0];
await once(dirs[0]); // a warm-up: Chromium's own start-up
for (let run = 0; run < runs; run++) for (const dir of dirs) results.get(dir).push(await once(dir));
await browser.close();

const range = (values) => `${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)} ms (median ${values.sort((a, b) => a - b)[Math.floor(values.length / 2)].toFixed(0)})`;
console.log(`load average ${loadBefore.toFixed(2)} before, ${loadavg()[0].toFixed(2)} after; ${runs} runs each`);
for (const [dir, found] of results) {
  const gzip = readdirSync(dir).reduce((sum, file) => sum + gzipSync(readFileSync(join(dir, file))).length, 0);
  console.log(`${dir}: ${(gzip / 1024 / 1024).toFixed(2)} MiB gzipped`);
  console.log(`  after load:       ${range(found.map((entry) => entry.afterLoad))}  [${found.map((entry) => entry.afterLoad.toFixed(0)).join(" ")}]`);
  console.log(`  after navigation: ${range(found.map((entry) => entry.afterNavigation))}`);
}
