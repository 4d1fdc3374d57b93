// The language server's state, independent of any connection: open documents
// over the disk, the programs they belong to, their check results, and
// debounced publication of diagnostics. Handlers read it; lsp/server.ts feeds
// it protocol notifications.
import {
  DocumentDiagnosticReportKind,
  type Diagnostic as LspDiagnostic,
  type DocumentDiagnosticReport,
  type PreviousResultId,
  type TextDocumentContentChangeEvent,
  type WorkspaceDiagnosticReport,
  type WorkspaceDocumentDiagnosticReport,
} from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import {
  importTarget,
  loadProgram,
  modelStillValid,
  resolveSteps,
  SeriesExpansions,
  SuggesterMemory,
  todayDay,
  type Day,
  type Diagnostic,
  type FileHost,
  type Model,
  type ProgramResult,
  type QueryToken,
  type Rulebook,
  type SourceFile,
} from "./api.js";
import { DocumentCache } from "./documents.js";
import { afterPendingMessages, CHECK_SLICE_MS, Flight, type ProgramResolve } from "./flight.js";
import { DocumentTokens } from "./tokens.js";
import { alsoOpenNote, toPublishedDiagnostics } from "./handlers/diagnostics.js";
import { isOrgPath, pathToUri, uriToPath } from "./positions.js";
import { Configurations } from "./configurations.js";
import { diagnosticKey, findingsByFile } from "./suppressions.js";

export interface WorkspaceOptions {
  /** Sends a file's diagnostics to the client (`version` when the file is open). */
  readonly publish: (uri: string, diagnostics: LspDiagnostic[], version: number | undefined) => void;
  readonly log?: (message: string) => void;
  /** Delay between the last edit and the check (default `DEFAULT_DEBOUNCE_MS`; 0 checks on the next tick). */
  readonly debounceMs?: number;
  /** Today, for waiver expiry and new waivers (default: the real date). */
  readonly today?: () => Day;
  /** Where closed files are read from: `diskHost` in Node, the playground's files in a browser. */
  readonly disk: FileHost;
  /** How long a check works before the messages that arrived meanwhile are read (default `CHECK_SLICE_MS`; 0: a step each turn). */
  readonly sliceMs?: number;
}

/** A file's diagnostics as a pull request answers them; `resultId` changes whenever they do. */
interface Report {
  readonly resultId: string;
  readonly items: LspDiagnostic[];
}

/** A program as requests read it: the resolved model (its rules may still be running). */
export interface ProgramView {
  readonly model: Model;
}

/** Whether a program read one of `paths`, or tried to: a file it imports that could not be read may be there now. */
function readsAny(model: Model, paths: ReadonlySet<string>): boolean {
  return model.files.some(
    (file) => paths.has(file.path) || file.ast.statements.some((statement) => statement.type === "import" && paths.has(importTarget(file.path, statement))),
  );
}

/**
 * No delay before a check by default: an edit is resolved on the next turn
 * and a newer edit drops a check under way (coalescing), so a debounce would
 * only add its own delay to every edit.
 */
export const DEFAULT_DEBOUNCE_MS = 0;

/** At most this many diagnostics per file go to the client; a last one says how many more there were. */
export const MAX_DIAGNOSTICS_PER_FILE = 1000;

export class Workspace {
  private readonly documents = new Map<string, TextDocument>();
  /** Each open document's real path, to the path it is open under (the first, by name, when one file is open under two). */
  private readonly openByRealPath = new Map<string, string>();
  /** Open documents whose file is open under another path too, to the path it is known by. */
  private readonly aliases = new Map<string, string>();
  private readonly tokenCache = new DocumentTokens();
  /** Series expanded for one model, kept for the next while their statements are kept (src/model/events.ts). */
  private readonly expansions = new SeriesExpansions();
  /** "Did you mean" suggesters kept across resolves: an edit that declares nothing asks none again. */
  private readonly suggesters = new SuggesterMemory();
  readonly cache: DocumentCache;
  private readonly results = new Map<string, ProgramResult>();
  /** What was last published per path, as JSON, so unchanged files are not sent again. */
  private readonly published = new Map<string, string>();
  private readonly dirty = new Set<string>();
  private everythingDirty = false;
  private readonly configurations: Configurations;
  /** Bumped by every edit: a check computed for an older generation is dropped, never published. */
  private generation = 0;
  private inFlight: Flight | null = null;
  /** Pull diagnostics (the client asks with textDocument/diagnostic): reports are kept instead of published. */
  private pull: { readonly refresh?: () => void } | null = null;
  private readonly reports = new Map<string, Report>();
  private nextResultId = 1;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Edits since the last check started: a check is scheduled, and requests that need the current model run it first. */
  private checkWaiting = false;
  readonly debounceMs: number;
  private readonly sliceMs: number;
  readonly today: () => Day;
  /** Resolves when the next check has run (for tests and the latency script). */
  private waiters: (() => void)[] = [];
  /** How many programs were resolved again, and how many kept their last model (tests read it). */
  readonly counts = { resolved: 0, kept: 0 };

