import { randomInt } from 'node:crypto';
import { drawSample, type Candidate, type SampleDesign, type Selected } from '../domain/collection/sample.ts';
import { checkTimeline, deadlineInstant, type Timeline } from '../domain/collection/timeline.ts';
import { DomainError, noSurveyRound, NotFoundError, notInvited, said } from '../domain/errors.ts';
import type { SurveyDefinition } from '../domain/survey/definition.ts';
import { MAX_AMOUNT } from '../domain/survey/response.ts';
import { loadRound } from '../store/rounds.ts';
import { loadChartOfAccounts } from '../files/accounts-data.ts';
import { loadMunicipalities } from '../files/product-data.ts';
import { csvLines } from '../files/simple-csv.ts';
import type { Db } from '../store/database.ts';
import { findRound, savePrefilledTotals, saveRound, setExtension, setTimeline } from '../store/rounds.ts';
import { findMailTemplate } from '../store/mail-templates.ts';
import type { Statistician } from '../store/statisticians.ts';
import { perform } from './action.ts';

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
  given: Omit<SampleDesign, 'seed'> & { readonly seed?: number },
): Promise<{ selected: Selected[]; design: SampleDesign }> {
  checkTimeline(round.timeline);
  // A seed not given is drawn, and kept with the round and in its audit, so the draw can be made again.
  const design: SampleDesign = { ...given, seed: given.seed ?? randomInt(1, 2 ** 31) };
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
  const functions = (await loadChartOfAccounts()).successors(definition.function, round.referenceYear);
  return perform(db, user.username, async (trx) => {
    await saveRound(trx, definition, {
      id: round.id,
      definitionId: definition.id,
      referenceYear: round.referenceYear,
      unit: definition.unit,
      functions,
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
    await setTimeline(trx, round.id, round.timeline);
    await trx
      .updateTable('survey_round')
      .set({ sample_design: JSON.stringify(design) })
      .where('id', '=', round.id)
      .execute();
    return {
      result: { selected, design },
      audit: {
        action: 'round.create',
        subject: round.id,
        detail: {
          definition: `${definition.id} version ${definition.version}`,
          design,
          selected: selected.length,
        },
      },
    };
  });
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
  csv: string,
): Promise<number> {
  const { definition } = await loadRound(db, roundId);
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
      if (!/^\d+$/.test(amount) || Number(amount) > MAX_AMOUNT)
        throw new DomainError(`"${amount}" is not a whole number of 1000 NOK up to ${MAX_AMOUNT}`, where);
      return { round_id: roundId, municipality, measure, amount: Number(amount) };
    },
  );
  return perform(db, user.username, async (trx) => {
    await savePrefilledTotals(trx, rows);
    return {
      result: rows.length,
      audit: { action: 'round.prefill', subject: roundId, detail: { rows: rows.length } },
    };
  });
}

