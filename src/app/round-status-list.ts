import {
  readSubmitter,
  responseStatus,
  type MailState,
  type StatusListRow,
} from '../domain/collection/status-list.ts';

/** A submitter as the list shows one: with a name and an e-mail, or none. */
function listedSubmitter(stored: unknown): StatusListRow['submitter'] {
  const { name, email, phone } = readSubmitter(stored);
  return name && email ? { name, email, ...(phone ? { phone } : {}) } : null;
}
import { noSurveyRound, NotFoundError } from '../domain/errors.ts';
import type { Db } from '../store/database.ts';
import { roundControls } from './control-round.ts';
import { roundThresholds } from './control-thresholds.ts';
import { regionsInYear } from './municipal-structures.ts';

/**
 * Every municipality (or district) of a survey round as the statistician's status list shows it: where it
 * stands, who submitted and how long it took, its contact address and extension, the last mail and whether
 * it bounced, and its pending control flags under the round's thresholds. Four queries, whatever the size.
 */
export async function roundStatusList(db: Db, roundId: string): Promise<StatusListRow[]> {
  const round = await db
    .selectFrom('survey_round')
    .select(['reference_year', 'definition_id'])
    .where('id', '=', roundId)
    .executeTakeFirst();
  if (!round?.definition_id) throw new NotFoundError(noSurveyRound(roundId));
  const [invited, versions, mail, flags, regions] = await Promise.all([
    db
      .selectFrom('invitation')
      .select(['municipality', 'name', 'size_group', 'contact_email', 'language', 'extended_deadline'])
      .where('round_id', '=', roundId)
      .orderBy('municipality')
      .execute(),
    db
      .selectFrom('response')
      .select(['municipality', 'status', 'created_at', 'submitted_at', 'submitted_by', 'minutes_spent'])
      .where('round_id', '=', roundId)
      .orderBy('version')
      .execute(),
    db
      .selectFrom('outbox')
      .select(['municipality', 'kind', 'status'])
      .where('round_id', '=', roundId)
      .orderBy('id')
      .execute(),
    roundThresholds(db, roundId).then((t) => roundControls(db, roundId, t)),
    regionsInYear(round.reference_year),
  ]);
  // By municipality: versions in order, so the last seen is the latest. The submitter is the last one a
  // respondent gave (a statistician's correction is a submitted version without one).
  const responses = new Map<
    string,
    { submissions: number; lastSaved: Date; submitted?: (typeof versions)[number] }
  >();
  for (const v of versions) {
    const seen = responses.get(v.municipality) ?? { submissions: 0, lastSaved: v.created_at };
    responses.set(
      v.municipality,
      v.status === 'submitted'
        ? {
            submissions: seen.submissions + 1,
            lastSaved: v.created_at,
            submitted: v.submitted_by === null && seen.submitted ? seen.submitted : v,
          }
        : { ...seen, lastSaved: v.created_at },
    );
  }
  const lastMail = new Map<string, { state: MailState; kind: string }>();
  for (const m of mail) lastMail.set(m.municipality, { state: m.status, kind: m.kind });
  const pending = new Map<string, { count: number; largest: number }>();
  for (const f of flags) {
    if (f.outcome !== 'pending') continue;
    const seen = pending.get(f.municipality) ?? { count: 0, largest: 0 };
    pending.set(f.municipality, {
      count: seen.count + 1,
      largest: Math.max(seen.largest, Math.abs(f.deviation)),
    });
  }
  return invited.map((i) => {
    const response = responses.get(i.municipality);
    const county = regions.countyOf.get(i.municipality.slice(0, 4));
    const flagged = pending.get(i.municipality);
    const submitted = response?.submitted;
    const lastMailed = lastMail.get(i.municipality);
    return {
      municipality: i.municipality,
      name: i.name,
      countyCode: county?.code ?? '',
      countyName: county?.name ?? '',
      sizeGroup: i.size_group,
      status: responseStatus(response ? 1 : 0, response?.submissions ?? 0),
      lastSaved: response?.lastSaved ?? null,
      submittedAt: submitted?.submitted_at ?? null,
      submitter: listedSubmitter(submitted?.submitted_by),
      minutesSpent: submitted?.minutes_spent ?? null,
      contactEmail: i.contact_email,
      language: i.language,
      extendedDeadline: i.extended_deadline,
      mail: lastMailed?.state ?? 'none',
      mailKind: lastMailed?.kind ?? null,
      pendingFlags: flagged?.count ?? 0,
      largestDeviation: flagged ? flagged.largest : null,
    };
  });
}
