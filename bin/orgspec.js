#!/usr/bin/env node
// The orgspec command: a thin launcher for the bundled CLI (dist/bundle/cli.js,
// built by `npm run build`; docs/performance.md, *Cold start*). The compiled
// modules in dist/src run instead when there is no bundle or it is older than
// them (a bare `tsc` after an edit), so a stale bundle never runs.
import { readFileSync, statSync } from "node:fs";

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-V")) {
  // Answered before the CLI loads (tools probe it on every run): package.json's version, as the CLI prints it (test/cli/startup.test.ts).
  process.stdout.write(`${JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")).version}\n`);
} else {
  const bundled = new URL("../dist/bundle/cli.js", import.meta.url);
  const compiled = new URL("../dist/src/cli/main.js", import.meta.url);
  const modified = (url) => statSync(url, { throwIfNoEntry: false })?.mtimeMs ?? -1;
  const bundleMtime = modified(bundled);
  const { main } = await import((bundleMtime >= 0 && bundleMtime >= modified(compiled) ? bundled : compiled).href);
  process.exitCode = await main(argv);
}
