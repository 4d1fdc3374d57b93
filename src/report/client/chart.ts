// The org chart: the units tree laid out left to right by d3-hierarchy's tidy
// tree, one card per unit with its size, secretary and deputy, edged in the
// colour of its worst diagnostic. Only expanded units show their children,
// so a large organization opens collapsed below what fits on a screen.
import type * as Hierarchy from "d3-hierarchy";
import type { ReportData, UnitData } from "../data.js";
import { clip, extent, html, svg, unitName } from "./dom.js";

const d3 = (globalThis as unknown as { d3: typeof Hierarchy }).d3;

const CARD_WIDTH = 206;
const CARD_HEIGHT = 78;
const COLUMN = 240;
const ROW = 94;
const MARGIN = 16;
/** How many cards the chart shows when the page opens, at most. */
const OPEN_BUDGET = 150;
const VIRTUAL_ROOT = -1;

export interface ChartHandlers {
  readonly onSelect: (index: number) => void;
}

export class OrgChart {
  private readonly expanded = new Set<number>();
  private selected: number | null = null;

  constructor(
    private readonly data: ReportData,
    private readonly host: HTMLElement,
    private readonly handlers: ChartHandlers,
  ) {
    this.expandWithin(OPEN_BUDGET);
  }

  /** Expands breadth first while the visible cards stay within `budget`. */
  expandWithin(budget: number): void {
    let visible = this.data.roots.length;
    const queue = [...this.data.roots];
    while (queue.length > 0) {
      const index = queue.shift()!;
      const children = this.data.units[index]!.children;
      if (children.length === 0) continue;
      if (visible + children.length > budget) break;
      this.expanded.add(index);
      visible += children.length;
      for (const child of children) queue.push(child);
    }
  }

  expandAll(): void {
    this.data.units.forEach((unit, index) => unit.children.length > 0 && this.expanded.add(index));
    this.render();
  }

  collapseAll(): void {
    this.expanded.clear();
    this.render();
  }

  /** Shows a unit: expands the units above it, marks it selected and scrolls to it. */
  reveal(index: number): void {
    for (let parent = this.data.units[index]!.parent; parent !== null; parent = this.data.units[parent]!.parent) {
      if (this.expanded.has(parent)) continue;
      this.expanded.add(parent);
    }
    this.selected = index;
    this.render();
    this.host.querySelector(`[data-index="${index}"]`)?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }

  toggle(index: number): void {
    if (this.expanded.has(index)) this.expanded.delete(index);
    else this.expanded.add(index);
    this.render();
  }

  private caption(text: string): void {
    const caption = document.getElementById("chart-caption");
    if (caption) caption.textContent = text;
  }

  render(): void {
    const root = d3.hierarchy<number>(VIRTUAL_ROOT, (index) =>
      index === VIRTUAL_ROOT ? this.data.roots : this.expanded.has(index) ? this.data.units[index]!.children : null,
    );
    const layout = d3.tree<number>().nodeSize([ROW, COLUMN]).separation((a, b) => (a.parent === b.parent ? 1 : 1.2));
    const laidOut = layout(root);
    const nodes = laidOut.descendants().filter((node) => node.data !== VIRTUAL_ROOT);
    if (nodes.length === 0) {
      // A program of residences only, or of nothing: no chart to draw (its size would be infinite).
      this.host.replaceChildren(html("p", { class: "empty" }, "No units are declared."));
      return;
    }
    const [top, bottom] = extent(nodes.map((node) => node.x));
    const depth = extent(nodes.map((node) => node.depth))[1];
    const left = (node: Hierarchy.HierarchyPointNode<number>) => MARGIN + (node.depth - 1) * COLUMN;
    const middle = (node: Hierarchy.HierarchyPointNode<number>) => MARGIN + node.x - top + CARD_HEIGHT / 2;
    const chart = svg("svg", {
      class: "org-chart",
      width: MARGIN * 2 + (depth - 1) * COLUMN + CARD_WIDTH + 24,
      height: MARGIN * 2 + bottom - top + CARD_HEIGHT,
      role: "tree",
      "aria-label": "Units",
    });
    const links = svg("g", { class: "links" });
    for (const node of nodes) {
      if (!node.parent || node.parent.data === VIRTUAL_ROOT) continue;
      const x1 = left(node.parent) + CARD_WIDTH + 14;
      const x2 = left(node);
      const bend = x2 - (COLUMN - CARD_WIDTH - 14) / 2;
      links.append(svg("path", { d: `M${x1},${middle(node.parent)} H${bend} V${middle(node)} H${x2}` }));
    }
    chart.append(links);
    for (const node of nodes) chart.append(this.card(node.data, left(node), middle(node) - CARD_HEIGHT / 2));
    this.host.replaceChildren(chart);
  }

