// Helpers the structure rules share: finding a property in a unit's body,
// counting members and candidates for messages, describing a unit's kind,
// and the leadership roles (`secretary`, `deputy`) of a unit.
import type { UnitItem } from "../../ast/types.js";
import type { ElectedBody, Model, RoleAssignment, Unit } from "../../model/types.js";
import type { ReportInput } from "../rule.js";
import { KIND_NAMES, personLabel, unitLabel } from "./units.js";

/** The last item of a type in a unit's body (the one the resolver kept), or `null`. */
export function lastItem<T extends UnitItem["type"]>(unit: Unit, type: T): Extract<UnitItem, { type: T }> | null {
  let found: Extract<UnitItem, { type: T }> | null = null;
  for (const item of unit.decl.items) {
    if (item.type === type) found = item as Extract<UnitItem, { type: T }>;
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
    });
  }
}

/** The units of a model of one kind, in program order. */
export function unitsOf(model: Model, kind: Unit["unitKind"]): Unit[] {
  return model.units.filter((unit) => unit.unitKind === kind);
}
