// The report page's stylesheet, inlined into its <style>.
export const REPORT_CSS = `
:root { --error: #c62828; --warning: #b26a00; --info: #1565c0; --none: #78909c; --ink: #1d2630; --muted: #5f6b76; --line: #d5dbe0; --paper: #f6f7f9; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--ink); background: var(--paper); }
header.page { padding: 18px 28px 12px; background: #fff; border-bottom: 1px solid var(--line); }
header.page h1 { margin: 0 0 4px; font-size: 22px; }
header.page p { margin: 2px 0; color: var(--muted); }
.summary { display: flex; gap: 10px; flex-wrap: wrap; margin-top: 10px; padding: 0; list-style: none; }
.summary li { background: var(--paper); border: 1px solid var(--line); border-radius: 6px; padding: 4px 10px; }
.summary .n { font-weight: 700; margin-right: 4px; }
.summary .errors .n { color: var(--error); } .summary .warnings .n { color: var(--warning); } .summary .infos .n { color: var(--info); }
nav.sections { padding: 6px 28px; background: #fff; border-bottom: 1px solid var(--line); }
nav.sections a { margin-right: 16px; color: var(--info); }
main { padding: 8px 28px 40px; }
section { background: #fff; border: 1px solid var(--line); border-radius: 8px; margin: 16px 0; padding: 12px 18px 16px; }
section h2 { margin: 0 0 8px; font-size: 17px; }
.toolbar { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; margin-bottom: 8px; }
.toolbar input { width: 340px; padding: 4px 8px; }
.legend { color: var(--muted); font-size: 12px; }
.legend .swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin: 0 4px 0 10px; vertical-align: -1px; }
#chart-canvas { overflow: auto; max-height: 70vh; border: 1px solid var(--line); border-radius: 6px; background: #fbfcfd; }
.org-chart .links path { fill: none; stroke: #b0bec5; stroke-width: 1.5; }
.unit-node { cursor: pointer; outline: none; }
.chart-caption { min-height: 1.3em; margin: 4px 0 0; font-size: 12px; color: var(--muted); }
.unit-node .card { fill: #fff; stroke: var(--line); stroke-width: 1.2; }
.unit-node:hover .card, .unit-node:focus .card { stroke: var(--ink); }
.unit-node.selected .card { stroke: var(--ink); stroke-width: 2.5; }
.unit-node .stripe { fill: var(--none); }
.unit-node[data-worst="error"] .stripe, .unit-node[data-worst="error"] .badge { fill: var(--error); }
.unit-node[data-worst="warning"] .stripe, .unit-node[data-worst="warning"] .badge { fill: var(--warning); }
.unit-node[data-worst="info"] .stripe, .unit-node[data-worst="info"] .badge { fill: var(--info); }
.unit-node[data-worst="error"] .card { stroke: var(--error); }
.unit-node[data-worst="warning"] .card { stroke: var(--warning); }
.unit-node .name { font-weight: 650; font-size: 12.5px; fill: var(--ink); }
.unit-node .facts, .unit-node .leaders { font-size: 11px; fill: var(--muted); }
.unit-node .badge-count { font-size: 11px; font-weight: 700; fill: #fff; text-anchor: middle; }
.unit-node .toggle circle { fill: #fff; stroke: #90a4ae; }
.unit-node .toggle text { font-size: 10px; text-anchor: middle; fill: var(--ink); }
.unit-node .toggle:hover circle { stroke: var(--ink); }
#unit-panel:empty::before { content: "Select a unit in the chart (or search for one) to see its calendar, candidates and roster."; color: var(--muted); }
.unit-details h3 { margin: 0 0 6px; font-size: 16px; }
.unit-details h3 code { font-weight: 400; color: var(--muted); }
.unit-details h4 { margin: 16px 0 6px; font-size: 14px; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 0; }
dl.facts dt { color: var(--muted); } dl.facts dd { margin: 0; }
ul.unit-diagnostics { margin: 0; padding-left: 18px; }
li.severity-error code, tr.severity-error .severity { color: var(--error); font-weight: 600; }
li.severity-warning code, tr.severity-warning .severity { color: var(--warning); font-weight: 600; }
li.severity-info code, tr.severity-info .severity { color: var(--info); font-weight: 600; }
.calendar .month-line { stroke: #e3e7ea; }
.calendar .month-label { font-size: 10.5px; fill: var(--muted); }
.calendar .row-label { font-size: 12px; fill: var(--ink); }
.calendar .track { fill: #eef1f3; }
.calendar .tick { stroke: #37474f; stroke-width: 2; }
.calendar .mark { fill: var(--error); fill-opacity: 0.28; stroke: var(--error); stroke-width: 1; }
.calendar .calendar-row.short .row-label { fill: var(--error); font-weight: 600; }
.calendar-figure { margin: 0; overflow-x: auto; }
ul.calendar-notes { margin: 4px 0 0; padding-left: 18px; font-size: 12.5px; }
ul.calendar-notes .shortfall { color: var(--error); }
.timelines .person { margin-bottom: 8px; }
.timeline .person-name { font-size: 12px; font-weight: 600; fill: var(--ink); }
.timeline .axis { stroke: #cfd8dc; stroke-width: 2; }
.timeline .milestone { fill: #546e7a; }
.timeline .milestone.deadline { fill: #fff; stroke: #546e7a; stroke-width: 1.5; }
.timeline .milestone.late { fill: var(--error); stroke: var(--error); }
ol.milestones { display: flex; flex-wrap: wrap; gap: 4px 14px; list-style: none; margin: 2px 0 0 150px; padding: 0; font-size: 12px; color: var(--muted); }
ol.milestones li.deadline { font-style: italic; }
ol.milestones li.late { color: var(--error); font-weight: 600; }
ol.milestones time { font-variant-numeric: tabular-nums; color: var(--ink); }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 5px 8px; border-bottom: 1px solid #e6eaed; }
th { font-size: 12px; color: var(--muted); font-weight: 600; }
table.roster { max-width: 900px; font-size: 13px; }
table.roster tr.candidate td:nth-child(3) { color: var(--warning); }
table.diagnostics td.bylaw { font-size: 12px; color: var(--muted); min-width: 300px; max-width: 460px; }
table.diagnostics td.bylaw q { font-style: italic; }
details.evidence summary, details.rule-docs summary { cursor: pointer; }
details.rule-docs[open] { color: var(--ink); }
details.rule-docs .rule-description { white-space: pre-wrap; }
details.rule-docs pre { margin: 4px 0; padding: 6px; background: #f6f8fa; overflow-x: auto; font-size: 11px; }
details.evidence ol { margin: 6px 0 0; padding-left: 20px; font-size: 12px; color: var(--muted); }
details.evidence li.evidence-computed { font-style: italic; }
.filters { display: flex; gap: 8px; flex-wrap: wrap; align-items: center; }
.filters label { color: var(--muted); }
button { font: inherit; cursor: pointer; }
.severity-filter { border: 1px solid var(--line); background: #fff; border-radius: 14px; padding: 2px 12px; }
.severity-filter[aria-pressed="true"] { background: var(--ink); color: #fff; }
button.link { border: none; background: none; padding: 0; color: var(--info); text-decoration: underline; text-align: left; }
.table-status { color: var(--muted); margin: 8px 0 4px; }
details#unassigned summary { cursor: pointer; }
`;
