// A basic party organization's calendar strip over its window: a row per kind
// of session and one for reports, a tick for each day one was held, and the
// months or gaps that fall short shaded where they are, with the rule's code.
import type { CalendarData } from "../data.js";
import { appendAll, dayText, html, monthStarts, svg } from "./dom.js";

const LABEL_WIDTH = 170;
const STRIP_WIDTH = 640;
const ROW_HEIGHT = 28;
const AXIS_HEIGHT = 22;

export function calendarStrip(calendar: CalendarData): HTMLElement {
  const span = Math.max(1, calendar.to + 1 - calendar.from);
  const x = (day: number) => LABEL_WIDTH + ((Math.min(Math.max(day, calendar.from), calendar.to + 1) - calendar.from) / span) * STRIP_WIDTH;
  const height = AXIS_HEIGHT + calendar.rows.length * ROW_HEIGHT + 4;
  const chart = svg("svg", {
    class: "calendar",
    width: LABEL_WIDTH + STRIP_WIDTH + 10,
    height,
    role: "img",
    "aria-label": `Sessions and reports from ${dayText(calendar.from)} to ${dayText(calendar.to)}`,
  });
  for (const start of monthStarts(calendar.from, calendar.to)) {
    const left = x(start);
    chart.append(
      svg("line", { class: "month-line", x1: left, x2: left, y1: AXIS_HEIGHT - 6, y2: height }),
      svg("text", { class: "month-label", x: left + 3, y: AXIS_HEIGHT - 8 }, dayText(Math.max(start, calendar.from)).slice(0, 7)),
    );
  }
  calendar.rows.forEach((row, position) => {
    const top = AXIS_HEIGHT + position * ROW_HEIGHT;
    const group = svg("g", { class: `calendar-row${row.marks.length > 0 ? " short" : ""}`, "data-row": row.kind });
    group.append(
      svg("text", { class: "row-label", x: 0, y: top + 17 }, row.label),
      svg("rect", { class: "track", x: LABEL_WIDTH, y: top + 6, width: STRIP_WIDTH, height: ROW_HEIGHT - 10 }),
    );
    for (const mark of row.marks) {
      group.append(
        svg(
          "rect",
          { class: "mark", "data-code": mark.code, x: x(mark.from), y: top + 3, width: Math.max(3, x(mark.to + 1) - x(mark.from)), height: ROW_HEIGHT - 4 },
          svg("title", {}, `${mark.code}: ${mark.text}`),
        ),
      );
    }
    for (const day of row.days) {
      if (day < calendar.from || day > calendar.to) continue;
      group.append(svg("line", { class: "tick", x1: x(day) + 1, x2: x(day) + 1, y1: top + 8, y2: top + ROW_HEIGHT - 6 }, svg("title", {}, dayText(day))));
    }
    chart.append(group);
  });
  const legend = html("ul", { class: "calendar-notes" });
  for (const row of calendar.rows) {
    const held = row.days.filter((day) => day >= calendar.from && day <= calendar.to).length;
    appendAll(legend, [
      html("li", {}, html("strong", {}, row.label), `: ${held} in the window${row.requirement ? `; ${row.requirement}` : ""}`),
      row.marks.map((mark) => html("li", { class: "shortfall", "data-code": mark.code }, html("code", {}, mark.code), ` ${mark.text}`)),
    ]);
  }
  return html("figure", { class: "calendar-figure" }, chart, legend);
}
