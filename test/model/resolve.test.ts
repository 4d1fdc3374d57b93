import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { FileCache, formatDay, loadProgram, resolveProgram, resolveSteps, type Model } from "../../src/index.js";
import { STATEMENTS_PER_STEP } from "../../src/model/events.js";
import { checkSpec, COMMITTEES, memoryHost, reported, VIRTUAL_ROOT } from "../helpers.js";

const language = (result: ReturnType<typeof checkSpec>) =>
  result.diagnostics.filter((d) => /^ORG00/.test(d.code)).map((d) => `${d.code} ${result.at(d)} ${d.message}`);

describe("imports", () => {
  it("resolves imports relative to the importing file", () => {
    const result = checkSpec(`import "sub/a.org"\nperiod 2026-01-01 to 2026-01-31\n`, {
      files: { "sub/a.org": `import "b.org"\nresidence r1 "R1"\n`, "sub/b.org": `residence r2 "R2"\n` },
    });
    expect(language(result)).toEqual([]);
    expect(result.model.files.map((f) => f.path.split("/").slice(-2).join("/"))).toEqual(["sub/b.org", "sub/a.org", "virtual-specs/main.org"]);
    expect(result.model.residences.map((r) => r.id)).toEqual(["r2", "r1"]);
  });

  it("reports a missing file and a cycle on the import that closes it, never crashing", () => {
    const result = checkSpec(`import "a.org"\nimport "gone.org"\nperiod 2026-01-01 to 2026-01-31\n`, {
      files: { "a.org": `import "b.org"\n`, "b.org": `import "a.org"\n` },
    });
    expect(language(result)).toEqual([
      'ORG006 1:1-1:15 import cycle: a.org → b.org → a.org',
      'ORG006 2:1-2:18 cannot import "gone.org": no such file',
    ]);
    expect(result.diagnostics.find((d) => d.code === "ORG006")?.file.endsWith("b.org")).toBe(true);
  });
});

describe("names", () => {
  it("suggests the closest declared name of the expected kind", () => {
    const result = checkSpec(`import "committees.org"\nperiod 2026-01-01 to 2026-01-31\non 2026-01-05 report x to sinuju\nperson x "X"\n`);
    expect(reported(result, "ORG002")).toEqual(["3:27-3:33 no unit or person named `sinuju`; did you mean `sinuiju`?"]);
  });

  it("reports wrong kinds with what was expected and where the name is declared", () => {
    const result = checkSpec(`import "committees.org"
residence r "R"
cell c "C" {
  under r
  covers sinuiju
  secretary uiju
}
`);
    expect(reported(result, "ORG005")).toEqual([
      "4:9-4:10 `under` must be a unit, but `r` is a residence",
      "5:10-5:17 `covers` must be a residence, but `sinuiju` is a committee",
      "6:13-6:17 `secretary` must be a person, but `uiju` is a committee",
    ]);
  });

  it("reports a name declared twice, and a person named two ways", () => {
    const result = checkSpec(`import "committees.org"
residence sinuiju "Clash"
cell c "C" {
  under uiju
  member a "Kim A" joined 2010-01-01
  member a "Kim A" joined 2010-01-01
}
person a "Kim A"
on 2026-01-02 application a "Kim B" to c
`);
    expect(reported(result, "ORG003")).toEqual([
      "2:11-2:18 `sinuiju` is already declared as a committee",
      "6:10-6:11 `a` is listed twice in the roster of c",
      "8:8-8:9 `a` is already declared as a person; `person` declares someone in no roster",
      '9:27-9:28 `a` is named "Kim B" here but "Kim A" where first declared',
    ]);
    expect(result.diagnostics.find((d) => d.code === "ORG003")!.related.map((r) => r.message)).toEqual(["`sinuiju` first declared here"]);
  });
});

