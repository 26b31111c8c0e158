import { drawSample, type Candidate, type SampleDesign, type Selected } from '../domain/collection/sample.ts';
import { checkTimeline, type Timeline } from '../domain/collection/timeline.ts';
import { DomainError } from '../domain/errors.ts';
import type { SurveyDefinition } from '../domain/survey/definition.ts';
import { loadChartOfAccounts } from '../files/accounts-data.ts';
import { loadMunicipalities } from '../files/product-data.ts';
import { csvLines } from '../files/simple-csv.ts';
import type { Db } from '../store/database.ts';
import { savePrefilledTotals, saveRound, setTimeline } from '../store/rounds.ts';
import { logAction, type Statistician } from '../store/statisticians.ts';

export interface CandidateInput extends Candidate {
  readonly populationApprox?: number | undefined;
}

/**
 * Creates a round: the sample drawn by the design (the seed recorded with it), every selected municipality
 * invited with its name of the reference year, the timeline set. All of it, or nothing.
 */
export async function createRound(
  db: Db,
  user: Statistician,
  definition: SurveyDefinition,
  round: { id: string; referenceYear: number; timeline: Timeline },
  candidates: readonly CandidateInput[],
  design: SampleDesign,
): Promise<Selected[]> {
  checkTimeline(round.timeline);
  const names = await loadMunicipalities(round.referenceYear);
  for (const c of candidates) {
    if (names && !names.has(c.municipality))
      throw new DomainError(`${c.municipality} is no municipality in ${round.referenceYear}`, [
        'candidates',
        c.municipality,
      ]);
  }
  const selected = drawSample(candidates, design);
  const populationOf = new Map(candidates.map((c) => [c.municipality, c.populationApprox ?? null]));
  const criteriaOf = new Map(candidates.map((c) => [c.municipality, c.criteria]));
  await saveRound(db, definition, {
    id: round.id,
    definitionId: definition.id,
    referenceYear: round.referenceYear,
    unit: definition.unit,
    functions: (await loadChartOfAccounts()).successors(definition.function, round.referenceYear),
    invitations: selected.map((s) => ({
      municipality: s.municipality,
      name: names?.get(s.municipality) ?? s.municipality,
      sizeGroup: s.sizeGroup,
      asss: (criteriaOf.get(s.municipality) ?? []).includes('ASSS'),
      criteria: [...new Set([...(criteriaOf.get(s.municipality) ?? []), ...s.reasons])],
      attendedMeeting: false,
      meetingParticipants: 0,
      populationApprox: populationOf.get(s.municipality) ?? null,
      prefilled: {},
    })),
    responses: [],
  });
  await setTimeline(db, round.id, round.timeline);
  await db
    .updateTable('survey_round')
    .set({ sample_design: JSON.stringify(design) })
    .where('id', '=', round.id)
    .execute();
  await logAction(db, user.username, 'round.create', round.id, { design, selected: selected.length });
  return selected;
}

/**
 * Loads prefilled totals from CSV lines `municipality,measure,amount` (1000 NOK), replacing those of the
 * named municipalities; a line that names no invited municipality or no measure of the survey is refused
 * with its line number, and then nothing changes.
 */
export async function loadPrefilledCsv(
  db: Db,
  user: Statistician,
  roundId: string,
  definition: SurveyDefinition,
  csv: string,
): Promise<number> {
  const invited = new Set(
    (await db.selectFrom('invitation').select('municipality').where('round_id', '=', roundId).execute()).map(
      (i) => i.municipality,
    ),
  );
  const measures = new Set(definition.measures.map((m) => m.code));
  const rows = csvLines(csv, 'municipality').map(
    ({ fields: [municipality = '', measure = '', amount = ''], number }) => {
      const where = ['prefilled.csv', `line ${number}`];
      if (!invited.has(municipality))
        throw new DomainError(`${municipality} is not invited to ${roundId}`, where);
      if (!measures.has(measure)) throw new DomainError(`unknown measure ${measure}`, where);
      if (!/^\d+$/.test(amount))
        throw new DomainError(`"${amount}" is not a whole number of 1000 NOK`, where);
      return { round_id: roundId, municipality, measure, amount: Number(amount) };
    },
  );
  await savePrefilledTotals(db, rows);
  await logAction(db, user.username, 'round.prefill', roundId, { rows: rows.length });
  return rows.length;
}

/** Adds a municipality to a round's sample by hand, with the reason, logged. */
export async function addToSample(
  db: Db,
  user: Statistician,
  roundId: string,
  entry: { municipality: string; sizeGroup: string; reason: string; referenceYear: number },
): Promise<void> {
  if (entry.reason.trim() === '') throw new DomainError('adding by hand needs a reason', ['reason']);
  const names = await loadMunicipalities(entry.referenceYear);
  if (names && !names.has(entry.municipality))
    throw new DomainError(`${entry.municipality} is no municipality in ${entry.referenceYear}`, [
      'municipality',
    ]);
  const exists = await db
    .selectFrom('invitation')
    .select('municipality')
    .where('round_id', '=', roundId)
    .where('municipality', '=', entry.municipality)
    .executeTakeFirst();
  if (exists) throw new DomainError(`${entry.municipality} is in the sample already`, ['municipality']);
  await db
    .insertInto('invitation')
    .values({
      round_id: roundId,
      municipality: entry.municipality,
      name: names?.get(entry.municipality) ?? entry.municipality,
      size_group: entry.sizeGroup,
      asss: false,
      criteria: ['BY_HAND'],
      attended_meeting: false,
      meeting_participants: 0,
      population_approx: null,
    })
    .execute();
  await logAction(db, user.username, 'sample.add', `${roundId}/${entry.municipality}`, {
    reason: entry.reason.trim(),
  });
}

/** Takes a municipality out of a round's sample by hand, with the reason; refused once it has answered. */
export async function removeFromSample(
  db: Db,
  user: Statistician,
  roundId: string,
  municipality: string,
  reason: string,
): Promise<void> {
  if (reason.trim() === '') throw new DomainError('removing by hand needs a reason', ['reason']);
  const answered = await db
    .selectFrom('response')
    .select('version')
    .where('round_id', '=', roundId)
    .where('municipality', '=', municipality)
    .executeTakeFirst();
  if (answered)
    throw new DomainError(`${municipality} has answered; its answers stay in the round`, ['municipality']);
  const removed = await db
    .deleteFrom('invitation')
    .where('round_id', '=', roundId)
    .where('municipality', '=', municipality)
    .executeTakeFirst();
  if (removed.numDeletedRows === 0n)
    throw new DomainError(`${municipality} is not in the sample of ${roundId}`);
  await logAction(db, user.username, 'sample.remove', `${roundId}/${municipality}`, {
    reason: reason.trim(),
  });
}
