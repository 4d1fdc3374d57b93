// Spec texts for the language server tests, in the style of the conformance
// suite, and helpers to find positions in them.
export const COMMITTEES = `// The party committees above the units of these tests.
committee central "WPK Central Committee" {
  level central
}

committee north_pyongan "North Pyongan Provincial Party Committee" {
  level provincial
  under central
}

committee sinuiju "Sinuiju City Party Committee" {
  level city
  under north_pyongan
}

committee uiju "Uiju County Party Committee" {
  level county
  under north_pyongan
}
`;

export const MILL = `// Textile Mill Cell No. 3 and the Sinuiju Textile Mill, January to June 2026.
import "committees.org"

period 2026-01-01 to 2026-06-30

cell mill3 "Textile Mill Cell No. 3" {
  under sinuiju
  setting workplace
  established 2019-04-01
  critique weekly
  secretary kim_chol
  deputy ri_yong

  member kim_chol "Kim Chol" joined 2012-05-01
  member ri_yong "Ri Yong" joined 2018-03-10
  member pak_sun "Pak Sun" joined 2021-06-01 youth_league
  member jo_myong "Jo Myong" joined 2015-09-01
  member ha_rim "Ha Rim" joined 2016-02-14
  candidate han_mi "Han Mi" since 2025-11-02
}

every month from 2026-01-12 to 2026-06-12 meeting mill3
every week from 2026-01-05 to 2026-06-29 critique mill3
every 2 months from 2026-02-15 to 2026-06-15 report mill3 to sinuiju, north_pyongan

on 2026-03-09 meeting mill3 { present kim_chol, ri_yong, pak_sun }

primary textile "Sinuiju Textile Mill Primary Party Organization" {
  under sinuiju
  setting workplace
  secretary ro_unjong
  deputy ryu_mansik
  committee {
    elected 2025-12-15
    members ro_unjong, ryu_mansik, kang_il
  }
}

cell weaving "Weaving Shop Cell" {
  under textile
  setting workplace
  critique weekly
  secretary ro_unjong
  deputy ryu_mansik

  member ro_unjong "Ro Un-jong" joined 1999-04-01
  member ryu_mansik "Ryu Man-sik" joined 2003-07-15
  member kang_il "Kang Il" joined 2008-10-01
  member sim_sonhwa "Sim Son-hwa" joined 2011-01-20
  member paek_ok "Paek Ok" joined 2014-06-30
}
`;

/** The offset of the `nth` (0-based) occurrence of `needle`, plus `delta`. */
export function offsetOf(text: string, needle: string, nth = 0, delta = 0): number {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" occurs fewer than ${nth + 1} times`);
  }
  return at + delta;
}

/** The LSP position of an offset (the texts here are ASCII with \n line breaks). */
export function positionAt(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length - 1;
  return { line, character: offset - (before.lastIndexOf("\n") + 1) };
}

/** The position just after the `nth` occurrence of `needle` (or `delta` characters into it). */
export function after(text: string, needle: string, nth = 0): { line: number; character: number } {
  return positionAt(text, offsetOf(text, needle, nth, needle.length));
}

export function inside(text: string, needle: string, nth = 0, delta = 1): { line: number; character: number } {
  return positionAt(text, offsetOf(text, needle, nth, delta));
}

/** A program of three files: the entry imports the committees and the factory. */
export const ENTRY = `// Textile Mill Cell No. 3, January to June 2026.
import "committees.org"
import "factory.org"

period 2026-01-01 to 2026-06-30

cell mill3 "Textile Mill Cell No. 3" {
  under sinuiju
  setting workplace
  critique weekly
  secretary kim_chol
  deputy ri_yong

  member kim_chol "Kim Chol" joined 2012-05-01
  member ri_yong "Ri Yong" joined 2018-03-10
  member pak_sun "Pak Sun" joined 2021-06-01 youth_league
  member jo_myong "Jo Myong" joined 2015-09-01
  member ha_rim "Ha Rim" joined 2016-02-14
  candidate han_mi "Han Mi" since 2025-11-02
}

every month from 2026-01-12 to 2026-06-12 meeting mill3
every week from 2026-01-05 to 2026-06-29 critique mill3
every 2 months from 2026-02-15 to 2026-06-15 report mill3 to sinuiju, north_pyongan
on 2026-03-09 meeting mill3 { present kim_chol, ri_yong, pak_sun }
`;

export const FACTORY = `// The Sinuiju Textile Mill's weaving shop: imported by main.org.
import "committees.org"

cell weaving "Weaving Shop Cell" {
  under sinuiju
  setting workplace
  critique weekly
  secretary ro_unjong
  deputy ryu_mansik

  member ro_unjong "Ro Un-jong" joined 1999-04-01
  member ryu_mansik "Ryu Man-sik" joined 2003-07-15
  member kang_il "Kang Il" joined 2008-10-01
  member sim_sonhwa "Sim Son-hwa" joined 2011-01-20
  member paek_ok "Paek Ok" joined 2014-06-30
}

every month from 2026-01-14 to 2026-06-14 meeting weaving
every week from 2026-01-02 to 2026-06-26 critique weaving
every 2 months from 2026-02-15 to 2026-06-15 report weaving to sinuiju, north_pyongan
on 2026-02-10 meeting weaving { present ro_unjong, ryu_mansk }
`;
