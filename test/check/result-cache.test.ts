// `orgspec check --cache` (src/check/result-cache.ts): a program's result is
// reused exactly while nothing it depends on changed, and the output with the
// cache is the output without it. Three programs share committees.org; the
// store records which programs were checked afresh (a fresh check writes its
// entry, a reused one does not).
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { diskCacheStore } from "../../src/check/cache-store.js";
import { checkPathsParallel, type ParallelOptions } from "../../src/check/parallel.js";
import { ResultCache, type CacheStore } from "../../src/check/result-cache.js";
import { CheckStats } from "../../src/check/stats.js";
import { RULES } from "../../src/rules/index.js";
import type { AnyRule } from "../../src/rules/rule.js";
import { run } from "../fixtures/support.js";

const COMMITTEES = `committee central "Central Committee" { level central }
committee prov "Provincial Committee" {
  level provincial
  under central
}
committee county "County Committee" {
  level county
  under prov
}
`;

const cell = (id: string, members: number, extra = "") => `import "committees.org"
${extra}period 2026-01-01 to 2026-06-30

cell ${id} "Cell ${id}" {
  under county
${Array.from({ length: members }, (_, at) => `  member ${id}_${at} "Member ${at}" joined 2010-01-01`).join("\n")}
}

on 2026-07-01 meeting ${id}
`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "orgspec-cache-"));
  writeFileSync(join(dir, "committees.org"), COMMITTEES);
  writeFileSync(join(dir, "a.org"), cell("a", 4, 'import "a-people.org"\n'));
  writeFileSync(join(dir, "a-people.org"), 'import "committees.org"\n');
  writeFileSync(join(dir, "b.org"), cell("b", 6));
  writeFileSync(join(dir, "c.org"), cell("c", 3));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A store in memory that records the entries written: one per program checked afresh. */
function memoryStore(): CacheStore & { entries: Map<string, string>; parsed: Map<string, Uint8Array>; written: string[] } {
  const disk = diskCacheStore(join(dir, "unused"));
  const entries = new Map<string, string>();
  const parsed = new Map<string, Uint8Array>();
  const written: string[] = [];
  return {
    entries,
    parsed,
    written,
    read: (name) => entries.get(name),
    write: (name, text) => void (entries.set(name, text), written.push(name)),
    readBytes: (name) => parsed.get(name),
    writeBytes: (name, bytes) => void (parsed.set(name, bytes), written.push(name)),
    hash: disk.hash,
    describe: (name) => `memory:${name}`,
    sweep: (keep) => {
      let removed = 0;
      for (const map of [entries, parsed]) {
        for (const name of [...map.keys()]) if (!keep(name)) removed += Number(map.delete(name));
      }
      return { removed, bytes: 0 };
    },
  };
}

const entry = (name: string) => join(dir, name);

/** Checks the folder with the cache; the programs checked afresh (by entry file name) and the result. */
async function cachedCheck(store: ReturnType<typeof memoryStore>, options: ParallelOptions = {}) {
  const notes: string[] = [];
  store.written.length = 0;
  const result = await checkPathsParallel([dir], { config: "none", today: 20_600, ...options, resultCache: { store, note: (note) => notes.push(note) } });
  const fresh = ["a.org", "b.org", "c.org"].filter((name) => store.written.includes(`${store.hash(entry(name))}.json`));
  const parsedAgain = store.written.filter((name) => name.startsWith("ast-")).length;
  return { result, fresh, notes, parsedAgain };
}

const plain = (options: ParallelOptions = {}) => checkPathsParallel([dir], { config: "none", today: 20_600, ...options });
const comparable = (result: Awaited<ReturnType<typeof plain>>) => ({ diagnostics: result.diagnostics, files: result.files, waived: result.waived, entries: result.discovery.entries });

