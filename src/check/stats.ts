// `orgspec check --stats`: where a check's time went, stage by stage, and
// the slowest rules (what ESLint's TIMING and TypeSpec's --stats give). The
// stages are timed on the main thread, summed over the programs; parsing on
// worker threads is the workers' own time, summed, so with `--jobs N` the
// stages add up to more than the wall time.
import type { AnyRule } from "../rules/rule.js";

/** The stages, in pipeline order. */
export const STAT_STAGES = ["read", "parse", "load", "resolve", "rules", "waivers", "cache", "report"] as const;
export type StatStage = (typeof STAT_STAGES)[number];

const STAGE_LABELS: Record<StatStage, string> = {
  read: "read and scan imports",
  parse: "lex, parse, AST",
  load: "load programs (imports, decoding)",
  resolve: "resolve names (model)",
  rules: "rules",
  waivers: "waivers, ranges, fingerprints",
  cache: "result cache (hash, read, write)",
  report: "report",
};

export class CheckStats {
  private readonly stages = new Map<StatStage, number>();
  private readonly rules = new Map<string, { name: string; ms: number }>();
  private readonly wallStarted: number;
  /** Programs checked, and how many of them came from the result cache. */
  programs = 0;
  cachedPrograms = 0;
  files = 0;

  constructor(private readonly clock: () => number = () => performance.now()) {
    this.wallStarted = clock();
  }

  add(stage: StatStage, ms: number): void {
    this.stages.set(stage, (this.stages.get(stage) ?? 0) + ms);
  }

  /** Runs `work`, adding its time to `stage` (also when it throws). */
  time<T>(stage: StatStage, work: () => T): T {
    const started = this.clock();
    try {
      return work();
    } finally {
      this.add(stage, this.clock() - started);
    }
  }

  stage(stage: StatStage): number {
    return this.stages.get(stage) ?? 0;
  }

  /** The rules, each timed into its code's total (a rule that throws is timed too). */
  timedRules(rules: readonly AnyRule[]): AnyRule[] {
    return rules.map((rule) => ({
      ...rule,
      check: (context) => {
        const started = this.clock();
        try {
          rule.check(context);
        } finally {
          const ms = this.clock() - started;
          this.add("rules", ms);
          const known = this.rules.get(rule.code);
          if (known) known.ms += ms;
          else this.rules.set(rule.code, { name: rule.name, ms });
        }
      },
    }));
  }

  /** The `n` slowest rules, slowest first (ties by code). */
  slowestRules(n: number): { code: string; name: string; ms: number }[] {
    return [...this.rules]
      .map(([code, { name, ms }]) => ({ code, name, ms }))
      .sort((a, b) => b.ms - a.ms || a.code.localeCompare(b.code))
      .slice(0, n);
  }

  /** The table `--stats` prints on stderr. */
  format(): string {
    const wall = this.clock() - this.wallStarted;
    const ms = (value: number) => `${value.toFixed(1).padStart(9)} ms`;
    const share = (value: number) => `${((100 * value) / Math.max(wall, 1e-9)).toFixed(1).padStart(5)}%`;
    const width = Math.max(...Object.values(STAGE_LABELS).map((label) => label.length));
    const lines = [`orgspec: stats: ${this.files} files, ${this.programs} programs${this.cachedPrograms > 0 ? ` (${this.cachedPrograms} from the cache)` : ""}, ${(wall / 1000).toFixed(2)} s in all`];
    lines.push(`  ${"stage".padEnd(width)}  ${"time".padStart(12)}  ${"of all".padStart(6)}`);
    for (const stage of STAT_STAGES) {
      if (!this.stages.has(stage)) continue;
      // The rules run inside the waivers' stage (checkModel): what is left of it is the waivers'.
      const spent = stage === "waivers" ? this.stage(stage) - this.stage("rules") : this.stage(stage);
      lines.push(`  ${STAGE_LABELS[stage].padEnd(width)}  ${ms(spent)}  ${share(spent)}`);
    }
    const slowest = this.slowestRules(10);
    if (slowest.length > 0) {
      const ruleWidth = Math.max(...slowest.map((rule) => rule.code.length + 1 + rule.name.length));
      lines.push(`  slowest rules (of ${this.rules.size} run):`);
      for (const rule of slowest) lines.push(`  ${`${rule.code} ${rule.name}`.padEnd(ruleWidth)}  ${ms(rule.ms)}  ${share(rule.ms)}`);
    }
    return `${lines.join("\n")}\n`;
  }
}
