// The configuration each program is checked with, as `orgspec check` run
// beside it would find it: the rulebook of the nearest
// `orgspec.config.json` above the entry, and the baseline (that
// configuration's `baseline` key, else the nearest `orgspec-baseline.json`).
// Each file is read once, until files change on disk.
import { dirname } from "../src/util/paths.js";
import { findConfigFile, loadConfigFile, type FileHost, type Rulebook } from "./api.js";
import type { Log } from "./guard.js";
import { BaselineFiles, type LoadedBaseline } from "./suppressions.js";

export class Configurations {
  private readonly rulebooks = new Map<string, Rulebook>();
  /** Each configuration's `baseline` key (absolute), beside its rulebook. */
  private readonly configuredBaselines = new Map<string, string | null>();
  private readonly baselines: BaselineFiles;

  constructor(
    private readonly host: FileHost,
    private readonly log?: Log,
  ) {
    this.baselines = new BaselineFiles(host, log);
  }

  /** Forgets what was read (a configuration or baseline changed on disk). */
  clear(): void {
    this.rulebooks.clear();
    this.configuredBaselines.clear();
    this.baselines.clear();
  }

  /** The rulebook a program is checked with: the nearest configuration above its entry. */
  rulebookFor(entry: string): Rulebook {
    const file = findConfigFile(dirname(entry), this.host);
    return file ? this.rulebookOf(file) : new Map();
  }

  /** The baseline a program's findings are judged against. */
  baselineFor(entry: string): LoadedBaseline | null {
    const file = findConfigFile(dirname(entry), this.host);
    if (file) this.rulebookOf(file);
    return this.baselines.forEntry(entry, file ? (this.configuredBaselines.get(file) ?? null) : null);
  }

  /** The rulebook of one configuration file, read once (its `baseline` key kept beside it). */
  private rulebookOf(file: string): Rulebook {
    let rulebook = this.rulebooks.get(file);
    if (!rulebook) {
      let baseline: string | null = null;
      try {
        const config = loadConfigFile(file, this.host);
        rulebook = config.rulebook;
        baseline = config.baseline;
      } catch (error) {
        this.log?.(`orgspec: ignoring ${file}: ${(error as Error).message}`);
        rulebook = new Map();
      }
      this.rulebooks.set(file, rulebook);
      this.configuredBaselines.set(file, baseline);
    }
    return rulebook;
  }
}