describe("the result cache", () => {
  it("reuses every program while nothing changed, with the output of a check without it", async () => {
    const store = memoryStore();
    const first = await cachedCheck(store);
    expect(first.fresh).toEqual(["a.org", "b.org", "c.org"]);
    const second = await cachedCheck(store);
    expect(second.fresh).toEqual([]);
    expect(second.notes).toEqual([]);
    const expected = comparable(await plain());
    expect(expected.diagnostics.length).toBeGreaterThan(3);
    expect(comparable(first.result)).toEqual(expected);
    expect(comparable(second.result)).toEqual(expected);
  });

  it("checks again the program of a changed file, and only it", async () => {
    const store = memoryStore();
    await cachedCheck(store);
    writeFileSync(join(dir, "b.org"), cell("b", 4));
    const after = await cachedCheck(store);
    expect(after.fresh).toEqual(["b.org"]);
    // committees.org, which b.org imports, comes from the parse cache: only b.org is parsed.
    expect(after.parsedAgain).toBe(1);
    expect(comparable(after.result)).toEqual(comparable(await plain()));
  });

  it("parses every file once on the first run, and a damaged parse entry afresh with a note", async () => {
    const store = memoryStore();
    expect((await cachedCheck(store)).parsedAgain).toBe(5);
    writeFileSync(join(dir, "b.org"), cell("b", 4));
    for (const [key, value] of store.parsed) {
      const damaged = value.slice();
      damaged[damaged.length - 1] = damaged[damaged.length - 1]! ^ 0xff;
      store.parsed.set(key, damaged);
    }
    const after = await cachedCheck(store);
    expect(after.fresh).toEqual(["b.org"]);
    // b.org changed; committees.org's entry no longer checks out: both parsed, one note.
    expect(after.parsedAgain).toBe(2);
    expect(after.notes).toHaveLength(1);
    expect(after.notes[0]).toMatch(/^ignoring the result cache entry memory:ast-[0-9a-f]{64}\.bin: not an orgspec parse cache entry of this format, or damaged; the file is parsed afresh$/);
    expect(comparable(after.result)).toEqual(comparable(await plain()));
  });

  it("checks again the programs that import a changed file, and only them", async () => {
    const store = memoryStore();
    await cachedCheck(store);
    writeFileSync(join(dir, "a-people.org"), 'import "committees.org"\ncommittee extra "Extra" {\n  level county\n  under prov\n}\n');
    expect((await cachedCheck(store)).fresh).toEqual(["a.org"]);
    writeFileSync(join(dir, "committees.org"), `${COMMITTEES}// a comment\n`);
    const shared = await cachedCheck(store);
    expect(shared.fresh).toEqual(["a.org", "b.org", "c.org"]);
    expect(comparable(shared.result)).toEqual(comparable(await plain()));
  });

  it("checks again a program whose missing import appeared", async () => {
    const store = memoryStore();
    writeFileSync(join(dir, "c.org"), cell("c", 5, 'import "later.org"\n'));
    const before = await cachedCheck(store);
    expect(before.result.diagnostics.map((diagnostic) => diagnostic.code)).toContain("ORG006");
    expect((await cachedCheck(store)).fresh).toEqual([]);
    writeFileSync(join(dir, "later.org"), 'import "committees.org"\n');
    const after = await cachedCheck(store);
    expect(after.fresh).toEqual(["c.org"]);
    expect(after.result.diagnostics.map((diagnostic) => diagnostic.code)).not.toContain("ORG006");
    expect(comparable(after.result)).toEqual(comparable(await plain()));
  });

  it("finds the entries again when a cached file starts importing another entry", async () => {
    const store = memoryStore();
    await cachedCheck(store);
    writeFileSync(join(dir, "a.org"), cell("a", 4, 'import "a-people.org"\nimport "c.org"\n'));
    const after = await cachedCheck(store);
    expect(after.result.discovery.entries).toEqual([entry("a.org"), entry("b.org")]);
    expect(after.fresh).toEqual(["a.org"]);
    expect(comparable(after.result)).toEqual(comparable(await plain()));
  });

  it("checks everything again under another configuration, as-of day or today", async () => {
    const store = memoryStore();
    await cachedCheck(store);
    const rulebook = new Map([["ORG101", { severity: "warning" as const, options: {} }]]);
    const configured = await cachedCheck(store, { rulebook });
    expect(configured.fresh).toEqual(["a.org", "b.org", "c.org"]);
    expect(comparable(configured.result)).toEqual(comparable(await plain({ rulebook })));
    expect((await cachedCheck(store, { rulebook })).fresh).toEqual([]);
    expect((await cachedCheck(store, { rulebook, asOf: 20_500 })).fresh).toEqual(["a.org", "b.org", "c.org"]);
    expect((await cachedCheck(store, { rulebook, asOf: 20_500, today: 20_601 })).fresh).toEqual(["a.org", "b.org", "c.org"]);
  });

  it("takes nothing from another version of orgspec", () => {
    const store = memoryStore();
    const context = { rulebook: new Map(), asOf: null, today: 20_600 };
    const notes: string[] = [];
    const older = new ResultCache(store, { ...context, toolVersion: "0.0.1" }, (note) => notes.push(note));
    const result = { model: { entry: entry("b.org"), files: [], period: null, units: [], symbols: new Map(), people: [], residences: [], events: [], series: [], references: [], diagnostics: [] }, diagnostics: [], waived: [] };
    older.save(entry("b.org"), result, { readFile: () => ({ error: "none" }) }, "ORG012");
    expect(older.lookup(entry("b.org"), () => "")).toBeDefined();
    expect(new ResultCache(store, { ...context, toolVersion: "0.0.2" }, (note) => notes.push(note)).lookup(entry("b.org"), () => "")).toBeUndefined();
    expect(notes).toEqual([]);
  });

  it("ignores a damaged or foreign entry with a note, and checks that program afresh", async () => {
    const store = memoryStore();
    await cachedCheck(store);
    const name = `${store.hash(entry("b.org"))}.json`;
    store.entries.set(name, store.entries.get(name)!.slice(0, 100));
    const damaged = await cachedCheck(store);
    expect(damaged.fresh).toEqual(["b.org"]);
    expect(damaged.notes).toEqual([`ignoring the result cache entry memory:${name}: not valid JSON (a write cut short, or a damaged file); the program is checked afresh`]);
    store.entries.set(name, JSON.stringify({ format: "something-else", diagnostics: [] }));
    const foreign = await cachedCheck(store);
    expect(foreign.fresh).toEqual(["b.org"]);
    expect(foreign.notes).toEqual([`ignoring the result cache entry memory:${name}: not an orgspec result cache entry of this format; the program is checked afresh`]);
    expect(comparable(foreign.result)).toEqual(comparable(await plain()));
    expect((await cachedCheck(store)).fresh).toEqual([]);
  });

  it("gives the output of --jobs 1 with two workers, from the cache and after a change", async () => {
    const store = memoryStore();
    const expected = comparable(await plain());
    expect(comparable((await cachedCheck(store, { jobs: 2 })).result)).toEqual(expected);
    const reused = await cachedCheck(store, { jobs: 2 });
    expect(reused.fresh).toEqual([]);
    expect(comparable(reused.result)).toEqual(expected);
    writeFileSync(join(dir, "c.org"), cell("c", 7));
    const changed = await cachedCheck(store, { jobs: 2 });
    expect(changed.fresh).toEqual(["c.org"]);
    expect(comparable(changed.result)).toEqual(comparable(await plain()));
  });
});

