// The report page in Node: its scripts read from the installed package.
import type { ReportData } from "./data.js";
import { clientScript, hierarchyLibrary } from "./inline-client.js";
import { renderReportPage, type ReportScripts } from "./page.js";

/** The scripts every report inlines, read once. */
export function reportScripts(): ReportScripts {
  return { hierarchy: hierarchyLibrary(), client: clientScript() };
}

export function renderReportHtml(data: ReportData): string {
  return renderReportPage(data, reportScripts());
}
