// The diagnostics table: filterable by severity, code and unit, each row
// quoting the bylaw it cites and linking to the rule's documentation. Rows are
// built for the first page of what the filters keep, so thousands of
// diagnostics stay responsive.
import type { DiagnosticData, ReportData, RuleData, SeverityName } from "../data.js";
import { appendAll, html, unitName } from "./dom.js";

const PAGE = 500;
/** The unit filter's value for diagnostics outside any unit. */
const NO_UNIT = "none";

export interface TableFilters {
  severity: SeverityName | "";
  code: string;
  /** A unit index as text, NO_UNIT, or "" for all. */
  unit: string;
}

export interface TableHandlers {
  readonly onSelectUnit: (index: number) => void;
}

export class DiagnosticsTable {
  readonly filters: TableFilters = { severity: "", code: "", unit: "" };
  private shown = PAGE;
  private readonly body = html("tbody");
  private readonly status = html("p", { class: "table-status", role: "status" });
  private readonly more = html("button", { type: "button" }, "Show more");
  private readonly severityButtons = new Map<SeverityName, HTMLButtonElement>();
  private readonly codeSelect = html("select", { id: "filter-code", "aria-label": "Code" });
  private readonly unitSelect = html("select", { id: "filter-unit", "aria-label": "Unit" });

  constructor(
    private readonly data: ReportData,
    host: HTMLElement,
    private readonly handlers: TableHandlers,
  ) {
    const controls = html("div", { class: "filters" });
    for (const severity of ["error", "warning", "info"] as const) {
      const count = data.diagnostics.filter((diagnostic) => diagnostic.severity === severity).length;
      const button = html("button", { type: "button", class: `severity-filter severity-${severity}`, "data-severity": severity, "aria-pressed": "false" }, `${severity} (${count})`);
      button.addEventListener("click", () => this.set({ severity: this.filters.severity === severity ? "" : severity }));
      this.severityButtons.set(severity, button);
      controls.append(button);
    }
    const counts = new Map<string, number>();
    for (const diagnostic of data.diagnostics) counts.set(diagnostic.code, (counts.get(diagnostic.code) ?? 0) + 1);
    this.codeSelect.append(html("option", { value: "" }, "all codes"));
    for (const code of [...counts.keys()].sort()) {
      this.codeSelect.append(html("option", { value: code }, `${code} ${data.rules[code]?.name ?? ""} (${counts.get(code)})`));
    }
    const units = [...new Set(data.diagnostics.map((diagnostic) => diagnostic.unit))];
    this.unitSelect.append(html("option", { value: "" }, "all units"));
    for (const unit of units.filter((each): each is number => each !== null).sort((a, b) => a - b)) {
      this.unitSelect.append(html("option", { value: String(unit) }, unitName(data, unit)));
    }
    if (units.includes(null)) this.unitSelect.append(html("option", { value: NO_UNIT }, "outside any unit"));
    this.codeSelect.addEventListener("change", () => this.set({ code: this.codeSelect.value }));
    this.unitSelect.addEventListener("change", () => this.set({ unit: this.unitSelect.value }));
    const clear = html("button", { type: "button", class: "clear" }, "Clear filters");
    clear.addEventListener("click", () => this.set({ severity: "", code: "", unit: "" }));
    this.more.addEventListener("click", () => {
      this.shown += PAGE;
      this.render();
    });
    controls.append(html("label", {}, "Code ", this.codeSelect), html("label", {}, "Unit ", this.unitSelect), clear);
    const head = html("thead", {}, html("tr", {}, ...["Severity", "Code", "Unit", "Where", "Message", "Bylaw"].map((label) => html("th", { scope: "col" }, label))));
    host.append(controls, this.status, html("table", { class: "diagnostics" }, head, this.body), this.more);
    this.render();
  }

  set(change: Partial<TableFilters>): void {
    Object.assign(this.filters, change);
    this.shown = PAGE;
    this.render();
  }

  private matches(diagnostic: DiagnosticData): boolean {
    const { severity, code, unit } = this.filters;
    if (severity && diagnostic.severity !== severity) return false;
    if (code && diagnostic.code !== code) return false;
    if (unit === NO_UNIT) return diagnostic.unit === null;
    return !unit || diagnostic.unit === Number(unit);
  }

  private render(): void {
    const kept = this.data.diagnostics.filter((diagnostic) => this.matches(diagnostic));
    this.body.replaceChildren();
    appendAll(this.body, [kept.slice(0, this.shown).map((diagnostic) => this.row(diagnostic))]);
    this.status.textContent = `Showing ${Math.min(this.shown, kept.length)} of ${kept.length} (${this.data.diagnostics.length} in all)`;
    this.more.hidden = kept.length <= this.shown;
    for (const [severity, button] of this.severityButtons) button.setAttribute("aria-pressed", String(this.filters.severity === severity));
    this.codeSelect.value = this.filters.code;
    this.unitSelect.value = this.filters.unit;
  }

  private row(diagnostic: DiagnosticData): HTMLTableRowElement {
    const rule = this.data.rules[diagnostic.code];
    const code = html("button", { type: "button", class: "link code", title: `Only ${diagnostic.code}` }, diagnostic.code);
    code.addEventListener("click", () => this.set({ code: diagnostic.code }));
    let unit: Node = document.createTextNode("—");
    if (diagnostic.unit !== null) {
      const index = diagnostic.unit;
      const button = html("button", { type: "button", class: "link" }, unitName(this.data, index));
      button.addEventListener("click", () => {
        this.set({ unit: String(index) });
        this.handlers.onSelectUnit(index);
      });
      unit = button;
    }
    const bylaw = html("td", { class: "bylaw" });
    if (rule?.quote) bylaw.append(html("span", { class: "section" }, `${rule.section}: `), html("q", {}, rule.quote), " ");
    if (rule) bylaw.append(ruleDocs(diagnostic.code, rule));
    return html(
      "tr",
      { class: `severity-${diagnostic.severity}`, "data-code": diagnostic.code, "data-severity": diagnostic.severity },
      html("td", {}, html("span", { class: "severity" }, diagnostic.severity)),
      html("td", {}, code),
      html("td", {}, unit),
      html("td", {}, html("code", {}, `${diagnostic.file}:${diagnostic.line}:${diagnostic.column}`)),
      html("td", {}, evidenceOf(diagnostic)),
      bylaw,
    );
  }
}

/** The message, opening onto the facts behind it (the drill-down), when it has evidence. */
function evidenceOf(diagnostic: DiagnosticData): Node {
  if (diagnostic.evidence.length === 0) return document.createTextNode(diagnostic.message);
  const steps = diagnostic.evidence.map((step) =>
    html("li", { class: `evidence-${step.kind}` }, step.where ? html("code", {}, step.where) : null, step.where ? " " : null, step.text),
  );
  return html("details", { class: "evidence" }, html("summary", {}, diagnostic.message), html("ol", {}, steps));
}

/** The rule's documentation, in the page (a link into an installed package would break once the file is sent on). */
function ruleDocs(code: string, rule: RuleData): HTMLDetailsElement {
  const examples = rule.failing !== null && rule.passing !== null ? [html("p", {}, "Reported:"), html("pre", {}, rule.failing), html("p", {}, "Accepted:"), html("pre", {}, rule.passing)] : [];
  return html("details", { class: "rule-docs" }, html("summary", { title: rule.summary }, `${code} ${rule.name}`), html("p", { class: "rule-summary" }, rule.summary), html("div", { class: "rule-description" }, rule.description), ...examples);
}
