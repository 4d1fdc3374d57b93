// What the playground's measurement scripts (measure.mjs, measure-edits.mjs)
// share: Debian's Chromium started as this machine needs it (as
// test/fixtures/chromium.ts does for the tests), and a fresh page of a build
// opened until its first diagnostics are shown.
import { chromium } from "playwright-core";

const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

export function launchChromium() {
  return chromium.launch({ executablePath: "/usr/bin/chromium", args: ARGS });
}

/** A new page (its own browser context: nothing cached between runs) of the playground built in `dir`, once its first diagnostics are shown. */
export async function openPlayground(browser, dir) {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  await page.goto(`file://${dir}/index.html`);
  await page.waitForFunction(() => typeof window.orgspecPlayground?.firstDiagnosticsAt === "number", null, { timeout: 60_000 });
  return page;
}
