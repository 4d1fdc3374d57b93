// A deadline that falls on the period's last day (or the `--as-of` day) is
// due: the records are complete through the end of that day, so nothing
// recorded by then is overdue (RULES.md, Clarifications). One day later is
// not yet due. The same reading holds for the agenda and the report.
import { describe, expect, it } from "vitest";
import { computeAgenda } from "../../src/agenda/agenda.js";
import { candidateHistories } from "../../src/agenda/membership-deadlines.js";
import { RuleSettings } from "../../src/agenda/rule-settings.js";
import { formatDay, parseDay } from "../../src/util/dates.js";
import { checkSpec, reported } from "../helpers.js";

const PERIOD = "period 2026-01-01 to 2026-04-30";

/** The program: a forward on 2026-03-30, a candidate since 2025-04-30, a probation extended to 2026-04-30. */
function program(period = PERIOD): string {
  return `import "committees.org"
${period}
cell acad "Teachers College Cell" {
  under sinuiju
  member kim_a "Kim A" joined 2010-01-01
  member ri_b "Ri B" joined 2011-01-01
  candidate ro_sun "Ro Sun" since 2025-04-30
  candidate ki_f "Ki F" since 2024-04-30
}
every week from 2026-01-05 to 2026-04-27 meeting acad
on 2026-03-02 application tak_s "Tak S" to acad { recommended by kim_a, ri_b }
on 2026-03-02 review tak_s at acad
on 2026-03-30 forward tak_s to sinuiju
on 2025-04-20 extend ki_f by acad
`;
}

describe("a deadline on the period's last day", () => {
  it("is overdue for ORG304, ORG305 and ORG308", () => {
    const result = checkSpec(program());
    expect(reported(result, "ORG304")).toEqual([
      "13:1-13:39 Tak S's application was forwarded to Sinuiju City Party Committee on 2026-03-30; no decision by 2026-04-30, one month later",
    ]);
    expect(reported(result, "ORG305")).toEqual([
      "7:3-7:45 Ro Sun's probation began 2025-04-30 (the roster's candidate since; no approve is recorded); no admit, extend or expel by 2026-04-30, one year later",
    ]);
    expect(reported(result, "ORG308")).toEqual([
      "14:1-14:34 Ki F's probation was extended by Teachers College Cell on 2025-04-20; the extended probation ended on 2026-04-30 with no admit or expel",
    ]);
  });

  it("is not yet due one day later", () => {
    const result = checkSpec(program("period 2026-01-01 to 2026-04-29"));
    expect(result.codes().filter((code) => ["ORG304", "ORG305", "ORG308"].includes(code))).toEqual([]);
  });

  it("is overdue on the --as-of day and not the day before", () => {
    const late = checkSpec(program("period 2026-01-01 to 2026-06-30"), { asOf: parseDay("2026-04-30") });
    expect(late.codes().filter((code) => ["ORG304", "ORG305", "ORG308"].includes(code))).toEqual(["ORG305", "ORG304", "ORG308"]);
    const early = checkSpec(program("period 2026-01-01 to 2026-06-30"), { asOf: parseDay("2026-04-29") });
    expect(early.codes().filter((code) => ["ORG304", "ORG305", "ORG308"].includes(code))).toEqual([]);
  });

  it("is marked late in the report's candidate timelines and listed by the agenda on that day", () => {
    const { model } = checkSpec(program());
    const asOf = parseDay("2026-04-30")!;
    const settings = new RuleSettings();
    const lateDeadlines = candidateHistories(model, settings, asOf).flatMap((history) =>
      history.milestones.filter((milestone) => milestone.deadline && milestone.late).map((milestone) => `${history.person.id} ${formatDay(milestone.day)}`),
    );
    expect(lateDeadlines.sort()).toEqual(["ki_f 2026-04-30", "ro_sun 2026-04-30", "tak_s 2026-04-30"]);
    const agenda = computeAgenda([model], { asOf, days: 0, settings });
    expect(agenda.items.filter((item) => item.code.startsWith("ORG30")).map((item) => `${formatDay(item.due)} ${item.code}`).sort()).toEqual([
      "2026-04-30 ORG304",
      "2026-04-30 ORG305",
      "2026-04-30 ORG308",
    ]);
  });
});
