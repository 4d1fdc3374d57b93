// Which unit a place in the source belongs to: a unit's declaration, or an
// event about it. For a meeting or a report, the unit that held or sent it;
// for a person's event, the unit that acted: the cell an application went to,
// that reviewed or forwarded it, the body that decided, the unit a transfer
// left. The report marks units by their diagnostics this way, and the agenda
// groups expiring waivers by it.
import type { Span } from "../ast/types.js";
import type { Model, PersonEvent, Unit } from "../model/types.js";
import { everyPersonFacts } from "../rules/shared/membership-facts.js";

/** Identifies a unit's declaration across the programs that share its file. */
export function unitKey(unit: Unit): string {
  return `${unit.file}:${unit.decl.id.span.start}`;
}

interface Claim {
  readonly span: Span;
  readonly unit: Unit;
}

export class UnitLocator {
  private readonly claims = new Map<string, Claim[]>();
  /** `file:start` of every span claimed (a series' occurrences share one statement). */
  private readonly claimed = new Set<string>();

  constructor(models: readonly Model[]) {
    for (const model of models) this.claimModel(model);
    for (const list of this.claims.values()) list.sort((a, b) => a.span.start - b.span.start);
  }

  /** The unit whose declaration or event covers `offset` of `file`, else `null`. */
  unitAt(file: string, offset: number): Unit | null {
    const list = this.claims.get(file);
    if (!list) return null;
    let low = 0;
    let high = list.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (list[middle]!.span.start <= offset) low = middle + 1;
      else high = middle;
    }
    const claim = list[low - 1];
    return claim && offset < claim.span.end ? claim.unit : null;
  }

  private claim(file: string, span: Span, unit: Unit | null): void {
    const key = `${file}:${span.start}`;
    if (!unit || this.claimed.has(key)) return;
    this.claimed.add(key);
    const list = this.claims.get(file) ?? [];
    list.push({ span, unit });
    this.claims.set(file, list);
  }

  private claimModel(model: Model): void {
    for (const unit of model.units) {
      this.claim(unit.file, unit.decl.span, unit);
      for (const occurrences of Object.values(unit.timeline.gatherings)) {
        for (const occurrence of occurrences) this.claim(occurrence.file, occurrence.statement.span, unit);
      }
      for (const report of unit.timeline.reports) this.claim(report.file, report.statement.span, unit);
    }
    for (const facts of everyPersonFacts(model)) {
      const cellOfCase = new Map<PersonEvent, Unit | null>();
      for (const item of facts.cases) {
        for (const forward of item.forwards) cellOfCase.set(forward, item.cell ?? item.application?.unit ?? null);
      }
      for (const event of facts.person.timeline) {
        const actor = event.kind === "forward" ? cellOfCase.get(event) ?? null : event.kind === "transfer" ? event.fromUnit : event.unit;
        this.claim(event.file, event.statement.span, actor);
      }
    }
  }
}
