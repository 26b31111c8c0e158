import { responseRates, type FormRates } from '../domain/collection/response-rates.ts';
import { noSurveyRound, NotFoundError } from '../domain/errors.ts';
import { kostraCheckpoints } from '../domain/collection/kostra-calendar.ts';
import type { Db } from '../store/database.ts';

/**
 * A round's response rates at checkpoints (KOSTRA's calendar for its årgang unless given): its invited units
 * are the expected ones, each submitted version a submission. The computation of `kostra rates`.
 */
export async function roundRates(
  db: Db,
  roundId: string,
  checkpoints?: readonly string[],
): Promise<FormRates> {
  const round = await db
    .selectFrom('survey_round')
    .select(['reference_year', 'form_id', 'definition_id'])
    .where('id', '=', roundId)
    .executeTakeFirst();
  if (!round) throw new NotFoundError(noSurveyRound(roundId));
  const form = round.form_id ?? round.definition_id ?? roundId;
  const invited = await db
    .selectFrom('invitation')
    .select('municipality')
    .where('round_id', '=', roundId)
    .execute();
  const submitted = await db
    .selectFrom('response')
    .select(['municipality', 'submitted_at'])
    .where('round_id', '=', roundId)
    .where('status', '=', 'submitted')
    .execute();
  const [rates] = responseRates(
    invited.map((i) => ({ form, unit: i.municipality, expected: true })),
    submitted.map((s) => ({ form, unit: s.municipality, submittedAt: s.submitted_at! })),
    checkpoints ?? kostraCheckpoints(round.reference_year),
  );
  return rates ?? { form, expected: 0, checkpoints: [], lastResubmission: null };
}