  private card(index: number, x: number, y: number): SVGGElement {
    const unit = this.data.units[index]!;
    const name = unitName(this.data, index);
    const issues = unit.counts.error + unit.counts.warning + unit.counts.info;
    const group = svg(
      "g",
      {
        class: `unit-node${this.selected === index ? " selected" : ""}`,
        transform: `translate(${x},${y})`,
        "data-index": index,
        "data-unit": unit.id,
        "data-worst": unit.worst ?? "none",
        role: "treeitem",
        tabindex: 0,
        "aria-label": `${name}: ${kindText(unit)}, size ${unit.size}${unit.worst ? `, worst: ${unit.worst}` : ""}`,
      },
      svg("title", {}, `${name} (${unit.id})\n${unit.file}:${unit.line}`),
      svg("rect", { class: "card", width: CARD_WIDTH, height: CARD_HEIGHT, rx: 6 }),
      svg("rect", { class: "stripe", width: 6, height: CARD_HEIGHT, rx: 3 }),
      svg("text", { class: "name", x: 14, y: 18 }, ...nameLines(name, unit.id).map((line, row) => svg("tspan", { x: 14, dy: row === 0 ? 0 : 15 }, line))),
      svg("text", { class: "facts", x: 14, y: 51 }, clip(`${kindText(unit)} · size ${unit.size}`, 32)),
      svg("text", { class: "leaders", x: 14, y: 68 }, clip(leadersText(unit), 32)),
    );
    if (issues > 0) {
      group.append(
        svg("circle", { class: "badge", cx: CARD_WIDTH - 2, cy: 2, r: 10 }),
        svg("text", { class: "badge-count", x: CARD_WIDTH - 2, y: 6 }, String(issues)),
      );
    }
    // A tooltip shows on hover only: focus says the full name in the chart's caption.
    group.addEventListener("focus", () => this.caption(`${name} (${unit.id})`));
    group.addEventListener("blur", () => this.caption(""));
    const select = () => this.handlers.onSelect(index);
    group.addEventListener("click", select);
    group.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        select();
      }
    });
    if (unit.children.length > 0) {
      const open = this.expanded.has(index);
      const toggle = svg(
        "g",
        { class: "toggle", transform: `translate(${CARD_WIDTH + 2},${CARD_HEIGHT / 2})`, "aria-label": open ? "collapse" : "expand" },
        svg("circle", { r: 10 }),
        svg("text", { y: 4 }, open ? "−" : `+${unit.children.length}`),
      );
      toggle.addEventListener("click", (event) => {
        event.stopPropagation();
        this.toggle(index);
      });
      group.append(toggle);
    }
    return group;
  }
}

export function kindText(unit: UnitData): string {
  if (unit.kind === "committee") return unit.level ? `${unit.level} committee` : "committee";
  return unit.kind === "subprimary" ? "sub-primary" : unit.kind;
}

function leadersText(unit: UnitData): string {
  if (unit.kind === "committee" && !unit.secretary && !unit.deputy) return "";
  return `sec. ${unit.secretary ?? "—"} · dep. ${unit.deputy ?? "—"}`;
}

/** Characters of a card's name line. */
const NAME_LINE = 27;

/**
 * A unit's name on at most two lines, wrapped at spaces. A name too long for
 * two ends its second line with the unit's ID, so that no two cards read the
 * same however alike their names start.
 */
function nameLines(name: string, id: string): string[] {
  const lines: string[] = [];
  let rest = name.trim();
  while (rest.length > NAME_LINE && lines.length < 1) {
    const space = rest.lastIndexOf(" ", NAME_LINE);
    const cut = space > 0 ? space : NAME_LINE;
    lines.push(rest.slice(0, cut));
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length <= NAME_LINE) return [...lines, rest];
  const tail = ` (${id})`;
  return [...lines, `${clip(rest, Math.max(4, NAME_LINE - tail.length))}${tail}`];
}
