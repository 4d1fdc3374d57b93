// A check under way in the language server (the Workspace starts one per
// batch of edits): the programs the edits touch are resolved a part at a time,
// then their rules run a few at a time, each stage in slices with a turn of
// the event loop after each, in which the messages that arrived meanwhile are
// read. Until a program is resolved, completion answers from its last model,
// and a request that needs the current model finishes the resolve. A newer
// edit drops the check at the next turn: its own check is already scheduled,
// and a stale result is never published.
import { completeCheck, ruleAsOf, RuleRunner, type CheckOptions, type Day, type Model, type ProgramResult, type Rulebook } from "./api.js";

/**
 * How long a check resolves or runs rules before the messages that arrived
 * meanwhile are read: a completion typed while a 20,000-line program is
 * resolved again (about 35 ms) waits for one slice, not the whole resolve.
 * 10 ms slices left it 18–23 ms median over stdio, 5 ms 13–16 (docs/lsp.md).
 */
export const CHECK_SLICE_MS = 5;

/** Resolves after the event loop has had the chance to read and dispatch the messages that arrived meanwhile. */
export function afterPendingMessages(then: () => void): void {
  // vscode-jsonrpc dispatches what it reads on a setImmediate of its own: two turns let it run.
  setImmediate(() => setImmediate(then));
}

/** A program to check again: its last model, kept (an edit in a comment), or its resolve, not begun. */
export type ProgramResolve = { readonly kept: Model } | { readonly steps: Generator<void, Model, void> };

/** What a check needs of the Workspace. */
export interface FlightContext {
  readonly log?: ((message: string) => void) | undefined;
  rulebookFor(entry: string): Rulebook;
  today(): Day;
  /** Called once for each program resolved to the end (not for one kept). */
  resolved(): void;
}

interface ProgramRules {
  readonly model: Model;
  readonly runner: RuleRunner;
  readonly options: CheckOptions;
}

export class Flight {
  /** The programs resolved again, by entry, once done. */
  readonly models = new Map<string, Model>();
  /** Their rules, run a few at a time. */
  private readonly rules = new Map<string, ProgramRules>();
  /** Their rules' results, once every rule has run. */
  results: Map<string, ProgramResult> | null = null;

  constructor(
    readonly generation: number,
    readonly dirty: ReadonlySet<string>,
    readonly everything: boolean,
    readonly entries: readonly string[],
    /** The programs to resolve, in the entries' order. */
    private readonly resolves: Map<string, ProgramResolve>,
    private readonly context: FlightContext,
  ) {}

  /** Whether some program is not resolved yet. */
  get resolving(): boolean {
    return this.resolves.size > 0;
  }

  /**
   * Resolves the programs in order until `deadline` (a `performance.now()`
   * time; all of them without one), each model's rules set up once it is
   * done: whether every program is resolved.
   */
  resolve(deadline = Infinity): boolean {
    for (const [entry, resolve] of this.resolves) {
      try {
        let model: Model;
        if ("kept" in resolve) model = resolve.kept;
        else {
          let step = resolve.steps.next();
          while (!step.done) {
            if (performance.now() >= deadline) return false;
            step = resolve.steps.next();
          }
          model = step.value;
          this.context.resolved();
        }
        this.models.set(entry, model);
        const options: CheckOptions = { rulebook: this.context.rulebookFor(entry), today: this.context.today() };
        this.rules.set(entry, { model, options, runner: new RuleRunner(model, options.rulebook!, ruleAsOf(model, options)) });
      } catch (error) {
        this.context.log?.(`orgspec: checking ${entry} failed: ${(error as Error).stack ?? String(error)}`);
      }
      this.resolves.delete(entry);
    }
    return true;
  }

  /**
   * Runs the resolved programs' rules until `deadline` (all of them without
   * one), then, once every rule has run, their waivers: whether the results
   * are complete.
   */
  runRules(deadline = Infinity): boolean {
    for (const [entry, { model, runner, options }] of this.rules) {
      try {
        while (runner.step()) if (performance.now() >= deadline) return false;
        (this.results ??= new Map()).set(entry, completeCheck(model, runner.result(), options));
      } catch (error) {
        this.context.log?.(`orgspec: checking ${entry} failed: ${(error as Error).stack ?? String(error)}`);
      }
      this.rules.delete(entry);
      if (performance.now() >= deadline && this.rules.size > 0) return false;
    }
    this.results ??= new Map();
    return true;
  }
}
