// The agenda as iCalendar: written by `orgspec agenda --ics` and read back
// with ical.js, field by field; text escaping and line folding on their own.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ICAL from "ical.js";
import { afterAll, describe, expect, it } from "vitest";
import { escapeText, foldLine } from "../../src/agenda/ics.js";
import { cleanUp, run, tempDir } from "../fixtures/support.js";

afterAll(cleanUp);

const REPO = fileURLToPath(new URL("../../", import.meta.url));

interface ParsedEvent {
  uid: string;
  start: string;
  end: string;
  summary: string;
  description: string;
  categories: string[];
  stamp: string;
}

function parseEvents(text: string): { calendar: ICAL.Component; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents("vevent").map((event) => {
    const value = (name: string) => event.getFirstPropertyValue(name);
    const time = (name: string) => {
      const found = value(name);
      if (!(found instanceof ICAL.Time)) throw new Error(`${name} is not a time`);
      return found;
    };
    expect(time("dtstart").isDate).toBe(true);
    return {
      uid: String(value("uid")),
      start: time("dtstart").toString(),
      end: time("dtend").toString(),
      summary: String(value("summary")),
      description: String(value("description")),
      categories: event.getFirstProperty("categories")!.getValues().map(String),
      stamp: time("dtstamp").toString(),
    };
  });
  return { calendar, events };
}

describe("orgspec agenda --ics", () => {
  it("writes one all-day event per item that an iCalendar parser reads back", async () => {
    const dir = tempDir();
    const file = join(dir, "agenda.ics");
    const result = await run(["agenda", "examples", "--ics", file], { cwd: REPO });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("10 items due");
    const text = readFileSync(file, "utf8");
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.split("\r\n").every((line) => Buffer.byteLength(line, "utf8") <= 75)).toBe(true);
    const { calendar, events } = parseEvents(text);
    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
    expect(String(calendar.getFirstPropertyValue("prodid"))).toMatch(/^-\/\/orgspec\/\/orgspec \d+\.\d+\.\d+\/\/EN$/);
    expect(events).toHaveLength(10);
    const decision = events.find((event) => event.categories.includes("ORG304"))!;
    expect(decision).toMatchObject({
      start: "2026-07-15",
      end: "2026-07-16",
      summary: "Sinuiju City Party Committee: approve or reject Kim Hyon-a's application",
      description: "forwarded on 2026-06-15; the committee decides within one month\nORG304, examples/sinuiju.org:144:1",
      categories: ["ORG304", "committee-decision"],
    });
    expect(decision.uid).toMatch(/^[0-9a-f]{32}@orgspec$/);
    expect(decision.stamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(events.map((event) => event.start)).toEqual([
      "2026-07-02",
      "2026-07-03",
      "2026-07-03",
      "2026-07-04",
      "2026-07-05",
      "2026-07-06",
      "2026-07-07",
      "2026-07-15",
      "2026-07-16",
      "2026-07-17",
    ]);
    expect(new Set(events.map((event) => event.uid)).size).toBe(10);
  });

  it("gives an item the same UID on every run, so importing again updates it", async () => {
    const dir = tempDir();
    await run(["agenda", "examples", "--ics", join(dir, "a.ics")], { cwd: REPO });
    await run(["agenda", "examples", "--ics", join(dir, "b.ics")], { cwd: REPO });
    const uids = (name: string) => parseEvents(readFileSync(join(dir, name), "utf8")).events.map((event) => event.uid);
    expect(uids("a.ics")).toEqual(uids("b.ics"));
  });

  it("reports a file it cannot write as a usage error", async () => {
    const result = await run(["agenda", "examples", "--ics", "/nonexistent-dir/agenda.ics"], { cwd: REPO });
    expect(result).toEqual({ status: 2, stdout: "", stderr: "orgspec: cannot write /nonexistent-dir/agenda.ics: no such file or directory\n" });
  });
});

describe("iCalendar text", () => {
  it("escapes backslashes, semicolons, commas and newlines, and a parser reads the text back unchanged", () => {
    const summary = 'Ri "Chol", 2nd; back\\slash\nnew line';
    expect(escapeText(summary)).toBe('Ri "Chol"\\, 2nd\\; back\\\\slash\\nnew line');
    const event = ["UID:x", "DTSTAMP:20260101T000000Z", "DTSTART;VALUE=DATE:20260101", "DTEND;VALUE=DATE:20260102", "CATEGORIES:test", `SUMMARY:${escapeText(summary)}`];
    const text = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", "BEGIN:VEVENT", ...event, "END:VEVENT", "END:VCALENDAR", ""].join("\r\n");
    expect(parseEvents(text).events[0]!.summary).toBe(summary);
  });

  it("folds at 75 octets without splitting a multi-byte character", () => {
    const line = `SUMMARY:${"조선로동당 ".repeat(30)}`;
    const folded = foldLine(line);
    const parts = folded.split("\r\n");
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(Buffer.byteLength(part, "utf8")).toBeLessThanOrEqual(75);
    expect(parts.slice(1).every((part) => part.startsWith(" "))).toBe(true);
    expect(parts.map((part, index) => (index === 0 ? part : part.slice(1))).join("")).toBe(line);
    expect(folded).not.toContain("\uFFFD");
  });
});
