// Short descriptions of units, people and residences for hovers, completion
// details and symbol lists.
import { formatDay, UNIT_KIND_NAMES, type Day, type Model, type Person, type Residence, type Unit } from "./api.js";
import { pushAll } from "../src/util/arrays.js";

export const KIND_WORDS = UNIT_KIND_NAMES;

export function unitKindWord(unit: Unit): string {
  if (unit.unitKind !== "committee") return KIND_WORDS[unit.unitKind];
  if (unit.level === "central") return "Central Committee";
  return unit.level ? `${unit.level} party committee` : "party committee";
}

/** "Textile Mill Cell No. 3 (`mill3`)", or just the ID. */
export function unitName(unit: Unit): string {
  return unit.title ? `${unit.title} (\`${unit.id}\`)` : `\`${unit.id}\``;
}

export function personName(person: Person): string {
  return person.name ? `${person.name} (\`${person.id}\`)` : `\`${person.id}\``;
}

function parts(day: Day): [number, number, number] {
  const [year, month, date] = formatDay(day).split("-").map(Number) as [number, number, number];
  return [year, month, date];
}

/** "13 years 2 months", "5 months", "12 days" between two days. */
export function elapsed(from: Day, to: Day): string {
  if (to < from) return `starts ${formatDay(from)}, after ${formatDay(to)}`;
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(to);
  let months = (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0);
  if (months <= 0) {
    const days = to - from;
    return `${days} day${days === 1 ? "" : "s"}`;
  }
  const years = Math.floor(months / 12);
  months -= years * 12;
  const words: string[] = [];
  if (years > 0) words.push(`${years} year${years === 1 ? "" : "s"}`);
  if (months > 0) words.push(`${months} month${months === 1 ? "" : "s"}`);
  return words.join(" ");
}

/** The day "as of" which hovers state facts: the period's end, else today. */
export function asOfDay(model: Model, today: Day): { day: Day; label: string } {
  return model.period ? { day: model.period.to, label: `the period's end (${formatDay(model.period.to)})` } : { day: today, label: `today (${formatDay(today)})` };
}

export function unitMarkdown(unit: Unit): string {
  const lines = [`**${unitKindWord(unit)}** \`${unit.id}\`${unit.title ? ` — ${unit.title}` : ""}`, ""];
  const facts: string[] = [];
  if (unit.parent) facts.push(`under ${unitName(unit.parent)}`);
  else if (unit.underProperty) facts.push(`under \`${unit.underProperty.value.name}\` (not a unit)`);
  if (unit.setting) facts.push(`setting: ${unit.setting}`);
  facts.push(`size: ${unit.size} member${unit.size === 1 ? "" : "s"} and candidates (own roster ${unit.roster.length})`);
  const role = (label: string, assignment: Unit["secretary"]) => {
    if (!assignment) facts.push(`${label}: none`);
    else facts.push(`${label}: ${assignment.person ? personName(assignment.person) : `\`${assignment.property.value.name}\` (unresolved)`}`);
  };
  if (unit.unitKind !== "committee" || unit.secretary || unit.deputy) {
    role("secretary", unit.secretary);
    role("deputy", unit.deputy);
  }
  if (unit.children.length > 0) facts.push(`units under it: ${unit.children.map((child) => `\`${child.id}\``).join(", ")}`);
  if (unit.established !== null) facts.push(`established ${formatDay(unit.established)}`);
  pushAll(lines, facts.map((fact) => `- ${fact}`));
  return lines.join("\n");
}

export function personMarkdown(person: Person, model: Model, today: Day): string {
  const asOf = asOfDay(model, today);
  const lines = [`**person** \`${person.id}\`${person.name ? ` — ${person.name}` : ""}`, ""];
  if (person.memberships.length === 0) {
    const last = person.timeline[person.timeline.length - 1];
    lines.push(`- in no roster at ${asOf.label}`);
    if (last) lines.push(`- last record: ${last.kind} on ${formatDay(last.day)}${last.unit ? ` (${unitName(last.unit)})` : ""}`);
  }
  for (const membership of person.memberships) {
    const status = membership.status === "member" ? "full member" : "candidate member";
    lines.push(`- ${status} of ${unitName(membership.unit)}${membership.youthLeague ? ", youth league member" : ""}`);
    if (membership.date !== null) {
      const since = membership.status === "member" ? "in the party" : "on probation";
      lines.push(`- ${since} for ${elapsed(membership.date, asOf.day)} as of ${asOf.label}, since ${formatDay(membership.date)}`);
    }
    if (membership.residence) lines.push(`- at ${membership.residence.title ?? membership.residence.id}`);
  }
  return lines.join("\n");
}

export function residenceMarkdown(residence: Residence, model: Model): string {
  const cells = model.units.filter((unit) => unit.covers?.residences.includes(residence));
  const living = model.people.flatMap((person) => person.memberships.filter((membership) => membership.residence === residence));
  const lines = [`**residence** \`${residence.id}\`${residence.title ? ` — ${residence.title}` : ""}`, ""];
  lines.push(`- covered by ${cells.length > 0 ? cells.map(unitName).join(", ") : "no cell"}`);
  lines.push(`- ${living.length} member${living.length === 1 ? "" : "s"} and candidates at it`);
  return lines.join("\n");
}