describe("orgspec check --cache", () => {
  it("prints the same report from the cache, keeps entries in --cache-location, and notes a damaged one", async () => {
    const location = join(dir, ".cache");
    const args = ["check", ".", "--format", "json", "--cache", "--cache-location", location];
    const uncached = await run(["check", ".", "--format", "json"], { cwd: dir });
    const first = await run(args, { cwd: dir });
    const second = await run(args, { cwd: dir });
    expect(first).toEqual(uncached);
    expect(second).toEqual(uncached);
    const entries = readdirSync(location).filter((name) => name !== "CACHEDIR.TAG");
    const programs = entries.filter((name) => name.endsWith(".json"));
    expect(programs).toHaveLength(3);
    expect(programs.every((name) => /^[0-9a-f]{64}\.json$/.test(name))).toBe(true);
    expect(entries.filter((name) => /^ast-[0-9a-f]{64}\.bin$/.test(name))).toHaveLength(5);
    expect(entries).toHaveLength(8);
    expect(readFileSync(join(location, "CACHEDIR.TAG"), "utf8")).toBe("Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by orgspec (orgspec check --cache).\n");
    writeFileSync(join(location, programs[0]!), "{ half an ent");
    const damaged = await run(args, { cwd: dir });
    expect(damaged.stdout).toBe(uncached.stdout);
    expect(damaged.status).toBe(uncached.status);
    expect(damaged.stderr).toBe(`orgspec: note: ignoring the result cache entry ${join(location, programs[0]!)}: not valid JSON (a write cut short, or a damaged file); the program is checked afresh\n`);
    expect(JSON.parse(readFileSync(join(location, programs[0]!), "utf8"))).toMatchObject({ format: "orgspec-result-cache" });
  });

  it("defaults to node_modules/.cache/orgspec under the working directory", async () => {
    await run(["check", ".", "--cache"], { cwd: dir });
    expect(readdirSync(join(dir, "node_modules/.cache/orgspec")).filter((name) => name.endsWith(".json"))).toHaveLength(3);
  });
});

