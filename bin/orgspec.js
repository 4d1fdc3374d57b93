#!/usr/bin/env node
// The orgspec command: a thin launcher for the bundled CLI (dist/bundle/cli.js,
// built by `npm run build`; docs/performance.md, *Cold start*). Before the
// bundle is built (a bare `tsc`), the compiled modules in dist/src run instead.
import { existsSync } from "node:fs";

const bundled = new URL("../dist/bundle/cli.js", import.meta.url);
const { main } = await import(existsSync(bundled) ? bundled.href : "../dist/src/cli/main.js");

process.exitCode = await main(process.argv.slice(2));
