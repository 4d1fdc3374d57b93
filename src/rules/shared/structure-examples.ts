// Builds the rosters the structure rules' docs examples need (a primary
// organization's example needs more than 31 members; writing them out by
// hand would bury the point of the example).

/** `count` roster lines: `member w1 "W 1" joined 2010-01-01`, ... */
export function exampleRoster(prefix: string, count: number, options: { from?: number; at?: string } = {}): string {
  const from = options.from ?? 1;
  const at = options.at ? ` at ${options.at}` : "";
  const label = prefix.toUpperCase();
  const lines: string[] = [];
  for (let i = from; i < from + count; i++) lines.push(`  member ${prefix}${i} "${label} ${i}" joined 2010-01-01${at}`);
  return lines.join("\n");
}