describe("pruning the result cache", () => {
  const programNames = (store: ReturnType<typeof memoryStore>) => [...store.entries.keys()].sort();

  it("removes after a run the entries it did not use, keeps the live ones, and the next run takes everything from the cache", async () => {
    const store = memoryStore();
    await cachedCheck(store);
    const programs = programNames(store);
    const parsedBefore = new Map(store.parsed);
    expect(programs).toHaveLength(3);
    expect(parsedBefore.size).toBe(5);
    writeFileSync(join(dir, "b.org"), cell("b", 4));
    const changed = await cachedCheck(store);
    expect(changed.fresh).toEqual(["b.org"]);
    // b.org's old parse entry is gone and its new one is there; the other four (c.org's and a.org's files, read from the cache, not parsed) stay.
    const gone = [...parsedBefore.keys()].filter((name) => !store.parsed.has(name));
    const added = [...store.parsed.keys()].filter((name) => !parsedBefore.has(name));
    expect(gone).toHaveLength(1);
    expect(added).toHaveLength(1);
    expect(store.parsed.size).toBe(5);
    expect(programNames(store)).toEqual(programs);
    const again = await cachedCheck(store);
    expect(again.fresh).toEqual([]);
    expect(again.parsedAgain).toBe(0);
    expect(comparable(again.result)).toEqual(comparable(await plain()));
    // One more change: the unchanged files' parse entries, kept by a run that did not parse them, are read, not parsed again.
    writeFileSync(join(dir, "c.org"), cell("c", 2));
    const next = await cachedCheck(store);
    expect(next.fresh).toEqual(["c.org"]);
    expect(next.parsedAgain).toBe(1);
  });

  it("removes the entries of a program that is gone and of another configuration", async () => {
    const store = memoryStore();
    await cachedCheck(store);
    const cEntry = `${store.hash(entry("c.org"))}.json`;
    expect(store.entries.has(cEntry)).toBe(true);
    rmSync(join(dir, "c.org"));
    await cachedCheck(store);
    expect(store.entries.has(cEntry)).toBe(false);
    expect(store.entries.size).toBe(2);
    // a.org, a-people.org, b.org, committees.org.
    expect(store.parsed.size).toBe(4);
    const rulebook = new Map([["ORG101", { severity: "warning" as const, options: {} }]]);
    await cachedCheck(store, { rulebook });
    // The same names (an entry per program, a parse entry per text), rewritten for the new context.
    expect(store.entries.size).toBe(2);
    expect((await cachedCheck(store, { rulebook })).fresh).toEqual([]);
  });

  it("leaves alone what it did not name, in a store of its own", async () => {
    const store = memoryStore();
    store.entries.set("notes.txt", "mine");
    await cachedCheck(store);
    writeFileSync(join(dir, "b.org"), cell("b", 4));
    await cachedCheck(store);
    expect(store.entries.get("notes.txt")).toBe("mine");
  });
});

