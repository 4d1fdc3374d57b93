// Helpers the structure rules share: finding a property in a unit's body,
// counting members and candidates for messages, describing a unit's kind,
// and the leadership roles (`secretary`, `deputy`) of a unit.
import type { UnitItem } from "../../ast/types.js";
import type { ElectedBody, Model, RoleAssignment, Unit } from "../../model/types.js";
import type { EvidenceStep } from "../../diagnostics/types.js";
import { computed, read, readUnit } from "../evidence.js";
import type { ReportInput } from "../rule.js";
import { KIND_NAMES, personLabel, unitLabel, unitsOfKind } from "./units.js";

/** The body item types whose `type` can be `T` (a `NameProperty` for `setting`). */
export type ItemOf<T extends UnitItem["type"], I = UnitItem> = I extends { readonly type: infer K } ? (T extends K ? I : never) : never;

/** The last item of a type in a unit's body (the one the resolver kept), or `null`. */
export function lastItem<T extends UnitItem["type"]>(unit: Unit, type: T): ItemOf<T> | null {
  let found: ItemOf<T> | null = null;
  for (const item of unit.decl.items) {
    if (item.type === type) found = item as ItemOf<T>;
  }
  return found;
}

/** "12 members and candidates", "1 member or candidate". */
export function countPhrase(count: number): string {
  return count === 1 ? "1 member or candidate" : `${count} members and candidates`;
}

/** "Uiju Sawmill Cell has 4 members and candidates". */
export function sizeFact(unit: Unit): string {
  return `${unitLabel(unit)} has ${countPhrase(unit.size)}`;
}

/** "a party cell", "a provincial party committee", "the Central Committee". */
export function kindPhrase(unit: Unit): string {
  if (unit.unitKind !== "committee") return `a ${KIND_NAMES[unit.unitKind]}`;
  if (unit.level === "central") return "the Central Committee";
  return unit.level ? `a ${unit.level} party committee` : "a party committee";
}

/** The units of the kinds led by a secretary and a deputy (ORG110). */
export function isLedUnit(unit: Unit): boolean {
  return unit.unitKind === "cell" || unit.unitKind === "primary" || unit.unitKind === "branch" || unit.unitKind === "subprimary";
}

export type RoleName = "secretary" | "deputy";

export interface Role {
  readonly name: RoleName;
  readonly assignment: RoleAssignment;
}

/**
 * The unit's `secretary` and `deputy` lines that name a person. A deputy who
 * is the secretary too is left out: that fault is the deputy line's own
 * (ORG110), and one cause gets one diagnostic.
 */
export function distinctRoles(unit: Unit): Role[] {
  const roles: Role[] = [];
  if (unit.secretary?.person) roles.push({ name: "secretary", assignment: unit.secretary });
  if (unit.deputy?.person && unit.deputy.person !== unit.secretary?.person) roles.push({ name: "deputy", assignment: unit.deputy });
  return roles;
}

/**
 * Reports each of the unit's secretary and deputy who is not among the
 * members of `body` (ORG111, ORG112), on that role's line.
 */
export function reportRolesOutside(
  unit: Unit,
  body: ElectedBody,
  bodyName: string,
  report: (input: ReportInput) => void,
): void {
  for (const role of distinctRoles(unit)) {
    const person = role.assignment.person!;
    if (body.members.includes(person)) continue;
    report({
      file: unit.file,
      span: role.assignment.property.span,
      message: `${personLabel(person)}, the ${role.name}, is not a member of the ${bodyName} of ${unitLabel(unit)}; the committee elects the secretary and deputy from among its members`,
      related: [{ file: unit.file, span: body.block.span, message: `the ${bodyName} of ${unitLabel(unit)}` }],
      subject: `unit:${unit.id}/${role.name}/outside:${bodyName}`,
      evidence: [
        readUnit(unit),
        read(`${role.name} ${person.id}`, unit.file, role.assignment.property.span),
        read(`${bodyName} members: ${body.members.map((member) => member.id).join(", ") || "none"}`, unit.file, body.block.span),
        computed(`${person.id} is not among them`),
      ],
    });
  }
}

/**
 * ORG102 and ORG103: a primary or branch party organization has more than
 * `moreThan` members and candidates. A unit of exactly 31 fits no form in the
 * bylaws (cells have 5 to 30), and the message says so.
 */
export function reportNotMoreThan(
  model: Model,
  kind: "primary" | "branch",
  moreThan: number,
  report: (input: ReportInput) => void,
): void {
  const kindName = KIND_NAMES[kind];
  for (const unit of unitsOfKind(model, [kind])) {
    if (unit.size > moreThan) continue;
    const message =
      unit.size === 31
        ? `${sizeFact(unit)}: too many for a party cell (5 to 30) and too few for a ${kindName} (more than ${moreThan}); no form in the bylaws fits it`
        : `${sizeFact(unit)}; a ${kindName} needs more than ${moreThan}`;
    report({ file: unit.file, span: unit.decl.id.span, message, subject: `unit:${unit.id}/size`, evidence: sizeEvidence(unit) });
  }
}

/** How a unit's size was counted: distinct people over its roster and every unit under it. */
export function sizeEvidence(unit: Unit): EvidenceStep[] {
  const under: Unit[] = [];
  const walk = (parent: Unit) => {
    for (const child of parent.children) {
      if (under.includes(child) || child === unit) continue;
      under.push(child);
      walk(child);
    }
  };
  walk(unit);
  const where = under.length === 0 ? "its own roster (no unit is under it)" : `its own roster and the rosters of ${under.length} unit${under.length === 1 ? "" : "s"} under it (${under.slice(0, 5).map((child) => child.id).join(", ")}${under.length > 5 ? ", ..." : ""})`;
  return [readUnit(unit), computed(`${unit.size} distinct members and candidates in ${where}`)];
}
