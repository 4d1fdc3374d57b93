// The report page's script: reads the embedded data, draws the org chart,
// opens a unit's panel when it is selected, and fills the diagnostics table.
import { OrgChart } from "./chart.js";
import { unitDetails } from "./details.js";
import { html, reportData, unitName } from "./dom.js";
import { DiagnosticsTable } from "./table.js";
import { personTimelines } from "./timeline.js";

function element(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (!found) throw new Error(`the report page has no #${id}`);
  return found;
}

function start(): void {
  const data = reportData();
  const panel = element("unit-panel");
  const select = (index: number) => {
    chart.reveal(index);
    panel.replaceChildren(unitDetails(data, index, { onSelect: select, onFilterUnit: filterUnit }));
    panel.scrollIntoView({ block: "start" });
  };
  const filterUnit = (index: number) => {
    table.set({ unit: String(index) });
    element("diagnostics").scrollIntoView({ block: "start" });
  };
  const chart = new OrgChart(data, element("chart-canvas"), { onSelect: select });
  const table = new DiagnosticsTable(data, element("diagnostics-table"), { onSelectUnit: select });
  chart.render();

  const search = element("unit-search") as HTMLInputElement;
  const names = element("unit-names");
  const byLabel = new Map<string, number>();
  data.units.forEach((unit, index) => {
    const label = `${unitName(data, index)} (${unit.id})`;
    byLabel.set(label, index);
    names.append(html("option", { value: label }));
  });
  search.addEventListener("change", () => {
    const index = byLabel.get(search.value);
    if (index !== undefined) select(index);
  });
  element("expand-all").addEventListener("click", () => chart.expandAll());
  element("collapse-all").addEventListener("click", () => chart.collapseAll());

  const unassigned = document.getElementById("unassigned");
  if (unassigned instanceof HTMLDetailsElement) {
    unassigned.addEventListener("toggle", () => {
      if (unassigned.open && !unassigned.querySelector(".timelines")) unassigned.append(personTimelines(data.unassigned));
    });
  }
  document.body.dataset["ready"] = "true";
}

start();
