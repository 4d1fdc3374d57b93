// Formatting time on a generated ~20,000-line spec. Not a test: run it by hand
// after building (`npx tsc -p .`):
//
//   node bench/format-bench.mjs [lines] [runs]
//
// It prints the median wall time of `formatText` (prettier with the plugin,
// plus the formatter's token self-check) on the generated text and on its
// formatted output, and how much of it is prettier.format and the parser.
// Set ORGSPEC_DIST to load another build.
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";

const dist = resolve(process.env.ORGSPEC_DIST ?? new URL("../dist", import.meta.url).pathname);
const load = (path) => import(pathToFileURL(resolve(dist, path)).href);
const { formatText } = await load("src/format/index.js");
const { default: plugin } = await load("src/format/plugin.js");
const { parseText } = await load("src/syntax/parse.js");
const prettier = await import("prettier");

const targetLines = Number(process.argv[2] ?? 20000);
const runs = Number(process.argv[3] ?? 5);

/** A deterministic spec with every construct, comments, and deliberately untidy spacing. */
function generate(target) {
  const out = ['// Generated benchmark spec', 'import "committees.org"', "period 2026-01-01 to 2026-06-30", ""];
  let unit = 0;
  while (out.length < target) {
    const u = `cell_${unit}`;
    const members = Array.from({ length: 12 }, (_, i) => `p${unit}_${i}`);
    out.push(`residence block${unit} "Block ${unit}"`);
    out.push(`cell ${u}   "Generated Cell No. ${unit}" {   // expect: ORG201`);
    out.push("  under sinuiju", "  setting   residential", `  covers block${unit}`, "  critique weekly");
    out.push(`  secretary ${members[0]}`, `  deputy ${members[1]}`);
    out.push(`  committee { elected 2025-12-15 members ${members.slice(0, 5).join(", ")} }`);
    out.push("");
    out.push("  // roster");
    for (const [i, id] of members.entries()) {
      const note = i % 4 === 0 ? "   // orgspec-waive ORG114 until 2026-09-30 -- transfer pending" : "";
      out.push(`  member ${id} "Member ${i} of ${unit}" joined 2010-01-${String((i % 28) + 1).padStart(2, "0")} at block${unit}${note}`);
    }
    out.push(`  candidate c${unit} "Candidate ${unit}" since 2025-11-02 youth_league`);
    out.push("}");
    out.push("");
    out.push(`every month from 2026-01-12 to 2026-06-12 meeting ${u}`);
    out.push(`every week from 2026-01-05 to 2026-06-29 critique ${u}`);
    out.push(`every 2 months from 2026-02-15 to 2026-06-15 report ${u} to sinuiju, north_pyongan, ${members.slice(2, 6).join(", ")}`);
    out.push(`on 2026-01-12 meeting ${u} { present ${members.join(", ")} }`);
    out.push(`on 2026-02-03 application a${unit} "Applicant ${unit}" youth_league to ${u} { recommended by ${members[0]}, ${members[1]} youth league letter }`);
    out.push(`on 2026-02-09 review a${unit} at ${u}`, `on 2026-02-10 forward a${unit} to sinuiju`, `on 2026-03-01 approve a${unit} by sinuiju`);
    out.push("");
    unit++;
  }
  return out.join("\n") + "\n";
}

function median(values) {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)];
}

const text = generate(targetLines);
const lineCount = text.split("\n").length - 1;
const timings = { parse: [], prettier: [], first: [], second: [] };
const time = async (key, work) => {
  const start = performance.now();
  const result = await work();
  timings[key].push(performance.now() - start);
  return result;
};
let formatted = await formatText(text); // warm-up (JIT, prettier's lazy loading)
for (let run = 0; run < runs; run++) {
  await time("parse", () => parseText("bench.org", text));
  await time("prettier", () => prettier.format(text, { parser: "orgspec", plugins: [plugin] }));
  formatted = await time("first", () => formatText(text, { filepath: "bench.org" }));
  const again = await time("second", () => formatText(formatted, { filepath: "bench.org" }));
  if (again !== formatted) throw new Error("not idempotent on the benchmark spec");
}
const ms = (key) => `${median(timings[key]).toFixed(0)} ms`;
console.log(`input: ${lineCount} lines, ${text.length} characters; output: ${formatted.split("\n").length - 1} lines`);
console.log(`median of ${runs} runs:`);
console.log(`  formatText, unformatted input:   ${ms("first")}`);
console.log(`  formatText, already formatted:   ${ms("second")}`);
console.log(`  of which prettier.format:        ${ms("prettier")} (the rest is the token self-check)`);
console.log(`  of which parseText (the parser): ${ms("parse")}`);
console.log(`node ${process.version}, ${process.platform} ${process.arch}`);
