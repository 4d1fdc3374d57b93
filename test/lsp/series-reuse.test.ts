// A series statement the editor's partial re-parse keeps is expanded once
// and its expansion reused by the next model (src/model/events.ts): only
// while the days it expands to cannot have changed. Each edit here changes
// what the kept series expands to without touching its statement, and the
// model's timelines must be those of a check from scratch.
import { afterEach, describe, expect, it } from "vitest";
import { checkProgram, diskHost, FileCache, parseDay, type Model } from "../../src/index.js";
import { uriToPath } from "../../lsp/positions.js";
import { replaceFirst as replace, testWorkspace, type TestWorkspace } from "./workspace-helpers.js";

let t: TestWorkspace | undefined;
afterEach(() => t?.dispose());

const SPEC = [
  "period 2026-01-01 to 2026-06-30",
  "",
  'cell mill "Mill Cell" {',
  "  under sinuiju",
  "  critique weekly",
  '  member kim "Kim" joined 2010-01-10',
  "}",
  "",
  "every month from 2025-10-06 to 2026-06-06 meeting mill",
  "every week from 2026-01-01 to 2026-06-30 critique mill",
  "every month from 2026-01-20 to 2026-05-20 committee meeting mill { present kim }",
  "on 2026-03-02 meeting mill",
  "",
].join("\n");

function timelines(model: Model) {
  return model.units.map((unit) => ({
    unit: unit.id,
    meeting: unit.timeline.gatherings.meeting.map((occurrence) => [occurrence.day, occurrence.statement.span.start]),
    critique: unit.timeline.gatherings.critique.map((occurrence) => [occurrence.day, occurrence.statement.span.start]),
  }));
}

function fromScratch(workspace: TestWorkspace, entry: string) {
  const text = workspace.workspace.document(entry)!.getText();
  const host = { readFile: (path: string) => (path === entry ? { text } : diskHost.readFile(path)) };
  return checkProgram(entry, { cache: new FileCache(host), rulebook: new Map(), today: parseDay("2026-07-01")! });
}

describe("a kept series statement's expansion", () => {
  it("follows the horizon, the period's end and the statements before it, as a check from scratch does", () => {
    t = testWorkspace({ "committees.org": 'committee sinuiju "Sinuiju" {\n  level city\n}\n' });
    const uri = t.open("main.org", SPEC.replace("period", 'import "committees.org"\nperiod'));
    const path = uriToPath(uri);
    const steps: [string, string][] = [
      // An event before the period: the horizon starts earlier, so the monthly series has days before 2026-01-01 to give.
      ["on 2026-03-02 meeting mill", "on 2025-11-03 meeting mill"],
      // Back: the horizon starts at the period again.
      ["on 2025-11-03 meeting mill", "on 2026-03-02 meeting mill"],
      // The period ends sooner: the series' last days fall after it (ORG007) and leave the timelines.
      ["to 2026-06-30\n", "to 2026-05-31\n"],
      // An edit after the monthly series, which is kept: its ORG007 stays.
      ["on 2026-03-02 meeting mill", "on 2026-03-09 meeting mill"],
      // A line inserted above the series: they move, their occurrences with them.
      ["\n\nevery month", "\n// moved down\n\nevery month"],
    ];
    let version = 1;
    for (const [from, to] of steps) {
      const program = replace(t, uri, ++version, from, to);
      const expected = fromScratch(t, path);
      expect(timelines(program.model)).toEqual(timelines(expected.model));
      expect(program.diagnostics).toEqual(expected.diagnostics);
      // Attendance names this model's people, never an earlier model's.
      const attended = program.model.units.flatMap((unit) => unit.timeline.gatherings["committee-meeting"].flatMap((occurrence) => occurrence.present ?? []));
      expect(attended.length).toBeGreaterThan(0);
      for (const person of attended) expect(program.model.symbols.get(person.id)).toBe(person);
    }
    // The edits did reach the model: the series' June days are gone, and each series has its ORG007.
    const program = t.workspace.checkedProgram(path)!;
    const mill = timelines(program.model).find((unit) => unit.unit === "mill")!;
    expect(mill.meeting.map(([day]) => day).at(-1)).toBe(parseDay("2026-05-06"));
    expect(program.diagnostics.filter((diagnostic) => diagnostic.code === "ORG007").map((diagnostic) => program.model.files[1]!.lines.position(diagnostic.span.start).line)).toEqual([11, 12]);
    expect(t.workspace.counts.resolved).toBeGreaterThanOrEqual(steps.length);
  });

  it("is not reused across an edit that widened the horizon (the days before the period appear)", () => {
    t = testWorkspace({ "committees.org": 'committee sinuiju "Sinuiju" {\n  level city\n}\n' });
    const uri = t.open("main.org", SPEC.replace("period", 'import "committees.org"\nperiod'));
    const before = timelines(t.workspace.checkedProgram(uriToPath(uri))!.model).find((unit) => unit.unit === "mill")!;
    expect(before.meeting.map(([day]) => day)[0]).toBe(parseDay("2026-01-06"));
    const after = timelines(replace(t, uri, 2, "on 2026-03-02 meeting mill", "on 2025-11-03 meeting mill").model).find((unit) => unit.unit === "mill")!;
    // The single event on 2025-11-03 and the series' days from then on.
    expect(after.meeting.map(([day]) => day).slice(0, 4)).toEqual([parseDay("2025-11-03"), parseDay("2025-11-06"), parseDay("2025-12-06"), parseDay("2026-01-06")]);
  });

  it("is not reused once a period is declared, even over the same horizon (its end decides ORG007)", () => {
    t = testWorkspace({ "committees.org": 'committee sinuiju "Sinuiju" {\n  level city\n}\n' });
    // No period: the horizon runs from the first single event to the last, 2026-01-05 to 2026-06-30.
    const text = SPEC.replace("period 2026-01-01 to 2026-06-30", 'import "committees.org"\n// period here')
      .replace("on 2026-03-02 meeting mill", "on 2026-01-05 meeting mill\non 2026-06-30 meeting mill")
      .replace("to 2026-06-30 critique", "to 2026-07-31 critique");
    const uri = t.open("main.org", text);
    const path = uriToPath(uri);
    expect(t.workspace.checkedProgram(path)!.diagnostics.map((diagnostic) => diagnostic.code)).not.toContain("ORG007");
    // A period over the same days: the critique series now runs past its end.
    const program = replace(t, uri, 2, "// period here", "period 2026-01-05 to 2026-06-30");
    const expected = fromScratch(t, path);
    expect(program.diagnostics).toEqual(expected.diagnostics);
    expect(program.diagnostics.map((diagnostic) => diagnostic.code)).toContain("ORG007");
    expect(timelines(program.model)).toEqual(timelines(expected.model));
  });
});
