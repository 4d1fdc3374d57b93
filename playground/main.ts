// The playground page: Monaco with orgspec's language server in a web worker
// (Monaco's own LSP client over postMessage: diagnostics, hover, completion,
// definition, rename, formatting, semantic tokens all come from the server
// `orgspec lsp` runs), one tab per file (the files import each other: every
// file is an open document), the report and the agenda beside it from a
// second worker, and the files kept in the address.
import EXAMPLES from "orgspec:examples";
import * as monaco from "orgspec:monaco";
import type { PlaygroundHandle } from "./handle.js";
import { filesFromHash, filesToHash, type Files } from "./share.js";
import type {} from "./workers.js";

const ROOT = "/playground";
const LANGUAGE = "orgspec";
const VIEWS_DEBOUNCE_MS = 300;
/** The longest the first views wait for the first diagnostics (a file may have none). */
const FIRST_VIEWS_WAIT_MS = 2000;
const BLANK: Files = { "main.org": "period 2026-01-01 to 2026-06-30\n\ncell my_cell {\n}\n" };

function missing(what: string): never {
  throw new Error(`playground: ${what} is missing`);
}
const element = <T extends HTMLElement>(id: string): T => {
  const found = document.getElementById(id);
  return (found ?? missing(`#${id} in index.html`)) as T;
};
const status = element<HTMLSpanElement>("status");
// Started by workers.js, the page's first script.
const workers = window.orgspecWorkers ?? missing("workers.js, which must come before main.js in index.html");

monaco.languages.register({ id: LANGUAGE, extensions: [".org"], aliases: ["orgspec"] });
monaco.languages.setLanguageConfiguration(LANGUAGE, {
  comments: { lineComment: "//", blockComment: ["/*", "*/"] },
  brackets: [["{", "}"]],
  autoClosingPairs: [
    { open: "{", close: "}" },
    { open: '"', close: '"', notIn: ["string", "comment"] },
  ],
  surroundingPairs: [
    { open: "{", close: "}" },
    { open: '"', close: '"' },
  ],
});

// The language server: the same handlers as `orgspec lsp`.
new monaco.lsp.MonacoLspClient(monaco.lsp.createTransportToWorker(workers.languageServer));

const uriOf = (name: string) => monaco.Uri.parse(`file://${ROOT}/${name}`);
const nameOf = (uri: monaco.Uri) => uri.path.slice(ROOT.length + 1);
const orgModels = () => monaco.editor.getModels().filter((model) => model.getLanguageId() === LANGUAGE);

const editor = monaco.editor.create(element("editor"), {
  automaticLayout: true,
  "semanticHighlighting.enabled": true,
  minimap: { enabled: false },
  fixedOverflowWidgets: true,
  tabSize: 2,
});
const handle: PlaygroundHandle = { monaco, editor, firstDiagnosticsAt: null, viewsShown: 0, viewsCurrent: false };
window.orgspecPlayground = handle;

// ---------------------------------------------------------------- files and tabs

const tabs = element<HTMLElement>("file-tabs");

function renderTabs(): void {
  const current = editor.getModel();
  tabs.replaceChildren(
    ...orgModels()
      .sort((a, b) => nameOf(a.uri).localeCompare(nameOf(b.uri)))
      .map((model) => {
        const button = document.createElement("button");
        button.type = "button";
        button.role = "tab";
        button.textContent = nameOf(model.uri);
        button.dataset["file"] = nameOf(model.uri);
        button.setAttribute("aria-selected", String(model === current));
        const errors = monaco.editor.getModelMarkers({ resource: model.uri }).filter((marker) => marker.severity === monaco.MarkerSeverity.Error).length;
        if (errors > 0) {
          const badge = document.createElement("span");
          badge.className = "marker";
          badge.textContent = `●${errors}`;
          badge.title = `${errors} error${errors === 1 ? "" : "s"}`;
          button.append(badge);
        }
        button.addEventListener("click", () => show(model));
        return button;
      }),
  );
}

function show(model: monaco.editor.ITextModel): void {
  editor.setModel(model);
  renderTabs();
}

function currentFiles(): Files {
  return Object.fromEntries(orgModels().map((model) => [nameOf(model.uri), model.getValue()]));
}

function load(files: Files): void {
  for (const model of orgModels()) model.dispose();
  for (const [name, text] of Object.entries(files)) monaco.editor.createModel(text, LANGUAGE, uriOf(name));
  const first = orgModels().find((model) => nameOf(model.uri) === "sinuiju.org") ?? orgModels()[0];
  if (first) show(first);
  filesChanged();
}