describe("period", () => {
  it("reports a second period, events after the end and a series reaching past it once", () => {
    const result = checkSpec(`import "committees.org"
period 2026-01-01 to 2026-03-31
period 2026-01-01 to 2026-06-30
on 2025-12-01 meeting uiju
on 2026-04-01 meeting uiju
every month from 2026-01-15 to 2026-06-15 meeting uiju
`);
    expect(language(result)).toEqual([
      "ORG008 3:1-3:32 a program has one `period`; this is a second one",
      "ORG007 5:1-5:27 this event on 2026-04-01 is after the period's end (2026-03-31)",
      "ORG007 6:1-6:55 3 of this series' events fall after the period's end (2026-03-31), the last on 2026-06-15",
    ]);
  });

  it("says once that cadence rules were not evaluated without a period", () => {
    const result = checkSpec(`import "committees.org"\n`);
    expect(language(result)).toEqual(["ORG009 1:1-1:24 no `period` in this program: meeting, critique and report cadences were not evaluated"]);
    expect(result.diagnostics.find((d) => d.code === "ORG009")!.severity).toBe("info");
  });

  it("reports a period that ends before it starts", () => {
    const result = checkSpec(`period 2026-06-30 to 2026-01-01\n`);
    expect(language(result)).toContain("ORG004 1:22-1:32 the period ends on 2026-01-01, before it starts on 2026-06-30");
  });
});

describe("resolved model", () => {
  const spec = `import "committees.org"
period 2026-01-01 to 2026-06-30
primary p "P" { under sinuiju }
branch b "B" { under p }
cell c1 "C1" {
  under b
  established 2026-02-10
  member a "A" joined 2010-01-01
  member x "X" joined 2010-01-01
}
cell c2 "C2" {
  under p
  member d "D" joined 2010-01-01
  candidate x "X" since 2025-01-01
}
every month from 2026-01-31 to 2026-06-30 meeting c1
on 2026-03-01 meeting c1
on 2026-02-01 approve x by sinuiju
on 2026-01-05 review x at c1
`;

  it("builds the units tree and counts distinct people over each subtree", () => {
    const { model } = checkSpec(spec);
    const sizes = Object.fromEntries(model.units.map((unit) => [unit.id, unit.size]));
    expect(sizes).toEqual({ central: 3, north_pyongan: 3, sinuiju: 3, uiju: 0, p: 3, b: 2, c1: 2, c2: 2 });
    const p = model.units.find((unit) => unit.id === "p")!;
    expect(p.children.map((unit) => unit.id)).toEqual(["b", "c2"]);
  });

  it("expands monthly series clamped to the month's end and sorts timelines by date", () => {
    const { model } = checkSpec(spec);
    const c1 = model.units.find((unit) => unit.id === "c1")!;
    expect(c1.timeline.gatherings.meeting.map((o) => formatDay(o.day))).toEqual([
      "2026-01-31", "2026-02-28", "2026-03-01", "2026-03-31", "2026-04-30", "2026-05-31", "2026-06-30",
    ]);
    expect(c1.window && [formatDay(c1.window.from), formatDay(c1.window.to)]).toEqual(["2026-02-10", "2026-06-30"]);
    const x = model.people.find((person) => person.id === "x")!;
    expect(x.timeline.map((event) => `${formatDay(event.day)} ${event.kind} ${event.unit?.id}`)).toEqual([
      "2026-01-05 review c1",
      "2026-02-01 approve sinuiju",
    ]);
    expect(x.memberships.map((m) => `${m.unit.id} ${m.status}`)).toEqual(["c1 member", "c2 candidate"]);
  });

  it("records every reference with the symbol it resolved to", () => {
    const { model } = checkSpec(spec);
    const toSinuiju = model.references.filter((ref) => ref.name === "sinuiju");
    expect(toSinuiju.map((ref) => ref.symbol.kind)).toEqual(["unit", "unit", "unit"]);
    expect(model.references.filter((ref) => ref.name === "x").length).toBe(4);
  });
});

