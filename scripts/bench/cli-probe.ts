// Runs the command line in this process and reports its peak resident memory
// on stderr (`ORGSPEC_PROBE {"peakRssMb": ...}`), for the benchmark runner.
// Worker threads share the process, so their memory is included.
import { existsSync } from "node:fs";

// The command line as users run it: the bundle (dist/bundle/cli.js), whose
// workers are the bundled worker too; the compiled modules if there is none.
const bundle = new URL("../../bundle/cli.js", import.meta.url);
const { main } = (await import(existsSync(bundle) ? bundle.href : "../../src/cli/main.js")) as typeof import("../../src/cli/main.js");

const io = {
  stdout: () => {},
  stderr: (text: string) => process.stderr.write(text),
  cwd: process.cwd(),
  isTTY: false,
};
const status = await main(process.argv.slice(2), io);
const peakRssMb = process.resourceUsage().maxRSS / 1024;
process.stderr.write(`ORGSPEC_PROBE ${JSON.stringify({ peakRssMb, status })}\n`);
process.exitCode = status;