describe("orgspec check --cache, pruning on disk", () => {
  const args = (location: string) => ["check", ".", "--format", "json", "--cache", "--cache-location", location];

  it("keeps the folder at one run's entries, removes stale temporary files, and leaves other files alone", async () => {
    const location = join(dir, ".cache");
    await run(args(location), { cwd: dir });
    const first = readdirSync(location).sort();
    expect(first).toHaveLength(9);
    writeFileSync(join(location, "README"), "kept by a person");
    const stale = join(location, ".0123.json.999.abcd.tmp");
    const recent = join(location, ".4567.json.999.abcd.tmp");
    writeFileSync(stale, "{");
    writeFileSync(recent, "{");
    utimesSync(stale, new Date(Date.now() - 2 * 3_600_000), new Date(Date.now() - 2 * 3_600_000));
    for (const members of [4, 5, 7]) {
      writeFileSync(join(dir, "b.org"), cell("b", members));
      const changed = await run(args(location), { cwd: dir });
      expect(changed.stderr).toBe("");
      expect(changed.stdout).toBe((await run(["check", ".", "--format", "json"], { cwd: dir })).stdout);
    }
    const now = readdirSync(location).sort();
    // The same count (b.org's parse entry replaced three times); a temporary file a live run may still rename is kept.
    expect(now.filter((name) => !name.startsWith(".") && name !== "README")).toHaveLength(9);
    expect(now.filter((name) => !first.includes(name) && name.startsWith("ast-"))).toHaveLength(1);
    expect(now).toContain("README");
    expect(now).toContain(".4567.json.999.abcd.tmp");
    expect(now).not.toContain(".0123.json.999.abcd.tmp");
    const stats = await run([...args(location), "--stats"], { cwd: dir });
    expect(stats.stderr.split("\n")[0]).toMatch(/ 3 programs \(3 from the cache\), /);
  });

  it("never empties a folder that is not its own: writes its entries, removes nothing, and says so", async () => {
    const location = join(dir, "someone-else");
    mkdirSync(location);
    writeFileSync(join(location, "0000000000000000000000000000000000000000000000000000000000000000.json"), "theirs");
    const first = await run(args(location), { cwd: dir });
    const note = `orgspec: note: not pruning the result cache: ${location} has no CACHEDIR.TAG written by orgspec, so it may not be orgspec's cache folder: nothing in it is removed (delete it, or give --cache-location a new folder, to have old entries pruned)\n`;
    expect(first.stderr).toBe(note);
    writeFileSync(join(dir, "b.org"), cell("b", 4));
    const second = await run(args(location), { cwd: dir });
    expect(second.stderr).toBe(note);
    const names = readdirSync(location);
    expect(readFileSync(join(location, "0000000000000000000000000000000000000000000000000000000000000000.json"), "utf8")).toBe("theirs");
    // Nothing removed: the first run's b.org parse entry and the second's are both there.
    expect(names.filter((name) => name.startsWith("ast-"))).toHaveLength(6);
    expect(names).not.toContain("CACHEDIR.TAG");
  });

  it("tags an empty folder it is given as its own", async () => {
    const location = join(dir, "empty");
    mkdirSync(location);
    const first = await run(args(location), { cwd: dir });
    expect(first.stderr).toBe("");
    expect(readdirSync(location)).toContain("CACHEDIR.TAG");
  });
});

describe("orgspec check --stats", () => {
  it("prints each stage and the ten slowest rules on stderr, the report unchanged", async () => {
    const plainRun = await run(["check", ".", "--format", "json"], { cwd: dir });
    const withStats = await run(["check", ".", "--format", "json", "--stats"], { cwd: dir });
    expect(withStats.stdout).toBe(plainRun.stdout);
    const lines = withStats.stderr.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^orgspec: stats: 5 files, 3 programs, \d+\.\d\d s in all$/);
    const stages = lines.slice(2, lines.indexOf(lines.find((line) => line.includes("slowest rules"))!)).map((line) => line.trim().replace(/\s+[\d.]+ ms\s+[\d.]+%$/, ""));
    expect(stages).toEqual(["read and scan imports", "lex, parse, AST", "load programs (imports, decoding)", "resolve names (model)", "rules", "waivers, ranges, fingerprints", "report"]);
    const rules = lines.slice(lines.findIndex((line) => line.includes("slowest rules")) + 1);
    expect(rules).toHaveLength(10);
    const times = rules.map((line) => Number(/([\d.]+) ms/.exec(line)![1]));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(rules.every((line) => /^ {2}ORG\d{3} [a-z-]+ +[\d.]+ ms +[\d.]+%$/.test(line))).toBe(true);
  });

  it("counts the programs the cache gave", async () => {
    const location = join(dir, ".cache");
    await run(["check", ".", "--cache", "--cache-location", location], { cwd: dir });
    const stats = await run(["check", ".", "--cache", "--cache-location", location, "--stats"], { cwd: dir });
    expect(stats.stderr.split("\n")[0]).toMatch(/^orgspec: stats: 5 files, 3 programs \(3 from the cache\), /);
  });
});

describe("CheckStats", () => {
  it("times a rule that throws, and sorts the slowest first", () => {
    let now = 0;
    const stats = new CheckStats(() => now);
    const rule = (code: string, ms: number, fails = false): AnyRule => ({
      ...RULES[0]!,
      code,
      name: code.toLowerCase(),
      check: () => {
        now += ms;
        if (fails) throw new Error("boom");
      },
    });
    const timed = stats.timedRules([rule("ORG1", 2), rule("ORG2", 5, true)]);
    const context = {} as Parameters<AnyRule["check"]>[0];
    timed[0]!.check(context);
    expect(() => timed[1]!.check(context)).toThrow("boom");
    expect(stats.slowestRules(10)).toEqual([
      { code: "ORG2", name: "org2", ms: 5 },
      { code: "ORG1", name: "org1", ms: 2 },
    ]);
    expect(stats.stage("rules")).toBe(7);
  });
});
