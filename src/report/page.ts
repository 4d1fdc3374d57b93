// The report page: one self-contained HTML file, its scripts given (read from
// the installed package by inline-client.ts in Node, built into the
// playground's bundle in a browser). Styles, d3-hierarchy and the
// page's script are inline, the data is embedded as JSON, and a Content
// Security Policy forbids every network request. What the server writes as
// HTML (the header) is escaped; the script builds everything else from the
// data with text nodes.
import type { ReportData } from "./data.js";
import { escapeHtml, jsonForScript } from "./escape.js";
import { REPORT_CSS } from "./styles.js";

const MS_PER_DAY = 86_400_000;
const day = (value: number) => new Date(value * MS_PER_DAY).toISOString().slice(0, 10);
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

const CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

function header(data: ReportData): string {
  const { summary } = data;
  const periods = data.periods.map((period) => `${day(period.from)} to ${day(period.to)}`).join("; ") || "no period";
  const counts: readonly [string, number, string][] = [
    ["errors", summary.errors, plural(summary.errors, "error")],
    ["warnings", summary.warnings, plural(summary.warnings, "warning")],
    ["infos", summary.infos, plural(summary.infos, "info")],
    ["units", summary.units, plural(summary.units, "unit")],
    ["people", summary.people, summary.people === 1 ? "1 person" : `${summary.people} people`],
    ["files", summary.files, plural(summary.files, "file")],
  ];
  const items = counts.map(([name, count, text]) => `<li class="${name}"><span class="n">${count}</span>${escapeHtml(text.slice(String(count).length + 1))}</li>`).join("");
  const waived =
    (summary.waived > 0 ? `<li class="waived"><span class="n">${summary.waived}</span>waived</li>` : "") +
    (summary.baselined > 0 ? `<li class="baselined"><span class="n">${summary.baselined}</span>baselined</li>` : "");
  return `<header class="page">
<h1>${escapeHtml(data.organization)}</h1>
<p>orgspec report of ${escapeHtml(data.sources.join(", "))} · period ${escapeHtml(periods)}${data.asOf !== null ? ` · deadlines judged at ${day(data.asOf)}` : ""} · orgspec ${escapeHtml(data.tool.version)}</p>
<ul class="summary">${items}${waived}</ul>
</header>`;
}

/**
 * The findings a baseline or waivers suppress, in their own section: they
 * fail nothing, but whoever reads the report sees them and why. Written by
 * the server (escaped), as the page's script needs nothing of them.
 */
function suppressedSection(data: ReportData): string {
  if (data.suppressed.length === 0) return "";
  const rows = data.suppressed.map((finding) => {
    const why = finding.by === "baseline" ? "baseline" : finding.until ? `waiver until ${finding.until}` : "waiver";
    const cells = [why, finding.code, `${finding.file}:${finding.line}`, finding.message, finding.reason || "(no reason given)"];
    return `<tr>${cells.map((cell) => `<td>${escapeHtml(cell)}</td>`).join("")}</tr>`;
  });
  return `<section id="suppressed">
<h2>Baselined and waived (${data.suppressed.length})</h2>
<table class="suppressed"><thead><tr><th scope="col">Suppressed by</th><th scope="col">Code</th><th scope="col">Where</th><th scope="col">Message</th><th scope="col">Reason</th></tr></thead>
<tbody>${rows.join("")}</tbody></table>
</section>`;
}

const LEGEND = `<span class="legend">Worst diagnostic:<span class="swatch" style="background:var(--error)"></span>error<span class="swatch" style="background:var(--warning)"></span>warning<span class="swatch" style="background:var(--info)"></span>info<span class="swatch" style="background:var(--none)"></span>none</span>`;

/** The page's scripts, as inline script bodies: d3-hierarchy and the report's own client. */
export interface ReportScripts {
  readonly hierarchy: string;
  readonly client: string;
}

export function renderReportPage(data: ReportData, scripts: ReportScripts): string {
  const unassigned =
    data.unassigned.length > 0
      ? `<section id="applicants"><details id="unassigned"><summary>Applicants and candidates without a known cell (${data.unassigned.length})</summary></details></section>`
      : "";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(CSP)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="orgspec ${escapeHtml(data.tool.version)}">
<title>${escapeHtml(data.organization)} — orgspec report</title>
<style>${REPORT_CSS}</style>
</head>
<body>
${header(data)}
<nav class="sections"><a href="#organization">Organization</a><a href="#unit">Selected unit</a><a href="#diagnostics">Diagnostics</a>${data.suppressed.length > 0 ? `<a href="#suppressed">Baselined and waived</a>` : ""}</nav>
<main>
<noscript><p>This report draws its chart and tables with JavaScript; allow scripts for this file to see them.</p></noscript>
<section id="organization">
<h2>Organization</h2>
<div class="toolbar">
<input id="unit-search" type="search" list="unit-names" placeholder="Find a unit by name or ID" aria-label="Find a unit">
<datalist id="unit-names"></datalist>
<button type="button" id="expand-all">Expand all</button>
<button type="button" id="collapse-all">Collapse all</button>
${LEGEND}
</div>
<div id="chart-canvas"></div>
<p id="chart-caption" class="chart-caption" aria-live="polite"></p>
</section>
<section id="unit">
<h2>Selected unit</h2>
<div id="unit-panel"></div>
</section>
${unassigned}
<section id="diagnostics">
<h2>Diagnostics</h2>
<div id="diagnostics-table"></div>
</section>
${suppressedSection(data)}
</main>
<script type="application/json" id="report-data">${jsonForScript(data)}</script>
<script>${scripts.hierarchy}</script>
<script type="module">${scripts.client}</script>
</body>
</html>
`;
}
