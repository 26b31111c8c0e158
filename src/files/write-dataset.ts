import { writeCsv } from '../domain/csv.ts';
import { INVITED_COLUMNS } from './invited-csv.ts';
import type { SurveyDefinition } from '../domain/survey/definition.ts';
import type { SurveyRound } from '../domain/survey/round.ts';
import { presentContent } from './responses-json.ts';

/**
 * A round in the exchange format it was imported from (data/README.md): `invited.csv` and
 * `responses.json`, with each municipality's latest submitted version. Importing them again gives the same
 * round.
 */
export function roundDataset(
  definition: SurveyDefinition,
  round: SurveyRound,
): { invited: string; responses: string } {
  const measures = definition.measures.map((m) => m.code);
  const header = [
    ...INVITED_COLUMNS,
    'population_approx',
    ...measures.map((m) => `kostra_${round.referenceYear}_${m.toLowerCase()}`),
  ];
  const lines = round.invitations.map((i) => [
    i.municipality,
    i.name,
    i.sizeGroup,
    i.asss,
    i.criteria.join(';'),
    i.attendedMeeting,
    i.meetingParticipants,
    i.populationApprox,
    ...measures.map((m) => i.prefilled[m] ?? null),
  ]);
  const responses = {
    survey: round.id,
    reference_year: round.referenceYear,
    unit: round.unit,
    responses: round.responses.map((r) => ({
      municipality: r.municipality,
      submitted_at: r.submittedAt,
      ...presentContent(r),
    })),
  };
  return {
    invited: writeCsv([header, ...lines]),
    responses: `${JSON.stringify(responses, null, 1)}\n`,
  };
}
