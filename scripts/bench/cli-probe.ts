// Runs the command line in this process and reports its peak resident memory,
// CPU time and a hash of its output on stderr (`ORGSPEC_PROBE {"peakRssMb": ...}`),
// for the benchmark runner.
// Worker threads share the process, so their memory is included.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";

// The command line as users run it: the bundle (dist/bundle/cli.js), whose
// workers are the bundled worker too; the compiled modules if there is none.
const bundle = new URL("../../bundle/cli.js", import.meta.url);
const { main } = (await import(existsSync(bundle) ? bundle.href : "../../src/cli/main.js")) as typeof import("../../src/cli/main.js");

// The output's hash, so the runner can tell that two runs (another --jobs, the cache) printed the same.
const output = createHash("sha256");
const io = {
  stdout: (text: string) => void output.update(text),
  stderr: (text: string) => process.stderr.write(text),
  cwd: process.cwd(),
  isTTY: false,
};
const status = await main(process.argv.slice(2), io);
const usage = process.resourceUsage();
const peakRssMb = usage.maxRSS / 1024;
// User and system time of the whole process, worker threads included.
const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
process.stderr.write(`ORGSPEC_PROBE ${JSON.stringify({ peakRssMb, cpuMs, outputSha256: output.digest("hex"), status })}\n`);
process.exitCode = status;
