import type { ReferenceData } from '../reference.ts';
import { percent } from '../rounding.ts';
import type { SurveyRound } from '../survey/round.ts';

export interface CriterionCount {
  readonly criterion: string;
  readonly count: number;
}
export interface SizeGroupCount {
  readonly size_group: string;
  readonly count: number;
}
export interface StatusCount {
  readonly status: 'RECEIVED' | 'ATTENDED_MEETING' | 'RESPONDED';
  readonly count: number;
  readonly percent: number | null;
}
export interface SizeGroupResponse {
  readonly size_group: string;
  readonly responded: number;
  readonly percent: number | null;
}

const TOTAL = 'TOTAL';

/** Table 3.1: invited municipalities by selection criterion; one counts under each of its criteria. */
export function invitedByCriterion(round: SurveyRound, reference: ReferenceData): CriterionCount[] {
  return [
    ...reference.criteria.map((c) => ({
      criterion: c.code,
      count: round.invitations.filter((i) => i.criteria.includes(c.code)).length,
    })),
    { criterion: TOTAL, count: round.invitations.length },
  ];
}

/** Table 3.2: invited municipalities by size group. */
export function invitedBySizeGroup(round: SurveyRound, reference: ReferenceData): SizeGroupCount[] {
  return [
    ...reference.sizeGroups.map((g) => ({
      size_group: g.code,
      count: round.invitations.filter((i) => i.sizeGroup === g.code).length,
    })),
    { size_group: TOTAL, count: round.invitations.length },
  ];
}

/** The invited municipalities that responded (the latest response of each counts once). */
export function respondents(round: SurveyRound): Set<string> {
  const invited = new Set(round.invitations.map((i) => i.municipality));
  return new Set(round.responses.map((r) => r.municipality).filter((m) => invited.has(m)));
}

/** Table 3.3: how many received the form, attended the information meeting and responded. */
export function participation(round: SurveyRound): StatusCount[] {
  const invited = round.invitations.length;
  const attended = round.invitations.filter((i) => i.attendedMeeting).length;
  const responded = respondents(round).size;
  return [
    { status: 'RECEIVED', count: invited, percent: percent(invited, invited) },
    { status: 'ATTENDED_MEETING', count: attended, percent: percent(attended, invited) },
    { status: 'RESPONDED', count: responded, percent: percent(responded, invited) },
  ];
}

/** Table 4.1: respondents by size group, in percent of those invited in the group. */
export function respondedBySizeGroup(round: SurveyRound, reference: ReferenceData): SizeGroupResponse[] {
  const responded = respondents(round);
  const row = (size_group: string, members: SurveyRound['invitations']) => {
    const count = members.filter((i) => responded.has(i.municipality)).length;
    return { size_group, responded: count, percent: percent(count, members.length) };
  };
  return [
    ...reference.sizeGroups.map((g) =>
      row(
        g.code,
        round.invitations.filter((i) => i.sizeGroup === g.code),
      ),
    ),
    row(TOTAL, round.invitations),
  ];
}
