// A candidate's or applicant's timeline as the report shows it: each recorded
// event and each deadline the rules compute, with a label naming who acted.
import type { CandidateHistory, Milestone } from "../agenda/membership-deadlines.js";
import { personLabel, unitLabel } from "../rules/shared/units.js";
import type { PersonHistoryData } from "./data.js";

const LABELS: Record<Milestone["kind"], [verb: string, preposition: string]> = {
  application: ["applied", "to"],
  review: ["reviewed", "at"],
  forward: ["forwarded", "to"],
  approve: ["approved", "by"],
  reject: ["rejected", "by"],
  admit: ["admitted", "by"],
  ratify: ["ratified", "by"],
  extend: ["probation extended", "by"],
  expel: ["expelled", "by"],
  transfer: ["transferred", "to"],
  "committee-decision": ["decision due", "from"],
  "probation-decision": ["probation ends: decision due", "from"],
  "extension-end": ["extended probation ends: admit or expel", "by"],
};

export function milestoneLabel(milestone: Milestone): string {
  const [verb, preposition] = LABELS[milestone.kind];
  return milestone.unit ? `${verb} ${preposition} ${unitLabel(milestone.unit)}` : verb;
}

export function historyData(history: CandidateHistory): PersonHistoryData {
  return {
    id: history.person.id,
    name: personLabel(history.person),
    milestones: history.milestones.map((milestone) => ({
      day: milestone.day,
      label: milestoneLabel(milestone),
      deadline: milestone.deadline,
      late: milestone.late,
    })),
  };
}
