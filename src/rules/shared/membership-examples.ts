// The program the membership rules' docs examples (and their tests) build on:
// a period, one cell under Sinuiju with long-standing members and a newcomer,
// meeting on the 12th of each month. The examples add roster lines and events.

/** The cell's roster, lines 6-10 of the example (after `import`, line 1). */
const ROSTER = [
  `  member kim_a "Kim A" joined 2010-01-01`,
  `  member ri_b "Ri B" joined 2015-01-01`,
  `  member pak_c "Pak C" joined 2025-01-10`,
  `  member jang_x "Jang X" joined 2011-05-01`,
  `  member o_y "O Y" joined 2011-06-01`,
];

/**
 * A membership example: `period`, the cell `acad` with `extraRoster` lines
 * appended to its roster, its monthly meetings, then `events`. Prefixed with
 * `import "committees.org"` its first extra roster line is line 11 and, with
 * `k` extra roster lines, its first event is line 14 + k.
 */
export function membershipExample(extraRoster: readonly string[], events: readonly string[]): string {
  return [
    "period 2026-01-01 to 2026-06-30",
    "",
    `cell acad "Teachers College Cell" {`,
    "  under sinuiju",
    ...ROSTER,
    ...extraRoster.map((line) => `  ${line}`),
    "}",
    "",
    "every month from 2026-01-12 to 2026-06-12 meeting acad",
    ...events,
  ].join("\n");
}
