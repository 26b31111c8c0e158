import { regionCodelists } from '../domain/publication/region-codelists.ts';
import { publishSplit, sizeGroupCode } from '../domain/publication/split-publication.ts';
import type { ReferenceData } from '../domain/reference.ts';
import type { SurveyRound } from '../domain/survey/round.ts';
import {
  loadKostraGroups,
  loadMunicipalityRows,
  loadPublicationPlan,
  loadReferenceData,
} from '../files/product-data.ts';
import { highsSolver } from '../solver/highs.ts';
import type { Db } from '../store/database.ts';
import { savePublications } from '../store/publications.ts';
import { loadRound, roundKind } from '../store/rounds.ts';
import { publishFormRound } from './publish-form-round.ts';
import { perform } from './action.ts';
import { loadFileLinks } from './statbank-files.ts';

export interface PublishedSummary {
  readonly id: string;
  readonly label: string;
  readonly primary: number;
  readonly secondary: number;
  readonly checked: readonly string[];
}

/**
 * A round published, each table with its StatBank load files (or why it has none): a survey round's split, or
 * a form round's tables as its form's publication plan says.
 */
export async function publishRoundWithLoadFiles(db: Db, roundId: string, actor: string, now: Date) {
  const tables: readonly PublishedSummary[] =
    (await roundKind(db, roundId)) === 'form'
      ? await publishFormRound(db, roundId, actor, now)
      : await publishRound(db, roundId, actor, now);
  return Promise.all(tables.map(async (t) => ({ ...t, loadFiles: await loadFileLinks(db, t.id) })));
}

/**
 * Publishes a round's split as its survey's publication plan says: every table suppressed, audited
 * (exact disclosure, singletons, attacker intervals by HiGHS) and stored, or, if one fails its audit,
 * nothing, with the error naming the table, measure and cell.
 */
export async function publishRound(
  db: Db,
  roundId: string,
  actor: string,
  now: Date,
): Promise<PublishedSummary[]> {
  const { definition, round } = await loadRound(db, roundId);
  const plan = await loadPublicationPlan(definition.id);
  const reference = await loadReferenceData();
  const solver = await highsSolver();
  const codelists = await codelistsFor(round, reference);
  const published = plan.tables.map((t) =>
    publishSplit(round, definition, reference, plan, t, solver, now.toISOString(), codelists),
  );
  await perform(db, actor, async (trx) => {
    await savePublications(
      trx,
      roundId,
      actor,
      published.map((p) => ({
        dataset: p.dataset,
        audit: p.audits.map((a) => ({
          measure: a.measure,
          passed: a.report.passed,
          checked: a.report.checked,
          intervals: a.report.intervals.map((i) => ({
            cell: i.cell,
            value: i.value,
            lower: i.lower,
            upper: i.upper,
            required: i.required,
          })),
        })),
      })),
    );
    return {
      result: undefined,
      audit: {
        action: 'round.publish',
        subject: roundId,
        detail: { tables: published.map((p) => p.dataset.id) },
      },
    };
  });
  return published.map((p) => ({
    id: p.dataset.id,
    label: p.dataset.label,
    primary: p.dataset.protection.primary,
    secondary: p.dataset.protection.secondary,
    checked: p.dataset.protection.checked,
  }));
}

/** The groupings of the round's year a reader may aggregate its municipalities by. */
async function codelistsFor(round: SurveyRound, reference: ReferenceData) {
  const year = round.referenceYear;
  return regionCodelists({
    year,
    municipalities: (await loadMunicipalityRows(year)) ?? [],
    kostraGroups: await loadKostraGroups(year),
    sizeGroups: reference.sizeGroups.map((g) => ({
      code: sizeGroupCode(g.code),
      label: g.labels.nb,
      labelEn: g.labels.en,
      municipalities: round.invitations.filter((i) => i.sizeGroup === g.code).map((i) => i.municipality),
    })),
  });
}
