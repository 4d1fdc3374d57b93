// The structure rules, in catalogue order.
import type { AnyRule } from "../rule.js";
import { basicCommittee } from "./basic-committee.js";
import { branchSetting } from "./branch-setting.js";
import { branchSize } from "./branch-size.js";
import { cellCommittee } from "./cell-committee.js";
import { cellSize } from "./cell-size.js";
import { executiveScope } from "./executive-scope.js";
import { hierarchy } from "./hierarchy.js";
import { leadership } from "./leadership.js";
import { primarySize } from "./primary-size.js";
import { residentialCover } from "./residential-cover.js";
import { singleMembership } from "./single-membership.js";
import { teamApproval } from "./team-approval.js";
import { teamSize } from "./team-size.js";

export const structureRules: readonly AnyRule[] = [
  cellSize,
  primarySize,
  branchSize,
  branchSetting,
  teamSize,
  teamApproval,
  residentialCover,
  leadership,
  cellCommittee,
  basicCommittee,
  executiveScope,
  singleMembership,
  hierarchy,
];
