// The playground in headless Chromium (Debian's /usr/bin/chromium through
// playwright-core, as the report's test; skipped, saying why, where it is
// absent). Built once for this file. It opens from file:// with the
// examples, shows the diagnostics `orgspec check examples` gives, marks a
// misspelt keyword with the checker's own message, accepts a completion,
// renders the report panel, and a link to the page reproduces the case.
// Prints the bundle's size and the time to the first diagnostics
// (recorded in docs/playground.md). UPDATE_SCREENSHOT=1 writes docs/playground.png.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import type { Browser, Page } from "playwright-core";
import { chromiumAbsent, HAVE_CHROMIUM, launchChromium } from "../fixtures/chromium.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// The page's `window.orgspecPlayground` (declared there).
import type {} from "../../playground/handle.js";
import { cleanUp, run, tempDir } from "../fixtures/support.js";

const REPO = fileURLToPath(new URL("../../", import.meta.url));
const OUT = join(REPO, "dist/playground");
const SKIPPED = chromiumAbsent("the playground's browser test");

let browser: Browser | null = null;

beforeAll(async () => {
  if (!HAVE_CHROMIUM) return void console.warn(`skipping the playground's browser test: ${SKIPPED}`);
  const { buildPlayground } = (await import(new URL("../../playground/build.mjs", import.meta.url).href)) as { buildPlayground(): Promise<unknown> };
  await buildPlayground();
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  cleanUp();
});

interface Marker {
  file: string;
  line: number;
  code: string;
  message: string;
}

/** Opens the playground (at `hash`); collects page errors and every request that is not for its own files. */
async function open(hash = ""): Promise<{ page: Page; errors: string[]; requests: string[] }> {
  const page = await browser!.newPage({ viewport: { width: 1600, height: 1000 } });
  const errors: string[] = [];
  const requests: string[] = [];
  page.on("pageerror", (error) => errors.push(`${error.message} ${error.stack ?? ""}`));
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  page.on("request", (request) => !/^(file:\/\/.*\/dist\/playground\/|blob:|data:|about:)/.test(request.url()) && requests.push(request.url()));
  await page.goto(`file://${OUT}/index.html${hash}`);
  await page.waitForFunction(() => window.orgspecPlayground?.firstDiagnosticsAt !== null && window.orgspecPlayground?.firstDiagnosticsAt !== undefined, null, { timeout: 60_000 });
  return { page, errors, requests };
}

