import { loadChartOfAccounts } from '../files/accounts-data.ts';
import { DomainError } from '../domain/errors.ts';
import type { Language } from '../domain/language.ts';
import type { ReferenceData } from '../domain/reference.ts';
import type { SurveyDefinition } from '../domain/survey/definition.ts';
import { withFunctions } from '../domain/survey/functions-text.ts';
import type { SurveyRound } from '../domain/survey/round.ts';
import { validateResponse } from '../domain/validation/validate.ts';
import { readRoundDataset } from '../files/dataset.ts';
import type { Db } from '../store/database.ts';
import { saveRound } from '../store/rounds.ts';

/**
 * Refuses a round whose responses could not have been submitted: any hard validation error, named by
 * response, municipality and field. Warnings are the statistician's to control, not the import's.
 */
export function assertSubmittable(
  definition: SurveyDefinition,
  round: SurveyRound,
  language: Language = 'nb',
): void {
  const prefilledOf = new Map(round.invitations.map((i) => [i.municipality, i.prefilled]));
  round.responses.forEach((response, index) => {
    const { errors } = validateResponse(
      definition,
      response,
      prefilledOf.get(response.municipality) ?? {},
      language,
    );
    const first = errors[0];
    if (first) {
      const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
      throw new DomainError(`${first.message}${more}`, [
        'responses.json',
        `response ${index + 1} (municipality ${response.municipality})`,
      ]);
    }
  });
}

/** Reads a round in the exchange format, checks it, and stores it whole or not at all. */
export async function importRound(
  db: Db,
  dir: string,
  definition: SurveyDefinition,
  reference: ReferenceData,
): Promise<SurveyRound> {
  const round = await readRoundDataset(dir, definition, reference);
  // The functions the round splits in its year's chart of accounts (254; from 2024 257 and 258).
  const functions = (await loadChartOfAccounts()).successors(definition.function, round.referenceYear);
  assertSubmittable(withFunctions(definition, functions), round);
  await saveRound(db, definition, { ...round, functions });
  return round;
}
