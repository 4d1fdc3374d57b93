// The meetings rules, in catalogue order.
import type { AnyRule } from "../rule.js";
import { cellCommitteeMeeting } from "./cell-committee-meeting.js";
import { cellMeeting } from "./cell-meeting.js";
import { committeeMeeting } from "./committee-meeting.js";
import { critique } from "./critique.js";
import { executiveMeeting } from "./executive-meeting.js";
import { generalMeeting } from "./general-meeting.js";

export const meetingsRules: readonly AnyRule[] = [cellMeeting, cellCommitteeMeeting, generalMeeting, committeeMeeting, executiveMeeting, critique];
