// The panel of one unit, built only when the unit is opened: its facts, its
// diagnostics, its calendar strip, its applicants' and candidates' timelines
// and its roster. Closed units have no DOM here, however many members they have.
import type { ReportData } from "../data.js";
import { calendarStrip } from "./calendar.js";
import { kindText } from "./chart.js";
import { dayText, html, plural, unitName } from "./dom.js";
import { personTimelines } from "./timeline.js";

export interface DetailsHandlers {
  readonly onSelect: (index: number) => void;
  readonly onFilterUnit: (index: number) => void;
}

export function unitDetails(data: ReportData, index: number, handlers: DetailsHandlers): HTMLElement {
  const unit = data.units[index]!;
  const name = unitName(data, index);
  const panel = html("article", { class: "unit-details", "data-unit": unit.id });
  const parent = unit.parent === null ? null : unit.parent;
  const facts = html(
    "dl",
    { class: "facts" },
    html("dt", {}, "Kind"),
    html("dd", {}, kindText(unit), unit.setting ? `, ${unit.setting}` : ""),
    html("dt", {}, "Size"),
    html("dd", {}, `${plural(unit.size, "member")} and candidates (this unit and those under it)`),
    html("dt", {}, "Secretary"),
    html("dd", {}, unit.secretary ?? "—"),
    html("dt", {}, "Deputy"),
    html("dd", {}, unit.deputy ?? "—"),
    html("dt", {}, "Declared"),
    html("dd", {}, html("code", {}, `${unit.file}:${unit.line}`)),
  );
  if (parent !== null) facts.append(html("dt", {}, "Under"), html("dd", {}, unitLink(data, parent, handlers)));
  panel.append(html("h3", {}, name, " ", html("code", {}, unit.id)), facts);

  const own = data.diagnostics.filter((diagnostic) => diagnostic.unit === index);
  const filter = html("button", { type: "button", class: "link" }, "show in the table");
  filter.addEventListener("click", () => handlers.onFilterUnit(index));
  panel.append(html("h4", {}, `Diagnostics (${own.length})`, own.length > 0 ? " · " : "", own.length > 0 ? filter : null));
  if (own.length > 0) {
    panel.append(
      html(
        "ul",
        { class: "unit-diagnostics" },
        own.map((diagnostic) => html("li", { class: `severity-${diagnostic.severity}` }, html("code", {}, diagnostic.code), ` ${diagnostic.message}`)),
      ),
    );
  }

  if (unit.calendar) {
    panel.append(html("h4", {}, `Calendar ${dayText(unit.calendar.from)} to ${dayText(unit.calendar.to)}`), calendarStrip(unit.calendar));
  }
  if (unit.people.length > 0) {
    panel.append(html("h4", {}, `Applicants and candidates (${unit.people.length})`), personTimelines(unit.people));
  }
  if (unit.children.length > 0) {
    panel.append(
      html("h4", {}, `Units under it (${unit.children.length})`),
      html("ul", { class: "children" }, unit.children.map((child) => html("li", {}, unitLink(data, child, handlers)))),
    );
  }
  panel.append(html("h4", {}, `Roster (${unit.roster.length})`));
  if (unit.roster.length > 0) panel.append(rosterTable(unit.roster));
  return panel;
}

function unitLink(data: ReportData, index: number, handlers: DetailsHandlers): HTMLButtonElement {
  const button = html("button", { type: "button", class: "link" }, unitName(data, index));
  button.addEventListener("click", () => handlers.onSelect(index));
  return button;
}

function rosterTable(roster: ReportData["units"][number]["roster"]): HTMLTableElement {
  const body = html("tbody");
  for (const [id, name, status, date, youthLeague, residence] of roster) {
    body.append(
      html(
        "tr",
        { class: status },
        html("td", {}, name),
        html("td", {}, html("code", {}, id)),
        html("td", {}, status),
        html("td", {}, date < 0 ? "—" : dayText(date)),
        html("td", {}, youthLeague ? "yes" : ""),
        html("td", {}, residence),
      ),
    );
  }
  return html(
    "table",
    { class: "roster" },
    html("thead", {}, html("tr", {}, ...["Name", "ID", "Status", "Joined / since", "Youth League", "At"].map((label) => html("th", { scope: "col" }, label)))),
    body,
  );
}