element<HTMLButtonElement>("new-file").addEventListener("click", () => {
  const name = prompt("File name (it ends in .org):", "new.org")?.trim();
  if (!name) return;
  const file = name.endsWith(".org") ? name : `${name}.org`;
  if (!/^[\w.-]+\.org$/.test(file)) return void (status.textContent = `${file}: use letters, digits, '.', '-' and '_'`);
  const model = monaco.editor.getModel(uriOf(file)) ?? monaco.editor.createModel("", LANGUAGE, uriOf(file));
  show(model);
  filesChanged();
});

element<HTMLSelectElement>("example").addEventListener("change", (event) => {
  load((event.target as HTMLSelectElement).value === "blank" ? BLANK : EXAMPLES);
});

// Go to definition (and references) in another file: switch to its tab.
monaco.editor.registerEditorOpener({
  openCodeEditor(_source, resource, selectionOrPosition) {
    const model = monaco.editor.getModel(resource);
    if (!model) return false;
    show(model);
    if (selectionOrPosition && "startLineNumber" in selectionOrPosition) {
      editor.setSelection(selectionOrPosition);
      editor.revealRangeInCenter(selectionOrPosition);
    } else if (selectionOrPosition) {
      editor.setPosition(selectionOrPosition);
      editor.revealPositionInCenter(selectionOrPosition);
    }
    return true;
  },
});

monaco.editor.onDidChangeMarkers(() => {
  const markers = monaco.editor.getModelMarkers({}).filter((marker) => orgModels().some((model) => model.uri.toString() === marker.resource.toString()));
  if (handle.firstDiagnosticsAt === null && markers.length > 0) {
    handle.firstDiagnosticsAt = performance.now();
    diagnosticsShown();
  }
  const errors = markers.filter((marker) => marker.severity === monaco.MarkerSeverity.Error).length;
  status.textContent = `${errors} error${errors === 1 ? "" : "s"}, ${markers.length - errors} other finding${markers.length - errors === 1 ? "" : "s"}`;
  renderTabs();
});

// ---------------------------------------------------------------- the address, the report and the agenda

const reportFrame = element<HTMLIFrameElement>("report-frame");
const agenda = element<HTMLPreElement>("agenda");
let lastRequest = 0;
let timer: ReturnType<typeof setTimeout> | null = null;

interface ViewsReply {
  readonly id: number;
  readonly views?: { readonly reportHtml: string; readonly agendaText: string };
  readonly error?: string;
}

function showViews(event: MessageEvent<ViewsReply>): void {
  const reply = event.data;
  if (reply.id !== lastRequest) return; // a newer edit is on its way
  if (reply.views) {
    reportFrame.srcdoc = reply.views.reportHtml;
    agenda.textContent = reply.views.agendaText;
    handle.viewsShown += 1;
    handle.viewsCurrent = timer === null;
  } else {
    agenda.textContent = `The report could not be made: ${reply.error ?? "unknown error"}`;
  }
}

// The views' worker starts once the first diagnostics are shown: beside the
// language server at start-up, it would compete with it for the cores.
let diagnosticsShown = () => {};
const serverFirst = new Promise<void>((resolve) => {
  diagnosticsShown = resolve;
  setTimeout(resolve, FIRST_VIEWS_WAIT_MS);
});

let views: Worker | null = null;
/** The views' worker, with its replies shown, once the first view is asked for. */
function viewsAsked(): Worker {
  if (!views) {
    views = workers.viewsWorker();
    views.addEventListener("message", showViews);
  }
  return views;
}

function filesChanged(): void {
  if (timer) clearTimeout(timer);
  handle.viewsCurrent = false;
  timer = setTimeout(() => {
    timer = null;
    const files = currentFiles();
    const id = (lastRequest += 1);
    void serverFirst.then(() => viewsAsked().postMessage({ id, root: ROOT, files: Object.fromEntries(Object.entries(files).map(([name, text]) => [`${ROOT}/${name}`, text])) }));
    void filesToHash(files).then((hash) => history.replaceState(null, "", hash));
  }, VIEWS_DEBOUNCE_MS);
}

monaco.editor.onDidCreateModel((model) => model.onDidChangeContent(filesChanged));

element<HTMLButtonElement>("copy-link").addEventListener("click", () => {
  void filesToHash(currentFiles()).then(async (hash) => {
    history.replaceState(null, "", hash);
    try {
      await navigator.clipboard.writeText(location.href);
      status.textContent = "link copied";
    } catch {
      status.textContent = "the address bar holds the link";
    }
  });
});

for (const [tab, panel, other, otherPanel] of [
  ["tab-report", reportFrame, "tab-agenda", agenda],
  ["tab-agenda", agenda, "tab-report", reportFrame],
] as const) {
  element(tab).addEventListener("click", () => {
    panel.hidden = false;
    otherPanel.hidden = true;
    element(tab).setAttribute("aria-selected", "true");
    element(other).setAttribute("aria-selected", "false");
  });
}

void filesFromHash(location.hash).then((shared) => load(shared ?? EXAMPLES));
