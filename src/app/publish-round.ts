import { regionCodelists } from '../domain/publication/region-codelists.ts';
import { publishSplit, sizeGroupCode, type KostraRegionOf } from '../domain/publication/split-publication.ts';
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
import { loadRound, roundKind } from '../store/rounds.ts';
import { publishFormRound } from './publish-form-round.ts';
import { perform } from './action.ts';
import { yearEndPopulation } from './population.ts';
import { FINAL, publishPeriods, type PublishedSummary, type PublishOptions } from './publish-series.ts';
import { loadFileLinks } from './statbank-files.ts';

/**
 * A round published, each table with its StatBank load files (or why it has none): a survey round's split, or
 * a form round's tables as its form's publication plan says.
 */
export async function publishRoundWithLoadFiles(
  db: Db,
  roundId: string,
  actor: string,
  now: Date,
  options: PublishOptions = FINAL,
) {
  const tables: readonly PublishedSummary[] =
    (await roundKind(db, roundId)) === 'form'
      ? await publishFormRound(db, roundId, actor, now, options)
      : await publishRound(db, roundId, actor, now, options);
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
  options: PublishOptions = FINAL,
): Promise<PublishedSummary[]> {
  const { round, published } = await splitTables(db, roundId, now);
  const revisions = await perform(db, actor, async (trx) => {
    const revisions = await publishPeriods(
      trx,
      roundId,
      actor,
      now,
      published.map((p) => ({
        ...options,
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
      result: revisions,
      audit: {
        action: 'round.publish',
        subject: roundId,
        detail: {
          tables: published.map((p) => p.dataset.id),
          period: String(round.referenceYear),
          ...options,
          revisions,
        },
      },
    };
  });
  return published.map((p, i) => ({
    id: p.dataset.id,
    period: String(round.referenceYear),
    stage: options.stage,
    revision: revisions[i]!,
    label: p.dataset.label,
    primary: p.dataset.protection.primary,
    secondary: p.dataset.protection.secondary,
    checked: p.dataset.protection.checked,
  }));
}

/**
 * A round's split as it would be published, every table suppressed and audited (refused, naming the cell,
 * if an audit fails), nothing stored.
 */
export async function splitTables(db: Db, roundId: string, now: Date) {
  const { definition, round } = await loadRound(db, roundId);
  const plan = await loadPublicationPlan(definition.id);
  const reference = await loadReferenceData();
  const solver = await highsSolver();
  const codelists = await codelistsFor(round, reference);
  const kostraRegions = await kostraRegionsOf(round.referenceYear);
  const population = await yearEndPopulation(round.referenceYear);
  const published = plan.tables.map((t) =>
    publishSplit(
      round,
      definition,
      reference,
      plan,
      t,
      solver,
      now.toISOString(),
      codelists,
      kostraRegions,
      population,
    ),
  );
  return { definition, round, published };
}

/** Each municipality's county and KOSTRA group in a year. */
async function kostraRegionsOf(year: number): Promise<Map<string, KostraRegionOf>> {
  const groups = await loadKostraGroups(year);
  return new Map(
    ((await loadMunicipalityRows(year)) ?? []).map((m) => [
      m.code,
      { countyCode: m.countyCode, countyName: m.countyName, group: groups.get(m.code) },
    ]),
  );
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
