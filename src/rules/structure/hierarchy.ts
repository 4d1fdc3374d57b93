import type { RelatedLocation } from "../../diagnostics/types.js";
import type { Model, Unit } from "../../model/types.js";
import { computed, read, readUnit } from "../evidence.js";
import { defineRule, type ReportInput } from "../rule.js";
import { kindPhrase } from "../shared/structure-units.js";
import { unitLabel } from "../shared/units.js";

/** What the hierarchy knows of a unit: its kind and, for a committee, its level. */
export interface Placed {
  readonly unitKind: Unit["unitKind"];
  readonly level: Unit["level"];
}

const isCommittee = (unit: Placed) => unit.unitKind === "committee";
/** A committee of `level`; `null` (cannot be judged) for a committee without a level. */
const committeeOf = (level: Unit["level"], parent: Placed): boolean | null => (isCommittee(parent) && parent.level === null ? null : isCommittee(parent) && parent.level === level);

/**
 * Whether this rule accepts `parent` as the `under` of `child`, cycles aside:
 * `null` when it cannot judge (a committee without a level, as the child, or
 * as the parent of a committee or cell), which the rule lets pass. The rule's
 * check and the editor's completion after `under` both ask this.
 */
export function mayBeUnder(child: Placed, parent: Placed): boolean | null {
  switch (child.unitKind) {
    case "committee":
      if (child.level === null) return null;
      if (child.level === "central") return false;
      return committeeOf(child.level === "provincial" ? "central" : "provincial", parent);
    case "primary":
    case "team":
      return isCommittee(parent);
    case "branch":
    case "subprimary":
      return parent.unitKind === "primary";
    case "cell":
      if (isCommittee(parent) && parent.level === null) return null;
      if (isCommittee(parent)) return parent.level === "city" || parent.level === "county";
      return parent.unitKind === "primary" || parent.unitKind === "branch" || parent.unitKind === "subprimary";
  }
}

/** What a unit belongs under, for messages; `"root"` for the Central Committee; `null` when it cannot be judged (a committee without a level). */
function placement(unit: Unit): string | "root" | null {
  switch (unit.unitKind) {
    case "committee":
      if (unit.level === "central") return "root";
      if (unit.level === "provincial") return "the Central Committee";
      if (unit.level === "city" || unit.level === "county") return "a provincial party committee";
      return null;
    case "primary":
    case "team":
      return "a party committee";
    case "branch":
    case "subprimary":
      return "a primary party organization";
    case "cell":
      return "a city or county party committee, or a primary, branch or sub-primary party organization";
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
    subject: `unit:${first.id}/under/cycle:${rotated.map((unit) => unit.id).join(",")}`,
    evidence: [...rotated.map((unit) => read(`${unit.id} under ${unit.parent!.id}`, unit.file, unit.underProperty!.span)), computed(`following \`under\` from ${first.id} comes back to it`)],
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
      const wanted = placement(unit);
      if (wanted === null) continue;
      const under = unit.underProperty;
      if (wanted === "root") {
        if (under && unit.parent) {
          report({
            file: unit.file,
            span: under.span,
            message: `${unitLabel(unit)} is the Central Committee, at the top of the party; it is under no other unit`,
            subject: `unit:${unit.id}/under:${unit.parent.id}`,
            evidence: [readUnit(unit), read(`under ${unit.parent.id}`, unit.file, under.span)],
          });
        }
        continue;
      }
      if (!under) {
        report({
          file: unit.file,
          span: unit.decl.id.span,
          message: `${unitLabel(unit)} has no \`under\`; ${kindPhrase(unit)} belongs under ${wanted}`,
          subject: `unit:${unit.id}/under`,
          evidence: [readUnit(unit), computed("its body has no `under` line")],
        });
        continue;
      }
      const parent = unit.parent;
      if (!parent || mayBeUnder(unit, parent) !== false) continue;
      report({
        file: unit.file,
        span: under.span,
        message: `${unitLabel(unit)} is under ${unitLabel(parent)}, ${kindPhrase(parent)}; ${kindPhrase(unit)} belongs under ${wanted}`,
        subject: `unit:${unit.id}/under:${parent.id}`,
        evidence: [readUnit(unit), read(`under ${parent.id}`, unit.file, under.span), readUnit(parent), computed(`${kindPhrase(unit)} belongs under ${wanted}`)],
      });
    }
  },
});
