import f254 from '../../../data/surveys/f254.json' with { type: 'json' };
import sizeGroups from '../../../data/reference/size-groups.json' with { type: 'json' };
import criteria from '../../../data/reference/selection-criteria.json' with { type: 'json' };
import { parseReferenceData } from '../reference.ts';
import { parseSurveyDefinition } from '../survey/definition.ts';
import type { ResponseRow, ResponseTable, SurveyResponse } from '../survey/response.ts';
import type { Invitation, SurveyRound } from '../survey/round.ts';

/** Test factories: hand-made rounds, so that no test leans on the pilot's numbers. */
export const definition = parseSurveyDefinition(f254);
export const reference = parseReferenceData(sizeGroups, criteria);

export function invitation(municipality: string, overrides: Partial<Invitation> = {}): Invitation {
  return {
    municipality,
    name: `Kommune ${municipality}`,
    sizeGroup: '<5000',
    asss: false,
    criteria: ['RANDOM'],
    attendedMeeting: false,
    meetingParticipants: 0,
    populationApprox: 3000,
    prefilled: { AGD10: 1000, AGD4: 900, AGD16: 700, AGD2: 950 },
    ...overrides,
  };
}

export const given = (agd10: number | null, fewerThan5 = false): ResponseRow => ({
  fewerThan5,
  amounts: { AGD10: agd10, AGD4: null, AGD16: null, AGD2: null },
});

export const ticked: ResponseRow = given(null, true);

export function answered(
  rows: Record<string, ResponseRow>,
  methods: string[] = ['RESPONSIBILITY'],
): ResponseTable {
  return { methods, rows };
}

export function response(municipality: string, tables: Record<string, ResponseTable> = {}): SurveyResponse {
  return { municipality, submittedAt: '2022-05-20T12:00:00+02:00', comments: '', tables };
}

export function round(invitations: Invitation[], responses: SurveyResponse[] = []): SurveyRound {
  return {
    id: 'test-round',
    definitionId: 'f254',
    referenceYear: 2021,
    unit: '1000 NOK',
    invitations,
    responses,
  };
}
