import type { Fix, RelatedLocation } from "../../diagnostics/types.js";
import type { Model, Unit } from "../../model/types.js";
import { formatDay } from "../../util/dates.js";
import { defineRule, type ReportInput } from "../rule.js";
import { computed, read, readEntry, readUnit } from "../evidence.js";
import { insertInUnit, sourceOf } from "../shared/edits.js";
import { exampleRoster } from "../shared/structure-examples.js";
import { distinctRoles, isLedUnit, type Role } from "../shared/structure-units.js";
import { KIND_NAMES, membershipWithin, personLabel, unitLabel } from "../shared/units.js";

/**
 * Name a full member of the unit's own roster to each missing role (the first
 * three who hold no other role): unsafe, since who leads is the records' to say.
 */
function roleFixes(model: Model, unit: Unit, missing: readonly ("secretary" | "deputy")[]): Fix[] {
  const file = sourceOf(model, unit.file);
  if (!file) return [];
  const holders = new Set([unit.secretary?.person, unit.deputy?.person]);
  const members = unit.roster.filter((entry) => entry.status === "member" && !holders.has(entry.person)).slice(0, 3);
  const secretaryLine = unit.decl.items.find((item) => item.type === "secretary") ?? null;
  const after = unit.decl.items.filter((item) => ["under", "level", "setting", "established", "critique", "covers", "approved"].includes(item.type)).at(-1) ?? null;
  return missing.flatMap((role) =>
    members.map((member): Fix => ({
      title: `Add \`${role} ${member.person.id}\``,
      safety: "unsafe",
      edits: [insertInUnit(file, unit.decl, role === "deputy" ? (secretaryLine ?? after) : after, `${role} ${member.person.id}`)],
    })),
  );
}

/** Reports a role held by a candidate or by someone outside the unit, on the role's line. */
function checkRoleHolder(unit: Unit, role: Role, report: (input: ReportInput) => void): void {
  const person = role.assignment.person!;
  const who = `${personLabel(person)}, the ${role.name}`;
  const membership = membershipWithin(person, unit);
  const span = role.assignment.property.span;
  if (!membership) {
    const elsewhere: RelatedLocation[] = person.memberships.map((other) => ({
      file: other.file,
      span: other.entry.span,
      message: `${personLabel(person)} is in the roster of ${unitLabel(other.unit)}`,
    }));
    report({
      file: unit.file,
      span,
      message: `${who}, is not in the roster of ${unitLabel(unit)} or of any unit under it; the secretary and deputy are full members of the unit`,
      related: elsewhere,
      subject: `unit:${unit.id}/${role.name}:${person.id}/outside`,
      evidence: [
        readUnit(unit),
        read(`${role.name} ${person.id}`, unit.file, span),
        computed(`${person.id} is in no roster of ${unit.id} or of a unit under it${person.memberships.length > 0 ? ` (only of ${person.memberships.map((other) => other.unit.id).join(", ")})` : ""}`),
      ],
    });
  } else if (membership.status === "candidate") {
    const since = membership.date !== null ? ` since ${formatDay(membership.date)}` : "";
    report({
      file: unit.file,
      span,
      message: `${who}, is a candidate, not a full member`,
      subject: `unit:${unit.id}/${role.name}:${person.id}/candidate`,
      evidence: [readUnit(unit), read(`${role.name} ${person.id}`, unit.file, span), readEntry(membership, `candidate ${person.id}${since} in ${membership.unit.id}`)],
      related: [{ file: membership.file, span: membership.entry.span, message: `${personLabel(person)} is a candidate${since} in ${unitLabel(membership.unit)}` }],
    });
  }
}

export const leadership = defineRule({
  code: "ORG110",
  name: "leadership",
  severity: "error",
  category: "structure",
  summary:
    "A cell, primary, branch and sub-primary organization has a secretary and a deputy, two different people, both full members of the unit.",
  citation: {
    section: "Party Cells",
    quote:
      "Party cell meetings are held at least once a month and are led by a party cell secretary and a deputy (vice) secretary.",
  },
  options: {},
  docs: {
    description:
      "Every `cell`, `primary`, `branch` and `subprimary` names a `secretary` and a `deputy` (the text: cells \"are led by a party cell secretary and a deputy (vice) secretary\"; " +
      "primary, branch and sub-primary committees \"elect a secretary and deputy secretary\"). Both must be full members of the unit, " +
      "in its own roster or the roster of a unit under it (a primary's secretary is usually in one of its cells), and they must be two different people.\n\n" +
      "Where it reports:\n\n" +
      "- a missing `secretary` or `deputy` (or both): the unit's identifier in its header;\n" +
      "- a candidate, or someone in no roster of the unit, in a role: that role's line;\n" +
      "- the same person as secretary and deputy: the `deputy` line.\n\n" +
      "A role naming no person (ORG002, ORG005) is left alone.",
    failing: `cell candsec "Uiju Silk Mill Cell" {
  under uiju
  setting workplace
  secretary yun_guk
  deputy s1
${exampleRoster("s", 5)}
  candidate yun_guk "Yun Guk" since 2025-11-01
}`,
    passing: `cell silk "Uiju Silk Mill Cell" {
  under uiju
  setting workplace
  secretary s1
  deputy s2
${exampleRoster("s", 5)}
  candidate yun_guk "Yun Guk" since 2025-11-01
}`,
  },
  check({ model, report }) {
    for (const unit of model.units) {
      if (!isLedUnit(unit)) continue;
      const missing = [unit.secretary ? null : "secretary", unit.deputy ? null : "deputy"].filter((role): role is "secretary" | "deputy" => role !== null);
      if (missing.length > 0) {
        report({
          file: unit.file,
          span: unit.decl.id.span,
          message: `${unitLabel(unit)} has no ${missing.join(" and no ")}; a ${KIND_NAMES[unit.unitKind]} is led by a secretary and a deputy secretary`,
          data: { unit: unit.id, missing },
          subject: `unit:${unit.id}/roles:${missing.join(",")}`,
          evidence: [readUnit(unit), computed(`its body has no ${missing.map((role) => `\`${role}\``).join(" and no ")} line`)],
          fixes: roleFixes(model, unit, missing),
        });
      }
      for (const role of distinctRoles(unit)) checkRoleHolder(unit, role, report);
      const deputy = unit.deputy?.person ?? null;
      if (deputy && deputy === unit.secretary?.person) {
        report({
          file: unit.file,
          span: unit.deputy!.property.span,
          message: `${personLabel(deputy)} is both the secretary and the deputy of ${unitLabel(unit)}; the deputy must be another person`,
          related: [{ file: unit.file, span: unit.secretary.property.span, message: `${personLabel(deputy)} is the secretary` }],
          subject: `unit:${unit.id}/deputy:${deputy.id}/same-as-secretary`,
          evidence: [readUnit(unit), read(`secretary ${deputy.id}`, unit.file, unit.secretary.property.span), read(`deputy ${deputy.id}`, unit.file, unit.deputy!.property.span)],
        });
      }
    }
  },
});
