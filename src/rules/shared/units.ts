// Questions about units that several rules ask.
import type { UnitKind } from "../../ast/types.js";
import type { Model, Person, Unit } from "../../model/types.js";

export const BASIC_KINDS: readonly UnitKind[] = ["cell", "primary", "branch", "subprimary", "team"];

export function isBasic(unit: Unit): boolean {
  return unit.unitKind !== "committee";
}

export function isCityOrCounty(unit: Unit | null): boolean {
  return unit !== null && unit.unitKind === "committee" && (unit.level === "city" || unit.level === "county");
}

/** The nearest ancestor of `unit` matching `test` (cycle-safe). */
export function ancestor(unit: Unit, test: (candidate: Unit) => boolean): Unit | null {
  const seen = new Set<Unit>([unit]);
  for (let current = unit.parent; current && !seen.has(current); current = current.parent) {
    if (test(current)) return current;
    seen.add(current);
  }
  return null;
}

/** The city or county committee above a unit. */
export function cityOrCountyAbove(unit: Unit): Unit | null {
  return ancestor(unit, isCityOrCounty);
}

/** The provincial committee above a unit. */
export function provincialAbove(unit: Unit): Unit | null {
  return ancestor(unit, (candidate) => candidate.unitKind === "committee" && candidate.level === "provincial");
}

/** The unit's name for messages: its title, else its ID. */
export function unitLabel(unit: Unit): string {
  return unit.title ?? unit.id;
}

export function personLabel(person: Person): string {
  return person.name ?? person.id;
}

/** "a cell", "a primary party organization", ... */
export const KIND_NAMES: Record<UnitKind, string> = {
  committee: "party committee",
  cell: "party cell",
  primary: "primary party organization",
  branch: "branch party organization",
  subprimary: "sub-primary party organization",
  team: "party team",
};

/** Whether `person` is in the roster of `unit` or of a unit under it; returns that membership. */
export function membershipWithin(person: Person, unit: Unit) {
  return person.memberships.find((membership) => membership.unit === unit || ancestor(membership.unit, (candidate) => candidate === unit) !== null);
}

/** The units of a model of the given kinds, in program order. */
export function unitsOfKind(model: Model, kinds: readonly UnitKind[]): Unit[] {
  return model.units.filter((unit) => kinds.includes(unit.unitKind));
}