async function markers(page: Page): Promise<Marker[]> {
  return page.evaluate(() =>
    window
      .orgspecPlayground!.monaco.editor.getModelMarkers({})
      .map((marker) => ({ file: marker.resource.path.replace(/^\/playground\//, ""), line: marker.startLineNumber, code: String(marker.code ?? ""), message: marker.message }))
      .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.code.localeCompare(b.code)),
  );
}

/** Waits until the markers satisfy `done`, and returns them. */
async function markersWhen(page: Page, done: (found: Marker[]) => boolean): Promise<Marker[]> {
  for (let tries = 0; tries < 300; tries++) {
    const found = await markers(page);
    if (done(found)) return found;
    await page.waitForTimeout(100);
  }
  throw new Error(`the markers never settled: ${JSON.stringify(await markers(page))}`);
}

interface CheckJson {
  diagnostics: { file: string; code: string; message: string; range: { start: { line: number } } }[];
}

describe("the playground in Chromium", () => {
  it("shows the examples' diagnostics, marks a misspelt keyword, completes it, renders the report, and a link reproduces it", async (context) => {
    if (!HAVE_CHROMIUM) return context.skip(SKIPPED);
    const sizes = readdirSync(OUT).map((file) => ({ file, gzip: gzipSync(readFileSync(join(OUT, file))).length }));
    const total = sizes.reduce((sum, { gzip }) => sum + gzip, 0);
    const { page, errors, requests } = await open();
    const timing = await page.evaluate(() => ({
      load: performance.getEntriesByType("navigation").map((entry) => (entry as PerformanceNavigationTiming).loadEventEnd)[0] ?? 0,
      first: window.orgspecPlayground!.firstDiagnosticsAt!,
    }));
    console.log(
      `playground: ${sizes.map(({ file, gzip }) => `${file} ${(gzip / 1024).toFixed(0)} KiB`).join(", ")} gzipped, ${(total / 1024 / 1024).toFixed(2)} MiB in all; ` +
        `first diagnostics ${timing.first.toFixed(0)} ms after navigation, ${(timing.first - timing.load).toFixed(0)} ms after load`,
    );
    expect(total).toBeLessThan(2 * 1024 * 1024);

    // The examples' diagnostics are `orgspec check examples`'s.
    const check = JSON.parse((await run(["check", "examples", "--format", "json"], { cwd: REPO })).stdout) as CheckJson;
    const expected = check.diagnostics
      .map((diagnostic) => ({ file: diagnostic.file.replace(/^examples\//, ""), line: diagnostic.range.start.line, code: diagnostic.code, message: diagnostic.message }))
      .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.code.localeCompare(b.code));
    expect(await markersWhen(page, (found) => found.length >= expected.length)).toEqual(expected);

    // A misspelt keyword at the end of sinuiju.org: the checker's own message, on its line.
    await page.locator('.tabs button[data-file="sinuiju.org"]').click();
    await page.locator("#editor .view-lines").click();
    await page.keyboard.press("Control+End");
    await page.keyboard.type('\n\ncel x "X" {');
    const typed = await page.evaluate(() => {
      const model = window.orgspecPlayground!.editor.getModel()!;
      const line = model.getLinesContent().findIndex((text) => text.startsWith("cel ")) + 1;
      return { line, text: model.getLineContent(line) };
    });
    const typedLine = typed.line;
    expect(typed.text).toMatch(/^cel x "X" \{\}?$/); // with the brace Monaco closes
    const dir = tempDir();
    for (const [name, text] of Object.entries(await page.evaluate(() => Object.fromEntries(window.orgspecPlayground!.monaco.editor.getModels().map((model) => [model.uri.path.split("/").pop()!, model.getValue()]))))) {
      writeFileSync(join(dir, name), text);
    }
    const cli = JSON.parse((await run(["check", "sinuiju.org", "--format", "json"], { cwd: dir })).stdout) as CheckJson;
    const misspelt = cli.diagnostics.find((diagnostic) => diagnostic.code === "ORG001")!;
    expect(misspelt.message).toContain("(did you mean `cell`?)");
    expect(misspelt.range.start.line).toBe(typedLine);
    const marked = (await markersWhen(page, (found) => found.some((marker) => marker.code === "ORG001"))).find((marker) => marker.code === "ORG001");
    expect(marked).toEqual({ file: "sinuiju.org", line: typedLine, code: "ORG001", message: misspelt.message });

    // Completion: after `cel`, the server offers `cell`; accepting it replaces the word.
    await page.evaluate((line) => window.orgspecPlayground!.editor.setPosition({ lineNumber: line, column: 4 }), typedLine);
    await page.keyboard.press("Control+Space");
    const row = page.locator(".suggest-widget .monaco-list-row", { hasText: /^cell/ }).first();
    await row.waitFor({ timeout: 30_000 });
    await page.keyboard.press("Enter");
    expect(await page.evaluate((line) => window.orgspecPlayground!.editor.getModel()!.getLineContent(line), typedLine)).toBe(`cell${typed.text.slice(3)}`);
    await markersWhen(page, (found) => !found.some((marker) => marker.code === "ORG001"));

    // The report panel: the report page, drawn, with a row per diagnostic of the current files.
    const frame = page.frameLocator("#report-frame");
    await frame.locator("body[data-ready]").waitFor({ timeout: 30_000 });
    // Drawn again since the edits, from the files as they are now (the views wait 300 ms after the last edit).
    await page.waitForFunction(() => window.orgspecPlayground!.viewsShown >= 2 && window.orgspecPlayground!.viewsCurrent, null, { timeout: 30_000 });
    const now = await markers(page);
    await frame.locator("body[data-ready]").waitFor({ timeout: 30_000 });
    expect(await frame.locator("table.diagnostics tbody tr").count()).toBe(now.length);
    // Titled with the organization: the Central Committee, and the new cell (it has no `under`, so it is a root too).
    expect(await frame.locator("h1").innerText()).toBe("WPK Central Committee, X");
    expect(await frame.locator("header.page p").innerText()).toContain("orgspec report of abroad.org, committees.org, factory.org, sinuiju.org");
    await page.locator("#tab-agenda").click();
    expect(await page.locator("#agenda").innerText()).toMatch(/\S/);
    await page.locator("#tab-report").click();

    // The address holds the files: a new page at the same link has the same files and the same diagnostics.
    await page.waitForFunction(() => location.hash.startsWith("#files="));
    await page.waitForTimeout(500);
    const hash = await page.evaluate(() => location.hash);
    const shared = await open(hash);
    expect(await shared.page.evaluate(() => window.orgspecPlayground!.editor.getModel()!.uri.path)).toBe("/playground/sinuiju.org");
    expect(await markersWhen(shared.page, (found) => found.length >= now.length)).toEqual(now);

    const screenshot = process.env["UPDATE_SCREENSHOT"] ? join(REPO, "docs", "playground.png") : join(tempDir(), "playground.png");
    mkdirSync(join(screenshot, ".."), { recursive: true });
    await page.screenshot({ path: screenshot });
    expect(readFileSync(screenshot).subarray(1, 4).toString()).toBe("PNG");
    expect([...errors, ...shared.errors]).toEqual([]);
    expect([...requests, ...shared.requests]).toEqual([]);
    await shared.page.close();
    await page.close();
  }, 240_000);

  it("answers through Monaco's own features: code lenses, semantic highlighting, hover, quick fixes, definition, rename and formatting", async (context) => {
    if (!HAVE_CHROMIUM) return context.skip(SKIPPED);
    const { page, errors } = await open();
    await page.locator('.tabs button[data-file="abroad.org"]').click();
    const at = (lineNumber: number, column: number) =>
      page.evaluate((position) => {
        window.orgspecPlayground!.editor.setPosition(position);
        window.orgspecPlayground!.editor.focus();
      }, { lineNumber, column });
    const line = (number: number) => page.evaluate((n) => window.orgspecPlayground!.editor.getModel()!.getLineContent(n), number);

    // A lens above the team; the keyword `team` coloured by the server's semantic tokens (the page has no grammar).
    await page.locator(".codelens-decoration").first().waitFor({ timeout: 30_000 });
    await page.waitForFunction(() => [...document.querySelectorAll("#editor .view-line span span")].some((span) => span.textContent === "team" && span.className !== "mtk1"), null, { timeout: 30_000 });

    // Hover on `central` (line 7: `  under central`): the unit's title.
    await at(7, 10);
    await page.evaluate(() => window.orgspecPlayground!.editor.getAction("editor.action.showHover")!.run());
    await page.locator(".monaco-hover .hover-contents", { hasText: "WPK Central Committee" }).first().waitFor({ timeout: 30_000 });
    await page.keyboard.press("Escape");

    // The quick fix of ORG002 on `ha_mansk` (line 19), from the rule's fix, then the waiver; the first applied.
    expect(await line(19)).toContain("thae_ryongsu, ha_mansk }");
    await at(19, 80);
    await page.keyboard.press("Control+.");
    const fixes = page.locator(".action-widget");
    await fixes.getByText("Replace with `ha_mansik`").waitFor({ timeout: 30_000 });
    await expect(fixes.getByText(/^Waive ORG002 on this line until/).count()).resolves.toBe(1);
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => window.orgspecPlayground!.editor.getModel()!.getLineContent(19).includes("thae_ryongsu, ha_mansik }"), null, { timeout: 30_000 });
    await markersWhen(page, (found) => !found.some((marker) => marker.code === "ORG002"));

    // Rename the member `mun_unha` (line 11, and present at the meeting on line 19).
    await at(11, 12);
    await page.keyboard.press("F2");
    const renameBox = page.locator(".rename-box input");
    await renameBox.waitFor({ timeout: 30_000 });
    await expect(renameBox.inputValue()).resolves.toBe("mun_unha");
    await renameBox.fill("mun_un_ha");
    await renameBox.press("Enter");
    await page.waitForFunction(() => window.orgspecPlayground!.editor.getModel()!.getValue().match(/\bmun_un_ha\b/g)?.length === 2, null, { timeout: 30_000 });
    expect(await page.evaluate(() => window.orgspecPlayground!.editor.getModel()!.getValue().includes("mun_unha"))).toBe(false);

    // Formatting puts back the indentation taken from line 7.
    await page.evaluate(() => window.orgspecPlayground!.editor.getModel()!.applyEdits([{ range: { startLineNumber: 7, startColumn: 1, endLineNumber: 7, endColumn: 3 }, text: "" }]));
    expect(await line(7)).toBe("under central");
    await at(7, 1);
    await page.evaluate(() => window.orgspecPlayground!.editor.getAction("editor.action.formatDocument")!.run());
    await page.waitForFunction(() => window.orgspecPlayground!.editor.getModel()!.getLineContent(7) === "  under central", null, { timeout: 30_000 });

    // Go to definition of `central`: its tab, on its declaration.
    await at(7, 10);
    await page.keyboard.press("F12");
    await page.waitForFunction(() => window.orgspecPlayground!.editor.getModel()!.uri.path === "/playground/committees.org", null, { timeout: 30_000 });
    const declaration = await page.evaluate(() => {
      const editor = window.orgspecPlayground!.editor;
      return editor.getModel()!.getLineContent(editor.getPosition()!.lineNumber);
    });
    expect(declaration).toMatch(/\bcentral\b/);
    expect(await page.locator('.tabs button[data-file="committees.org"]').getAttribute("aria-selected")).toBe("true");
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
