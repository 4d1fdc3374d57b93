// A generated organization of about 100,000 members for the report's scale
// test: cities with primary party organizations, each with cells of 25 members,
// monthly meetings, weekly critiques, reports, and a candidate per cell.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface LargeOrgShape {
  readonly cities: number;
  readonly primariesPerCity: number;
  readonly cellsPerPrimary: number;
  readonly membersPerCell: number;
}

export const HUNDRED_THOUSAND: LargeOrgShape = { cities: 10, primariesPerCity: 20, cellsPerPrimary: 20, membersPerCell: 25 };

export function memberCount(shape: LargeOrgShape): number {
  return shape.cities * shape.primariesPerCity * shape.cellsPerPrimary * shape.membersPerCell;
}

export function unitCount(shape: LargeOrgShape): number {
  return 2 + shape.cities * (1 + shape.primariesPerCity * (1 + shape.cellsPerPrimary));
}

/** Writes `main.org` (the entry, with the period), `committees.org` and one file per city into `dir`; returns the entry. */
export function writeLargeOrg(dir: string, shape: LargeOrgShape = HUNDRED_THOUSAND): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, "committees.org"),
    'committee central "Central Committee" { level central }\ncommittee prov "Provincial Committee" {\n  level provincial\n  under central\n}\n',
  );
  const main = ["period 2026-01-01 to 2026-06-30"];
  for (let city = 0; city < shape.cities; city++) {
    main.push(`import "city${city}.org"`);
    const lines = [`committee city${city} "City Committee ${city}" {\n  level city\n  under prov\n}`];
    for (let primary = 0; primary < shape.primariesPerCity; primary++) {
      const p = `p${city}_${primary}`;
      const lead = `m${city}_${primary}_0`;
      lines.push(`primary ${p} "Primary ${city}-${primary}" {\n  under city${city}\n  setting workplace\n  secretary ${lead}_0\n  deputy ${lead}_1\n}`);
      lines.push(`every 2 months from 2026-01-15 to 2026-05-15 meeting ${p}`);
      for (let cell = 0; cell < shape.cellsPerPrimary; cell++) {
        const c = `c${city}_${primary}_${cell}`;
        const prefix = `m${city}_${primary}_${cell}`;
        const roster: string[] = [];
        for (let member = 0; member < shape.membersPerCell - 1; member++) {
          roster.push(`  member ${prefix}_${member} "Member ${city}-${primary}-${cell}-${member}" joined 2001-03-0${1 + (member % 9)}`);
        }
        roster.push(`  candidate ${prefix}_cand "Candidate ${city}-${primary}-${cell}" since 2025-08-01`);
        lines.push(`cell ${c} "Cell ${city}-${primary}-${cell}" {\n  under ${p}\n  critique weekly\n  secretary ${prefix}_0\n  deputy ${prefix}_1\n${roster.join("\n")}\n}`);
        lines.push(`every month from 2026-01-10 to 2026-06-10 meeting ${c}`);
        lines.push(`every week from 2026-01-03 to 2026-06-27 critique ${c}`);
        lines.push(`every 2 months from 2026-02-15 to 2026-06-15 report ${c} to city${city}, prov`);
      }
    }
    writeFileSync(join(dir, `city${city}.org`), `import "committees.org"\n${lines.join("\n")}\n`);
  }
  writeFileSync(join(dir, "main.org"), main.join("\n") + "\n");
  return join(dir, "main.org");
}