  constructor(private readonly options: WorkspaceOptions) {
    this.debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
    this.sliceMs = options.sliceMs ?? CHECK_SLICE_MS;
    this.today = options.today ?? todayDay;
    const disk = options.disk;
    const host: FileHost = {
      readFile: (path) => {
        const document = this.documents.get(path);
        return document ? { text: document.getText() } : disk.readFile(path);
      },
      // What is on disk besides open documents is the disk's (import completion, workspace symbols, the configuration).
      ...(disk.stat ? { stat: (path: string) => disk.stat!(path) } : {}),
      ...(disk.readDirectory ? { readDirectory: (path: string) => disk.readDirectory!(path) } : {}),
      // A file is one file however it is reached (a symbolic link), as on the command line, and known by the
      // path it is open under when it is open: its text is the editor's and its diagnostics go to its URI.
      ...(disk.realpath ? { realpath: (path: string) => this.knownPath(disk.realpath!(path)) } : {}),
    };
    this.cache = new DocumentCache(host, (path) => this.documents.get(path));
    this.configurations = new Configurations(host, options.log);
  }

  // ------------------------------------------------------------ documents

  open(uri: string, text: string, version: number, languageId = "orgspec"): void {
    const path = uriToPath(uri);
    this.documents.set(path, TextDocument.create(uri, languageId, version, text));
    this.tokenCache.forget(path);
    this.openPathsChanged();
    this.touch(path);
  }

  change(uri: string, changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    const path = uriToPath(uri);
    const document = this.documents.get(path);
    if (!document) return;
    this.documents.set(path, this.tokenCache.edit(path, document, changes, version));
    this.touch(path);
  }

  close(uri: string): void {
    const path = uriToPath(uri);
    if (!this.documents.delete(path)) return;
    this.tokenCache.forget(path);
    this.cache.closed(path);
    this.openPathsChanged();
    this.touch(path);
  }

  /** Open documents by their real path (the path each is open under), and what the cache knows of real paths, redone. */
  private openPathsChanged(): void {
    this.openByRealPath.clear();
    this.aliases.clear();
    const disk = this.options.disk;
    if (disk.realpath) {
      for (const path of [...this.documents.keys()].sort()) {
        const real = disk.realpath(path);
        const known = this.openByRealPath.get(real);
        if (known === undefined) this.openByRealPath.set(real, path);
        else this.aliases.set(path, known);
      }
    }
    this.cache.forgetRealPaths();
  }

  /** The path a file with this real path is known by: the one it is open under, else its real path. */
  private knownPath(real: string): string {
    return this.openByRealPath.get(real) ?? real;
  }

  /** Files changed on disk (workspace/didChangeWatchedFiles). */
  filesChanged(uris: readonly string[]): void {
    for (const uri of uris) {
      const path = uriToPath(uri);
      if (path.endsWith(".json")) {
        this.configurations.clear();
      }
      if (!this.documents.has(path)) this.cache.invalidate(path);
      // A closed file is known by its real path, which the change may not name.
      const real = this.options.disk.realpath?.(path);
      if (real !== undefined && real !== path && !this.documents.has(real)) this.cache.invalidate(real);
    }
    this.cache.forgetRealPaths();
    this.generation++;
    this.everythingDirty = true;
    this.schedule();
  }

  /** The URI a client knows a file by: an open document's own, else the file URL. */
  uriOf(path: string): string {
    return this.documents.get(path)?.uri ?? pathToUri(path);
  }

  /**
   * The URI a request on `uri` is answered under: when `uri` is a second tab
   * of a file (a link to it) with the text of the tab it is known by, that
   * tab's, whose models hold the file; else `uri` itself.
   */
  answeredAs(uri: string): string {
    const path = uriToPath(uri);
    const known = this.aliases.get(path);
    return known !== undefined && this.sameText(path, known) ? this.uriOf(known) : uri;
  }

