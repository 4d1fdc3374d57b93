// A rule's options: their kinds, defaults and the values a rule receives.
// Shared by rules, obligations and the configuration, so it depends on none
// of them.
import type { DurationUnit } from "../ast/types.js";

/** A duration option, written in config files as `"3 months"`. */
export interface Duration {
  readonly count: number;
  readonly unit: DurationUnit;
}

export type OptionSpec =
  | { readonly type: "integer"; readonly default: number; readonly description: string }
  | { readonly type: "duration"; readonly default: Duration; readonly description: string };

export type OptionSpecs = Record<string, OptionSpec>;

/** The option values a rule receives: numbers for integers, durations for durations. */
export type OptionValues<S extends OptionSpecs> = {
  readonly [K in keyof S]: S[K] extends { type: "duration" } ? Duration : number;
};
