// The timelines of a unit's applicants and candidates: application, review,
// forward, decision, the end of probation and of an extension, recorded
// events as dots and computed deadlines as diamonds, late ones in red, on one
// time scale for the unit so that they can be compared.
import type { PersonHistoryData } from "../data.js";
import { dayText, extent, html, svg } from "./dom.js";

const NAME_WIDTH = 150;
const TRACK_WIDTH = 600;
const HEIGHT = 26;

export function personTimelines(people: readonly PersonHistoryData[]): HTMLElement {
  const days = people.flatMap((person) => person.milestones.map((milestone) => milestone.day));
  const [first, last] = extent(days);
  const span = Math.max(1, last - first);
  const x = (day: number) => NAME_WIDTH + 8 + ((day - first) / span) * (TRACK_WIDTH - 16);
  const list = html("div", { class: "timelines" });
  for (const person of people) {
    const track = svg("svg", { class: "timeline", width: NAME_WIDTH + TRACK_WIDTH, height: HEIGHT, role: "img", "aria-label": `Timeline of ${person.name}` });
    track.append(
      svg("text", { class: "person-name", x: 0, y: 17 }, person.name),
      svg("line", { class: "axis", x1: NAME_WIDTH, x2: NAME_WIDTH + TRACK_WIDTH, y1: 13, y2: 13 }),
    );
    for (const milestone of person.milestones) {
      const cx = x(milestone.day);
      const shape = milestone.deadline
        ? svg("rect", { x: cx - 5, y: 8, width: 10, height: 10, transform: `rotate(45 ${cx} 13)` })
        : svg("circle", { cx, cy: 13, r: 5 });
      shape.setAttribute("class", `milestone${milestone.deadline ? " deadline" : ""}${milestone.late ? " late" : ""}`);
      shape.append(svg("title", {}, `${dayText(milestone.day)} ${milestone.label}`));
      track.append(shape);
    }
    const steps = html("ol", { class: "milestones" });
    for (const milestone of person.milestones) {
      steps.append(
        html(
          "li",
          { class: `${milestone.deadline ? "deadline" : "event"}${milestone.late ? " late" : ""}` },
          html("time", { datetime: dayText(milestone.day) }, dayText(milestone.day)),
          ` ${milestone.label}${milestone.late ? (milestone.deadline ? " (missed)" : " (late)") : ""}`,
        ),
      );
    }
    list.append(html("div", { class: "person", "data-person": person.id }, track, steps));
  }
  return list;
}