/** Adds a municipality to a round's sample by hand, with the reason, logged. */
export async function addToSample(
  db: Db,
  user: Statistician,
  roundId: string,
  entry: { municipality: string; sizeGroup: string; reason: string },
): Promise<void> {
  if (entry.reason.trim() === '')
    throw new DomainError(
      said(
        'adding by hand needs a reason',
        'å legge til for hånd krever en begrunnelse',
        'å leggje til for hand krev ei grunngjeving',
      ),
      ['reason'],
    );
  const round = await findRound(db, roundId);
  if (!round) throw new NotFoundError(noSurveyRound(roundId));
  const names = await loadMunicipalities(round.referenceYear);
  if (names && !names.has(entry.municipality))
    throw new DomainError(`${entry.municipality} is no municipality in ${round.referenceYear}`, [
      'municipality',
    ]);
  const exists = await db
    .selectFrom('invitation')
    .select('municipality')
    .where('round_id', '=', roundId)
    .where('municipality', '=', entry.municipality)
    .executeTakeFirst();
  if (exists)
    throw new DomainError(
      said(
        `${entry.municipality} is in the sample already`,
        `${entry.municipality} er allerede i utvalget`,
        `${entry.municipality} er alt i utvalet`,
      ),
      ['municipality'],
    );
  return perform(db, user.username, async (trx) => {
    await trx
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
    return {
      result: undefined,
      audit: {
        action: 'sample.add',
        subject: `${roundId}/${entry.municipality}`,
        detail: { size_group: entry.sizeGroup, reason: entry.reason.trim() },
      },
    };
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
  if (reason.trim() === '')
    throw new DomainError(
      said(
        'removing by hand needs a reason',
        'å ta ut for hånd krever en begrunnelse',
        'å ta ut for hand krev ei grunngjeving',
      ),
      ['reason'],
    );
  const answered = await db
    .selectFrom('response')
    .select('version')
    .where('round_id', '=', roundId)
    .where('municipality', '=', municipality)
    .executeTakeFirst();
  if (answered)
    throw new DomainError(
      said(
        `${municipality} has answered; its answers stay in the round`,
        `${municipality} har svart; svarene blir i undersøkelsen`,
        `${municipality} har svart; svara blir i undersøkinga`,
      ),
      ['municipality'],
    );
  return perform(db, user.username, async (trx) => {
    const removed = await trx
      .deleteFrom('invitation')
      .where('round_id', '=', roundId)
      .where('municipality', '=', municipality)
      .returningAll()
      .executeTakeFirst();
    if (!removed)
      throw new NotFoundError(
        said(
          `${municipality} is not in the sample of ${roundId}`,
          `${municipality} er ikke i utvalget til ${roundId}`,
          `${municipality} er ikkje i utvalet til ${roundId}`,
        ),
      );
    return {
      result: undefined,
      audit: {
        action: 'sample.remove',
        subject: `${roundId}/${municipality}`,
        detail: {
          old: { size_group: removed.size_group, criteria: removed.criteria },
          reason: reason.trim(),
        },
      },
    };
  });
}

/** Sets a round's timeline; its deadline and extended deadline close the forms. */
export async function setRoundTimeline(
  db: Db,
  user: Statistician,
  roundId: string,
  timeline: Timeline,
): Promise<Timeline> {
  checkTimeline(timeline);
  return perform(db, user.username, async (trx) => {
    const old = await findRound(trx, roundId);
    if (!old) throw new NotFoundError(noSurveyRound(roundId));
    await setTimeline(trx, roundId, timeline);
    return {
      result: timeline,
      audit: { action: 'round.timeline', subject: roundId, detail: { old: old.timeline, new: timeline } },
    };
  });
}

/** Extends one municipality's deadline (null: takes the extension back). */
export async function extendDeadline(
  db: Db,
  user: Statistician,
  roundId: string,
  municipality: string,
  until: string | null,
): Promise<void> {
  return perform(db, user.username, async (trx) => {
    const old = await trx
      .selectFrom('invitation')
      .select('extended_deadline')
      .where('round_id', '=', roundId)
      .where('municipality', '=', municipality)
      .executeTakeFirst();
    if (!old) throw new NotFoundError(notInvited(municipality, roundId));
    // A date alone lasts to the end of that day in Oslo, as a deadline does.
    await setExtension(trx, roundId, municipality, until === null ? null : deadlineInstant(until, ['until']));
    return {
      result: undefined,
      audit: {
        action: 'round.extension',
        subject: `${roundId}/${municipality}`,
        detail: { old: old.extended_deadline?.toISOString() ?? null, new: until },
      },
    };
  });
}

/** Who came to the information meeting: CSV lines `municipality,participants`, all valid or nothing changes. */
export async function recordAttendance(
  db: Db,
  user: Statistician,
  roundId: string,
  csv: string,
): Promise<number> {
  const rows = csvLines(csv, 'municipality').map(
    ({ fields: [municipality = '', participants = ''], number }) => {
      if (!/^\d{1,4}$/.test(participants))
        throw new DomainError(`"${participants}" is not a number of participants`, [
          'attendance.csv',
          `line ${number}`,
        ]);
      return { municipality, participants: Number(participants) };
    },
  );
  return perform(db, user.username, async (trx) => {
    for (const row of rows) {
      const updated = await trx
        .updateTable('invitation')
        .set({ attended_meeting: row.participants > 0, meeting_participants: row.participants })
        .where('round_id', '=', roundId)
        .where('municipality', '=', row.municipality)
        .executeTakeFirst();
      if (updated.numUpdatedRows === 0n)
        throw new DomainError(`${row.municipality} is not invited to ${roundId}`, ['attendance.csv']);
    }
    return { result: rows.length, audit: { action: 'round.attendance', subject: roundId, detail: { rows } } };
  });
}

/** A round's own text for invitations or reminders in one language, replacing the default. */
export async function saveMailTemplate(
  db: Db,
  user: Statistician,
  roundId: string,
  template: { kind: 'invitation' | 'reminder'; language: 'nb' | 'nn'; subject: string; body: string },
): Promise<void> {
  const { kind, language, subject, body } = template;
  if (!(await findRound(db, roundId))) throw new NotFoundError(noSurveyRound(roundId));
  return perform(db, user.username, async (trx) => {
    const old = await findMailTemplate(trx, roundId, kind, language);
    await trx
      .insertInto('mail_template')
      .values({ round_id: roundId, kind, language, subject, body })
      .onConflict((oc) => oc.columns(['round_id', 'kind', 'language']).doUpdateSet({ subject, body }))
      .execute();
    return {
      result: undefined,
      audit: {
        action: 'round.template',
        subject: roundId,
        detail: { kind, language, old: old ?? null, new: { subject, body } },
      },
    };
  });
}
