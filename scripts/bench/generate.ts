// The benchmark's programs: a deterministic party organization at four sizes,
// written as `.org` files the way a user keeps them (one shared committees
// file; per county an entry file with the county's own cells that imports one
// file per primary organization) and the same records as JSON beside them.
//
//   node dist/scripts/bench/generate.js --size S|M|L|XL [--out DIR] [--seed N]
//
// Output: DIR/org/**.org, DIR/json/**.json (one per .org file), DIR/manifest.json.
// The default DIR is a temporary folder (large sizes are never committed).
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { committeesFile, generateCounty, newStats, type CountyPlan, type GeneratedFile, type Stats } from "./party.js";
import { placeName, Rng, title } from "./random.js";
import { jsonText, orgText } from "./records.js";

/** Bump when the generator's output changes, so cached programs are regenerated. */
export const GENERATOR_VERSION = 1;

export type SizeName = "S" | "M" | "L" | "XL";

export interface SizeSpec {
  readonly provinces: number;
  readonly counties: number;
  readonly membersPerCounty: number;
}

export const SIZES: Record<SizeName, SizeSpec> = {
  S: { provinces: 1, counties: 1, membersPerCounty: 2_000 },
  M: { provinces: 2, counties: 3, membersPerCounty: 33_400 },
  L: { provinces: 4, counties: 31, membersPerCounty: 32_300 },
  XL: { provinces: 12, counties: 200, membersPerCounty: 32_500 },
};

/** A cell carries a violation with this probability. */
export const VIOLATION_RATE = 0.01;
export const DEFAULT_SEED = 2025;

export interface Manifest {
  readonly version: number;
  readonly size: string;
  readonly seed: number;
  readonly spec: SizeSpec;
  readonly files: number;
  readonly orgBytes: number;
  readonly jsonBytes: number;
  /** Entry files (one per county), relative to the org folder. */
  readonly entries: string[];
  readonly stats: Stats;
}

export function defaultOutDir(size: string, seed = DEFAULT_SEED): string {
  return join(tmpdir(), "orgspec-bench", `${size}-${seed}`);
}

export interface GenerateOptions {
  readonly out: string;
  readonly seed?: number;
  /** Regenerate even when DIR holds this size already. */
  readonly force?: boolean;
  readonly log?: (line: string) => void;
}

/** Generates `spec` into `options.out`, or reuses what is there when its manifest matches. */
export function generate(size: string, spec: SizeSpec, options: GenerateOptions): Manifest {
  const seed = options.seed ?? DEFAULT_SEED;
  const manifestPath = join(options.out, "manifest.json");
  if (!options.force && existsSync(manifestPath)) {
    const existing = JSON.parse(readFileSync(manifestPath, "utf8")) as Manifest;
    if (existing.version === GENERATOR_VERSION && existing.seed === seed && JSON.stringify(existing.spec) === JSON.stringify(spec)) return existing;
  }
  rmSync(options.out, { recursive: true, force: true });
  const rng = new Rng(seed);
  const places = new Set<string>(["central"]);
  const provinces = Array.from({ length: spec.provinces }, () => {
    const id = placeName(rng, places);
    return { id, title: `${title(id)} Provincial Party Committee` };
  });
  const city = new Set<string>();
  const counties: CountyPlan[] = Array.from({ length: spec.counties }, (_, index) => {
    const id = placeName(rng, places);
    const isCity = rng.chance(0.25);
    if (isCity) city.add(id);
    return {
      id,
      title: `${title(id)} ${isCity ? "City" : "County"} Party Committee`,
      province: provinces[index % provinces.length]!.id,
      members: spec.membersPerCounty,
      rate: VIOLATION_RATE,
    };
  });

  let files = 0;
  let orgBytes = 0;
  let jsonBytes = 0;
  const write = (file: GeneratedFile) => {
    const org = orgText(file.statements);
    const json = jsonText(file.statements);
    const orgPath = join(options.out, "org", file.path);
    const jsonPath = join(options.out, "json", file.path.replace(/\.org$/, ".json"));
    mkdirSync(dirname(orgPath), { recursive: true });
    mkdirSync(dirname(jsonPath), { recursive: true });
    writeFileSync(orgPath, org);
    writeFileSync(jsonPath, json);
    files++;
    orgBytes += Buffer.byteLength(org);
    jsonBytes += Buffer.byteLength(json);
  };

  const stats = newStats();
  write(committeesFile(provinces, counties, city));
  const entries: string[] = [];
  counties.forEach((county, index) => {
    // Each county draws from its own stream: county 7 is the same whatever comes before it.
    for (const file of generateCounty(new Rng(seed * 7919 + index + 1), county, stats)) write(file);
    entries.push(`${county.id}/${county.id}.org`);
    if (options.log && (index + 1) % 10 === 0) options.log(`  ${index + 1}/${counties.length} counties, ${(orgBytes / 1e6).toFixed(0)} MB`);
  });
  const manifest: Manifest = { version: GENERATOR_VERSION, size, seed, spec, files, orgBytes, jsonBytes, entries, stats };
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + "\n");
  return manifest;
}

function main(argv: readonly string[]): void {
  const flag = (name: string) => {
    const at = argv.indexOf(name);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const size = (flag("--size") ?? "S").toUpperCase() as SizeName;
  const spec = SIZES[size];
  if (!spec) throw new Error(`--size takes S, M, L or XL, not ${size}`);
  const seed = Number(flag("--seed") ?? DEFAULT_SEED);
  const out = flag("--out") ?? defaultOutDir(size, seed);
  const started = performance.now();
  const manifest = generate(size, spec, { out, seed, force: argv.includes("--force"), log: (line) => console.log(line) });
  const { stats } = manifest;
  console.log(
    `${size}: ${manifest.files} files, ${(manifest.orgBytes / 1e6).toFixed(1)} MB .org, ${(manifest.jsonBytes / 1e6).toFixed(1)} MB JSON; ` +
      `${stats.members + stats.candidates} members and candidates, ${stats.cells} cells, ${stats.primaries} primaries, ${stats.branches} branches, ` +
      `${stats.singleEvents} single events, ${stats.series} series, ${stats.applications} applications; violations ${JSON.stringify(stats.violations)} ` +
      `(${((performance.now() - started) / 1000).toFixed(1)} s) in ${out}`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) main(process.argv.slice(2));
