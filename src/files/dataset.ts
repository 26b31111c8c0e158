import { join } from 'node:path';
import { DomainError } from '../domain/errors.ts';
import type { ReferenceData } from '../domain/reference.ts';
import type { SurveyDefinition } from '../domain/survey/definition.ts';
import type { SurveyRound } from '../domain/survey/round.ts';
import { readInputText } from './input-file.ts';
import { parseInvitedCsv } from './invited-csv.ts';
import { loadMunicipalities } from './product-data.ts';
import { parseResponsesJson } from './responses-json.ts';

/**
 * Reads a survey round in the exchange format (`invited.csv` + `responses.json`, see data/README.md)
 * into a round of the given survey definition. It checks the format and the codes; the answers' content
 * is checked by validation.
 */
export async function readRoundDataset(
  dir: string,
  definition: SurveyDefinition,
  reference: ReferenceData,
): Promise<SurveyRound> {
  const responsesFile = parseResponsesJson(
    await readInputText(join(dir, 'responses.json')),
    join(dir, 'responses.json'),
  );
  if (responsesFile.unit !== definition.unit)
    throw new DomainError(
      `unit "${responsesFile.unit}", the survey ${definition.id} counts in "${definition.unit}"`,
      [join(dir, 'responses.json'), 'unit'],
    );
  const invitations = parseInvitedCsv(await readInputText(join(dir, 'invited.csv')), {
    file: join(dir, 'invited.csv'),
    referenceYear: responsesFile.referenceYear,
    sizeGroups: reference.sizeGroups.map((g) => g.code),
    criteria: reference.criteria.map((c) => c.code),
    measures: definition.measures.map((m) => m.code),
    municipalities: await loadMunicipalities(responsesFile.referenceYear),
  });
  const invited = new Set(invitations.map((i) => i.municipality));
  responsesFile.responses.forEach((r, index) => {
    if (!invited.has(r.municipality))
      throw new DomainError('municipality is not in invited.csv', [
        join(dir, 'responses.json'),
        `response ${index + 1} (municipality ${r.municipality})`,
        'municipality',
      ]);
  });
  return {
    id: responsesFile.survey,
    definitionId: definition.id,
    referenceYear: responsesFile.referenceYear,
    unit: responsesFile.unit,
    invitations,
    responses: responsesFile.responses,
  };
}