describe("one cause, one diagnostic", () => {
  const cell = (events: string) => `import "committees.org"
period 2026-01-01 to 2026-03-31
cell mill3 "Mill Cell" {
  under sinuiju
  setting workplace
  critique weekly
  secretary a1
  deputy a2
  member a1 "A1" joined 2010-01-01
  member a2 "A2" joined 2010-01-01
  member a3 "A3" joined 2010-01-01
  member a4 "A4" joined 2010-01-01
  member a5 "A5" joined 2010-01-01
}
every week from 2026-01-02 to 2026-03-27 critique mill3
every month from 2026-01-15 to 2026-03-15 report mill3 to sinuiju, north_pyongan
${events}
`;

  it("reports a missed month when every meeting parsed", () => {
    expect(checkSpec(cell("on 2026-01-12 meeting mill3\non 2026-03-12 meeting mill3")).codes()).toEqual(["ORG201"]);
  });

  it("stays silent about the cadence of a unit whose event did not parse, and says so on the syntax error", () => {
    const result = checkSpec(cell("on 2026-01-12 meeting mill3\non 2026-02-12 meting mill3\non 2026-03-12 meeting mill3"));
    expect(result.codes()).toEqual(["ORG001"]);
    const doubts = result.model.units.find((unit) => unit.id === "mill3")!.timelineDoubts;
    expect(doubts.map((doubt) => `${doubt.kinds.join(" ")}: ${doubt.reason}`)).toEqual([
      "meeting committee-meeting executive-meeting critique report: this line did not parse",
    ]);
    const syntax = result.diagnostics[0]!;
    expect(syntax.related.map((note) => `${result.at({ ...syntax, span: note.span })} ${note.message}`)).toEqual([
      "3:6-3:11 the meeting, Party Life Critique and report cadences of Mill Cell (ORG201, ORG206, ORG401) were not checked because this line did not parse",
    ]);
  });

  it("skips only the cadence a line that did not parse names, when its keywords say which", () => {
    const result = checkSpec(cell("on 2026-01-12 meeting mill3\non 2026-02-12 critique mill3 mill3\non 2026-03-12 meeting mill3"));
    // The meetings still count: February has none, so ORG201 reports it; the critique cadence is not judged.
    expect(result.codes()).toEqual(["ORG201", "ORG001"]);
    const syntax = result.diagnostics.find((diagnostic) => diagnostic.code === "ORG001")!;
    expect(syntax.related.map((note) => note.message)).toEqual([
      "the Party Life Critique cadence of Mill Cell (ORG206) was not checked because this line did not parse",
    ]);
  });

  it("stays silent about the cadence of the unit a misspelt event most likely meant", () => {
    const result = checkSpec(cell("on 2026-01-12 meeting mill3\non 2026-02-12 meeting mil3\non 2026-03-12 meeting mill3"));
    expect(reported(result, "ORG002")).toEqual(["18:23-18:27 no unit or person named `mil3`; did you mean `mill3`?"]);
    expect(result.codes()).toEqual(["ORG002"]);
    expect(result.diagnostics[0]!.related.map((note) => note.message)).toEqual([
      "the meeting cadence of Mill Cell (ORG201) was not checked because this event names `mil3`, which nothing declares",
    ]);
  });
});

describe("resolving in parts", () => {
  it("pauses every few hundred statements and returns the model resolveProgram returns", () => {
    const events = Array.from({ length: 600 }, (_, index) => `on 2026-0${1 + (index % 6)}-${String(1 + (index % 28)).padStart(2, "0")} meeting c`).join("\n");
    const host = memoryHost({ "committees.org": COMMITTEES, "main.org": `import "committees.org"\nperiod 2026-01-01 to 2026-06-30\ncell c "C" {\n  under sinuiju\n}\n${events}\non 2026-13-01 meeting c\n` });
    const program = loadProgram(resolve(VIRTUAL_ROOT, "main.org"), new FileCache(host));
    const steps = resolveSteps(program);
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses++;
    // Over 600 statements, read in three passes: at least two pauses in each.
    expect(pauses).toBeGreaterThanOrEqual(Math.floor(600 / STATEMENTS_PER_STEP) * 3);
    const whole = resolveProgram(program);
    const summary = (model: Model) => ({
      diagnostics: model.diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.span.start} ${diagnostic.message}`),
      meetings: model.units.map((unit) => unit.timeline.gatherings.meeting.map((occurrence) => occurrence.day)),
      references: model.references.length,
    });
    expect(summary(step.value)).toEqual(summary(whole));
    expect(step.value.units.find((unit) => unit.id === "c")!.timeline.gatherings.meeting).toHaveLength(600);
  });
});