  private sameText(path: string, other: string): boolean {
    return this.documents.get(path)?.getText() === this.documents.get(other)?.getText();
  }

  document(path: string): TextDocument | undefined {
    return this.documents.get(path);
  }

  openPaths(): string[] {
    return [...this.documents.keys()].filter(isOrgPath).sort();
  }

  private touch(path: string): void {
    this.cache.invalidate(path);
    this.generation++;
    this.dirty.add(path);
    this.schedule();
  }

  // ------------------------------------------------------------ checking

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.checkWaiting = true;
    this.timer = setTimeout(() => {
      this.timer = null;
      // Messages read meanwhile go first: a request sent right after the edit
      // (completion as one types) answers from the last model instead of
      // waiting for the resolve, and a further edit joins this check.
      afterPendingMessages(() => {
        // Not when a request ran it meanwhile, or a further edit's delay started over.
        if (this.checkWaiting && this.timer === null) this.runCheck();
      });
    }, this.debounceMs);
  }

  /** Whether edits are waiting for a check (or a check under way for its publication). */
  get pending(): boolean {
    return this.checkWaiting || this.inFlight !== null;
  }

  /** Whether a check under way is still resolving its programs (completion answers from the last models meanwhile). */
  get resolving(): boolean {
    return this.inFlight?.resolving ?? false;
  }

  /** Resolves the programs of waiting edits now, and the rest of a resolve under way (requests need the current text's model, not its rules). */
  private ensureModels(): void {
    if (this.checkWaiting) {
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
      this.runCheck();
    }
    const flight = this.inFlight;
    if (flight && flight.generation === this.generation) flight.resolve();
  }

  /** Finishes the check of the edits so far now and commits it: results kept, diagnostics published. */
  flush(): void {
    this.ensureModels();
    const flight = this.inFlight;
    if (!flight) return;
    this.inFlight = null;
    flight.runRules();
    this.commit(flight);
  }

  /** Resolves after the next check (immediately when none is waiting). */
  settled(): Promise<void> {
    if (!this.pending) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Switches to pull diagnostics: nothing is published; `refresh` asks the client to pull again when files it did not edit change. */
  usePullDiagnostics(refresh?: () => void): void {
    this.pull = refresh ? { refresh } : {};
  }

  /** textDocument/diagnostic: the file's diagnostics once the edits so far are checked (`unchanged` when they are those of `previousResultId`). */
  async documentDiagnostics(uri: string, previousResultId?: string): Promise<DocumentDiagnosticReport> {
    await this.settled();
    this.flush();
    const report = this.reports.get(uriToPath(uri));
    if (!report) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    if (report.resultId === previousResultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: report.resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId: report.resultId, items: report.items };
  }

  /** workspace/diagnostic: every file of the open programs (and those whose diagnostics were cleared), each full or unchanged. */
  async workspaceDiagnostics(previous: readonly PreviousResultId[]): Promise<WorkspaceDiagnosticReport> {
    await this.settled();
    this.flush();
    const known = new Map(previous.map((id) => [id.uri, id.value]));
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    const paths = new Set(this.reports.keys());
    for (const result of this.results.values()) for (const file of result.model.files) paths.add(file.path);
    for (const path of [...paths].sort()) {
      const uri = this.uriOf(path);
      const version = this.documents.get(path)?.version ?? null;
      const report = this.reports.get(path);
      if (!report) items.push({ kind: DocumentDiagnosticReportKind.Full, uri, version, items: [] });
      else if (known.get(uri) === report.resultId) items.push({ kind: DocumentDiagnosticReportKind.Unchanged, uri, version, resultId: report.resultId });
      else items.push({ kind: DocumentDiagnosticReportKind.Full, uri, version, resultId: report.resultId, items: report.items });
    }
    return { items };
  }

  /** The entries: open files that no other open file's program includes. */
  private entries(): string[] {
    const open = this.openPaths();
    const closures = new Map<string, Set<string>>();
    for (const path of open) {
      try {
        closures.set(path, new Set(loadProgram(path, this.cache).files.map((file) => file.path)));
      } catch (error) {
        // One file that cannot be loaded is its own entry (its check reports why); the others go on.
        this.options.log?.(`orgspec: loading ${path} failed: ${(error as Error).stack ?? String(error)}`);
        closures.set(path, new Set([path]));
      }
    }
    return open.filter(
      (path) => !open.some((other) => other !== path && closures.get(other)!.has(path) && !closures.get(path)!.has(other)),
    );
  }

  /** The rulebook a program is checked with: the nearest configuration above its entry. */
  rulebookFor(entry: string): Rulebook {
    return this.configurations.rulebookFor(entry);
  }

  /** The debounced check: load now, resolve from now and run the rules over the next turns (a slice each), commit on the one after (lsp/flight.ts). */
  private runCheck(): void {
    this.checkWaiting = false;
    // Loading (the edited statements parsed again) is part of the first slice, so a request waits for one slice in all.
    const firstSliceEnd = performance.now() + this.sliceMs;
    const flight = this.resolveStage();
    if (!flight) return;
    this.inFlight = flight;
    const superseded = () => this.inFlight !== flight || flight.generation !== this.generation;
    // Committed by a request, or a newer edit's check is scheduled.
    const drop = () => {
      if (this.inFlight === flight) this.inFlight = null;
    };
    const commit = () => {
      if (superseded()) return drop();
      this.inFlight = null;
      this.commit(flight);
    };
    const rules = () => {
      if (superseded()) return drop();
      if (!flight.runRules(performance.now() + this.sliceMs)) return afterPendingMessages(rules);
      afterPendingMessages(commit);
    };
    const resolve = (sliceEnd = performance.now() + this.sliceMs) => {
      if (superseded()) return drop();
      if (!flight.resolve(sliceEnd)) return afterPendingMessages(() => resolve());
      afterPendingMessages(rules);
    };
    resolve(firstSliceEnd);
  }

  /** Loads the programs the edits since the last commit touch, against the current text, and starts their resolves. */
  private resolveStage(): Flight | null {
    const generation = this.generation;
    const dirty = new Set(this.dirty);
    const everything = this.everythingDirty;
    try {
      const entries = this.entries();
      const resolves = new Map<string, ProgramResolve>();
      for (const entry of entries) {
        const previous = this.results.get(entry);
        if (previous && !everything && !readsAny(previous.model, dirty)) continue;
        try {
          const program = loadProgram(entry, this.cache);
          // After an edit in a comment or white space the last model holds (its rules run again: waivers may have changed).
          const kept = previous && !everything ? modelStillValid(previous.model, program) : null;
          if (kept) this.counts.kept++;
          resolves.set(entry, kept ? { kept } : { steps: resolveSteps(program, { expansions: this.expansions, suggesters: this.suggesters }) });
        } catch (error) {
          this.options.log?.(`orgspec: checking ${entry} failed: ${(error as Error).stack ?? String(error)}`);
        }
      }
      const context = { log: this.options.log, rulebookFor: (entry: string) => this.rulebookFor(entry), today: this.today, resolved: () => this.counts.resolved++ };
      return new Flight(generation, dirty, everything, entries, resolves, context);
    } catch (error) {
      this.options.log?.(`orgspec: check failed: ${(error as Error).stack ?? String(error)}`);
      this.dirty.clear();
      this.everythingDirty = false;
      this.release();
      return null;
    }
  }

  private commit(flight: Flight): void {
    this.dirty.clear();
    this.everythingDirty = false;
    try {
      for (const entry of [...this.results.keys()]) if (!flight.entries.includes(entry)) this.results.delete(entry);
      for (const [entry, result] of flight.results ?? []) this.results.set(entry, result);
      this.publishAll(flight.dirty);
    } catch (error) {
      this.options.log?.(`orgspec: check failed: ${(error as Error).stack ?? String(error)}`);
    } finally {
      this.release();
    }
  }

  private release(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }

  private publishAll(dirty: ReadonlySet<string>): void {
    const byFile = findingsByFile(this.results, (entry) => this.configurations.baselineFor(entry));
    // A file open under a second path (a link) shows the diagnostics of the path it is known by.
    for (const [alias, known] of this.aliases) byFile.set(alias, byFile.get(known) ?? []);
    for (const path of this.published.keys()) if (!byFile.has(path)) byFile.set(path, []);
    // Looked up once per file, not once per diagnostic (each lookup goes through every program's files).
    const files = new Map<string, SourceFile | undefined>();
    const fileOf = (path: string) => (files.has(path) ? files.get(path) : files.set(path, this.sourceFile(path)).get(path));
    let refresh = false;
    for (const [path, diagnostics] of byFile) {
      const known = this.aliases.get(path);
      const converted =
        known !== undefined && !this.sameText(path, known)
          ? [alsoOpenNote(this.uriOf(known))]
          : toPublishedDiagnostics(diagnostics, MAX_DIAGNOSTICS_PER_FILE, fileOf);
      const json = JSON.stringify(converted);
      if (this.published.get(path) === json && !dirty.has(path)) continue;
      if (converted.length === 0 && !this.published.has(path) && !this.documents.has(path)) continue;
      if (converted.length === 0 && !this.isInProgram(path)) this.published.delete(path);
      else this.published.set(path, json);
      if (!this.pull) this.options.publish(this.uriOf(path), converted, this.documents.get(path)?.version);
      else {
        this.reports.set(path, { resultId: String(this.nextResultId++), items: converted });
        if (!dirty.has(path)) refresh = true;
      }
    }
    if (refresh) this.pull?.refresh?.();
  }

  private isInProgram(path: string): boolean {
    for (const result of this.results.values()) if (result.model.files.some((file) => file.path === path)) return true;
    return false;
  }

  // ------------------------------------------------------------ queries

  /** The programs as requests see them, by entry: the check under way's models over the last committed ones. */
  private views(): Map<string, ProgramView> {
    const views = new Map<string, ProgramView>(this.results);
    const flight = this.inFlight;
    if (flight && flight.generation === this.generation) {
      for (const entry of views.keys()) if (!flight.entries.includes(entry)) views.delete(entry);
      for (const [entry, model] of flight.models) views.set(entry, { model });
    }
    return views;
  }

  /** The parsed file at `path` as the last check saw it (open text first, then disk). */
  sourceFile(path: string): SourceFile | undefined {
    for (const view of this.views().values()) {
      const file = view.model.files.find((candidate) => candidate.path === path);
      if (file) return file;
    }
    return this.parsedFile(path);
  }

  /**
   * The parse of the file's current text (the open document's, else the
   * disk's), without resolving it or waiting for any check: what the
   * outline, folding and range formatting need. The check of a waiting edit
   * finds this parse and does not parse again.
   */
  parsedFile(path: string): SourceFile | undefined {
    const loaded = this.cache.get(path);
    return "error" in loaded ? undefined : loaded;
  }

  /**
   * Every program that includes `path`, its own program (as entry) first.
   * Waiting edits are resolved first unless `stale` is allowed; a request
   * never waits for the rules.
   */
  programsWith(path: string, stale = false): ProgramView[] {
    if (!stale) this.ensureModels();
    const found: ProgramView[] = [];
    for (const view of this.views().values()) {
      if (view.model.files.some((file) => file.path === path)) {
        if (view.model.entry === path) found.unshift(view);
        else found.push(view);
      }
    }
    return found;
  }

  /** The program a file's features answer from. */
  programFor(path: string): ProgramView | undefined {
    return this.programsWith(path)[0];
  }

  /** The program as last resolved, without resolving waiting edits (completion reads names from it while typing). */
  lastProgramFor(path: string): ProgramView | undefined {
    return this.programsWith(path, true)[0];
  }

  /** The tokens of an open document's current text (lexed once per version, in part after an edit). */
  documentTokens(path: string): { document: TextDocument; tokens: QueryToken[] } | undefined {
    const document = this.documents.get(path);
    if (!document) return undefined;
    return { document, tokens: this.tokenCache.tokens(path, document) };
  }

  /** The check of the program whose entry is `entry`, once the edits so far are checked: its diagnostics, as published. */
  checkedProgram(entry: string): ProgramResult | undefined {
    this.flush();
    return this.results.get(entry);
  }

  /**
   * A file's diagnostics once the edits so far are checked, each once
   * however many programs include the file (code lenses count them).
   */
  diagnosticsOf(path: string): Diagnostic[] {
    this.flush();
    const seen = new Set<string>();
    const found: Diagnostic[] = [];
    for (const result of this.results.values()) {
      for (const diagnostic of result.diagnostics) {
        const key = diagnosticKey(diagnostic);
        if (diagnostic.file !== path || seen.has(key)) continue;
        seen.add(key);
        found.push(diagnostic);
      }
    }
    return found;
  }

  /** Every program of the open files. */
  programs(): ProgramView[] {
    this.ensureModels();
    return [...this.views().values()];
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.checkWaiting = false;
    this.inFlight = null;
  }
}
