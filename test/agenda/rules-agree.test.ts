// The agenda and the report ask the rules what falls due (src/rules/obligation.ts);
// this holds them to it on every conformance entry and the examples: a cadence
// the report marks short is one its rule reports, a deadline the agenda sees
// missed or met late is one its rule reports, and the other way round.
import { existsSync, readdirSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { cadenceObligations } from "../../src/agenda/obligations.js";
import { membershipDeadlines } from "../../src/agenda/membership-deadlines.js";
import { RuleSettings } from "../../src/agenda/rule-settings.js";
import { checkProgram } from "../../src/check/check.js";
import type { Diagnostic } from "../../src/diagnostics/types.js";
import { findEntries } from "../../src/program/entries.js";
import { diskHost } from "../../src/program/disk-host.js";
import { FileCache } from "../../src/program/load.js";
import { unitCalendar } from "../../src/report/calendar-data.js";
import { isLate, isOverdue } from "../../src/rules/shared/membership-facts.js";

const root = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const conformance = resolve(root, "../shared/conformance");
const entries = [
  ...(existsSync(conformance) ? readdirSync(conformance).filter((name) => name.endsWith(".org")).map((name) => join(conformance, name)) : []),
  ...findEntries([join(root, "examples")], new FileCache(diskHost)).entries,
];
if (!existsSync(conformance)) console.warn(`rules-agree: ${conformance} is not beside this clone; only the examples were compared`);

const CADENCE = new Set(["ORG201", "ORG202", "ORG203", "ORG204", "ORG205", "ORG206", "ORG401"]);
const DEADLINE = new Set(["ORG304", "ORG305", "ORG308"]);

let compared = 0;

describe("the agenda, the report and the rules agree", () => {
  it.each(entries.map((entry) => [relative(resolve(root, ".."), entry), entry]))("on %s", (_, entry) => {
    const result = checkProgram(entry, { today: 0 });
    const { model } = result;
    const settings = new RuleSettings();
    const asOf = model.period?.to ?? null;
    const at = (code: string, file: string, start: number) => `${code}@${file}:${start}`;

    // Cadences: the units the report's calendar marks short, per code, are the units the rule reports (at their identifier).
    const obligations = cadenceObligations(model, settings);
    const marked = new Set<string>();
    for (const unit of model.units) {
      const calendar = unitCalendar(unit, obligations.filter((obligation) => obligation.unit === unit), CADENCE);
      for (const row of calendar?.rows ?? []) for (const mark of row.marks) marked.add(at(mark.code, unit.file, unit.decl.id.span.start));
    }
    // ORG206's findings on a missing or too slow `critique` line judge no sessions, so the calendar marks nothing for them.
    const judgesSessions = (d: Diagnostic) => d.code !== "ORG206" || d.message.includes("held no Party Life Critique");
    const cadenceFindings = new Set(result.diagnostics.filter((d) => CADENCE.has(d.code) && judgesSessions(d)).map((d) => at(d.code, d.file, d.span.start)));
    expect([...marked].sort()).toEqual([...cadenceFindings].sort());
    compared += marked.size;

    // Deadlines: what the agenda's deadlines say is overdue or met late is what the rules report, where they report it.
    const expected = new Set<string>();
    for (const deadline of membershipDeadlines(model, settings)) {
      if (deadline.closedBy && isLate(deadline.closedBy.day, deadline.due, asOf)) {
        const anchor = deadline.code === "ORG308" ? deadline : { file: deadline.closedBy.file, span: deadline.closedBy.statement.span };
        expected.add(at(deadline.code, anchor.file, anchor.span.start));
      } else if (deadline.closed === null && isOverdue(deadline.due, asOf)) expected.add(at(deadline.code, deadline.file, deadline.span.start));
    }
    const reported = new Set(result.diagnostics.filter((d) => DEADLINE.has(d.code)).map((d) => at(d.code, d.file, d.span.start)));
    expect([...expected].sort()).toEqual([...reported].sort());
    compared += expected.size;
  });

  it("compared findings of both kinds, not empty sets", () => {
    // The conformance entries hold dozens; the examples alone, a few.
    expect(compared).toBeGreaterThan(existsSync(conformance) ? 10 : 0);
  });
});
