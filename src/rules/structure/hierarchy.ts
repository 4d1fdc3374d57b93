import type { RelatedLocation } from "../../diagnostics/types.js";
import type { Model, Unit } from "../../model/types.js";
import { defineRule, type ReportInput } from "../rule.js";
import { kindPhrase } from "../shared/structure-units.js";
import { isCityOrCounty, unitLabel } from "../shared/units.js";

/** Where a unit belongs: `allows` says whether a parent fits (`null`: cannot be judged), `wanted` says what fits. */
interface Placement {
  readonly allows: (parent: Unit) => boolean | null;
  readonly wanted: string;
}

const isCommittee = (unit: Unit) => unit.unitKind === "committee";
const levelIs = (level: Unit["level"]) => (parent: Unit) => (isCommittee(parent) && parent.level === null ? null : isCommittee(parent) && parent.level === level);
const UNDER_PRIMARY: Placement = { allows: (parent) => parent.unitKind === "primary", wanted: "a primary party organization" };
const UNDER_COMMITTEE: Placement = { allows: isCommittee, wanted: "a party committee" };

/** Where a unit belongs; `"root"` for the Central Committee; `null` when it cannot be judged (a committee without a level). */
function placement(unit: Unit): Placement | "root" | null {
  switch (unit.unitKind) {
    case "committee":
      if (unit.level === "central") return "root";
      if (unit.level === "provincial") return { allows: levelIs("central"), wanted: "the Central Committee" };
      if (unit.level === "city" || unit.level === "county") return { allows: levelIs("provincial"), wanted: "a provincial party committee" };
      return null;
    case "primary":
    case "team":
      return UNDER_COMMITTEE;
    case "branch":
    case "subprimary":
      return UNDER_PRIMARY;
    case "cell":
      return {
        allows: (parent) =>
          isCommittee(parent) && parent.level === null
            ? null
            : isCityOrCounty(parent) || parent.unitKind === "primary" || parent.unitKind === "branch" || parent.unitKind === "subprimary",
        wanted: "a city or county party committee, or a primary, branch or sub-primary party organization",
      };
  }
}

/** The units on `under` cycles, each cycle once, as lists in `under` order (linear: every unit is walked once). */
function findCycles(model: Model): Unit[][] {
  const walkOf = new Map<Unit, number>();
  const cycles: Unit[][] = [];
  model.units.forEach((start, walk) => {
    const path: Unit[] = [];
    const position = new Map<Unit, number>();
    let current: Unit | null = start;
    while (current && !walkOf.has(current)) {
      walkOf.set(current, walk);
      position.set(current, path.length);
      path.push(current);
      current = current.parent;
    }
    if (current && walkOf.get(current) === walk) cycles.push(path.slice(position.get(current)));
  });
  return cycles;
}

function reportCycle(cycle: Unit[], order: Map<Unit, number>, report: (input: ReportInput) => void): void {
  const firstIndex = cycle.reduce((best, unit, index) => (order.get(unit)! < order.get(cycle[best]!)! ? index : best), 0);
  const rotated = [...cycle.slice(firstIndex), ...cycle.slice(0, firstIndex)];
  const first = rotated[0]!;
  const steps = rotated.map((unit) => `${unitLabel(unit)} is under ${unit.parent === unit ? "itself" : unitLabel(unit.parent!)}`);
  const related: RelatedLocation[] = rotated.slice(1).map((unit) => ({
    file: unit.file,
    span: unit.underProperty!.span,
    message: `${unitLabel(unit)} is under ${unitLabel(unit.parent!)}`,
  }));
  report({
    file: first.file,
    span: first.underProperty!.span,
    message: `\`under\` runs in a circle: ${steps.join(", ")}; the units must form a tree`,
    related,
  });
}

export const hierarchy = defineRule({
  code: "ORG115",
  name: "hierarchy",
  severity: "error",
  category: "structure",
  summary:
    "`under` forms a tree: provincial under central; city and county under provincial; primary under a committee; branch and sub-primary under a primary; cell under a city/county committee or a primary, branch or sub-primary; team under any committee; no cycles.",
  citation: {
    section: "Party Cells",
    quote:
      "Party cells are party of the provincial and local party system or can be part of a specific DPRK institutions (such as the military and security forces, government agencies and cultural organizations).",
  },
  options: {},
  docs: {
    description:
      "Every unit's `under` names the unit it belongs to, and together they form one tree with the Central Committee at its root:\n\n" +
      "| unit | under |\n| --- | --- |\n" +
      "| committee, `level central` | nothing |\n" +
      "| committee, `level provincial` | the Central Committee |\n" +
      "| committee, `level city` or `county` | a provincial committee |\n" +
      "| `primary`, `team` | a committee (any level) |\n" +
      "| `branch`, `subprimary` | a `primary` |\n" +
      "| `cell` | a city or county committee, or a `primary`, `branch` or `subprimary` |\n\n" +
      "A unit under the wrong kind of unit, and a unit other than the Central Committee without `under`, are reported on the `under` line (on the header when there is none). " +
      "A cycle of `under` is reported once, on the `under` of its first unit in program order, with the others' `under` lines as related locations; " +
      "the units on a cycle are not checked further. An `under` that does not resolve (ORG002, ORG005), or a committee without a `level`, is not judged.",
    failing: `cell archive "Provincial Archive Cell" {
  under north_pyongan
  setting government
}`,
    passing: `cell archive "Sinuiju Archive Cell" {
  under sinuiju
  setting government
}`,
  },
  check({ model, report }) {
    const order = new Map(model.units.map((unit, index) => [unit, index]));
    const onCycle = new Set<Unit>();
    for (const cycle of findCycles(model)) {
      cycle.forEach((unit) => onCycle.add(unit));
      reportCycle(cycle, order, report);
    }
    for (const unit of model.units) {
      if (onCycle.has(unit)) continue;
      const place = placement(unit);
      if (place === null) continue;
      const under = unit.underProperty;
      if (place === "root") {
        if (under && unit.parent) {
          report({ file: unit.file, span: under.span, message: `${unitLabel(unit)} is the Central Committee, at the top of the party; it is under no other unit` });
        }
        continue;
      }
      if (!under) {
        report({ file: unit.file, span: unit.decl.id.span, message: `${unitLabel(unit)} has no \`under\`; ${kindPhrase(unit)} belongs under ${place.wanted}` });
        continue;
      }
      const parent = unit.parent;
      if (!parent || place.allows(parent) !== false) continue;
      report({
        file: unit.file,
        span: under.span,
        message: `${unitLabel(unit)} is under ${unitLabel(parent)}, ${kindPhrase(parent)}; ${kindPhrase(unit)} belongs under ${place.wanted}`,
      });
    }
  },
});
