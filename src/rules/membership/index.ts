// The membership rules, in catalogue order.
import type { AnyRule } from "../rule.js";
import { applicationTarget } from "./application-target.js";
import { decisionDeadline } from "./decision-deadline.js";
import { expulsion } from "./expulsion.js";
import { extension } from "./extension.js";
import { probationDecision } from "./probation-decision.js";
import { ratification } from "./ratification.js";
import { recommendations } from "./recommendations.js";
import { review } from "./review.js";
import { rosterConsistency } from "./roster-consistency.js";

export const membershipRules: readonly AnyRule[] = [
  applicationTarget,
  recommendations,
  review,
  decisionDeadline,
  probationDecision,
  ratification,
  extension,
  expulsion,
  rosterConsistency,
];
