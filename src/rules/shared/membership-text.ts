// Wording and locations the membership rules' messages share.
import type { Span } from "../../ast/types.js";
import type { EvidenceStep, RelatedLocation } from "../../diagnostics/types.js";
import type { Membership, PersonEvent } from "../../model/types.js";
import { addDuration, formatDay } from "../../util/dates.js";
import type { Duration } from "../rule.js";
import type { Probation } from "./membership-facts.js";
import { unitLabel } from "./units.js";

const NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

/** `one month`, `two years`, `18 months`. */
export function durationWords(duration: Duration): string {
  const count = NUMBER_WORDS[duration.count] ?? String(duration.count);
  return `${count} ${duration.unit}${duration.count === 1 ? "" : "s"}`;
}

export function after(day: number, duration: Duration): number {
  return addDuration(day, duration.count, duration.unit);
}

/** The verb of a person event in the past tense. */
const PAST: Record<PersonEvent["kind"], string> = {
  application: "applied",
  review: "reviewed",
  forward: "forwarded",
  approve: "approved",
  reject: "rejected",
  admit: "admitted",
  ratify: "ratified",
  extend: "extended",
  expel: "expelled",
  transfer: "transferred",
};

export function past(event: PersonEvent): string {
  return PAST[event.kind];
}

/** `approved by Sinuiju City Party Committee on 2026-02-20` (the body left out when it did not resolve). */
export function eventPhrase(event: PersonEvent): string {
  const preposition = event.kind === "review" ? "at" : event.kind === "forward" || event.kind === "application" || event.kind === "transfer" ? "to" : "by";
  const unit = event.unit ? ` ${preposition} ${unitLabel(event.unit)}` : "";
  return `${past(event)}${unit} on ${formatDay(event.day)}`;
}

/** A related location pointing at an event's statement. */
export function relatedEvent(event: PersonEvent, message?: string): RelatedLocation {
  return { file: event.file, span: event.statement.span, message: message ?? `${past(event)} here on ${formatDay(event.day)}` };
}

/** A related location pointing at a roster entry. */
export function relatedEntry(membership: Membership, message: string): RelatedLocation {
  return { file: membership.file, span: membership.entry.span, message };
}

/** Where a probation began: the `approve`, else the roster's `candidate ... since`. */
export function probationStartLocation(probation: Probation): { file: string; span: Span; phrase: string } {
  if (probation.approve) {
    return { file: probation.approve.file, span: probation.approve.statement.span, phrase: probation.approve.unit ? `approved by ${unitLabel(probation.approve.unit)}` : "approved" };
  }
  const entry = probation.entry!;
  return { file: entry.file, span: entry.entry.span, phrase: "the roster's candidate since; no approve is recorded" };
}

export function relatedProbationStart(probation: Probation): RelatedLocation {
  const start = probationStartLocation(probation);
  return { file: start.file, span: start.span, message: `probation began here on ${formatDay(probation.start)}: ${start.phrase}` };
}

/** The evidence step of where a probation began: the approve, or the roster's candidate entry. */
export function probationStartStep(probation: Probation, id: string): EvidenceStep {
  const start = probationStartLocation(probation);
  const text = probation.approve ? `approve ${id} on ${formatDay(probation.start)}: probation begins` : `candidate ${id} since ${formatDay(probation.start)} (no approve is recorded): probation begins`;
  return { kind: "read", text, location: { file: start.file, span: start.span } };
}
