import { DomainError } from '../domain/errors.ts';
import {
  homeCareFunctionsOf,
  KEY_FIGURES_TABLE,
  keyFiguresDataset,
} from '../domain/publication/key-figures-publication.ts';
import { regionCodelists } from '../domain/publication/region-codelists.ts';
import type { PublishedDataset } from '../domain/publication/dataset.ts';
import { loadKostraGroups, loadMunicipalityRows, loadSurveyDefinition } from '../files/product-data.ts';
import { loadAccountFigures, municipalitiesWithAccounts } from '../store/accounts.ts';
import type { Db } from '../store/database.ts';
import { publishedStages } from '../store/publications.ts';
import { perform } from './action.ts';
import { yearEndPopulation } from './population.ts';
import { FINAL, publishPeriods, type PublishedSummary, type PublishOptions } from './publish-series.ts';

/**
 * Home care's key figures of an accounting year, as they would be published: from the accounts ingested for
 * the year and the population at its end, for every municipality, county, KOSTRA group and the country.
 */
export async function keyFiguresOfYear(
  db: Db,
  year: number,
  now: Date,
  options: { synthetic?: boolean } = {},
): Promise<PublishedDataset> {
  const municipalities = await loadMunicipalityRows(year);
  const population = await yearEndPopulation(year);
  if (!municipalities || !population)
    throw new DomainError(`the product has no municipalities or population for ${year}`, [String(year)]);
  const reported = await municipalitiesWithAccounts(db, year);
  if (reported.size === 0) throw new DomainError(`no accounts are ingested for ${year}`, [String(year)]);
  const kostraGroups = await loadKostraGroups(year);
  const functions = homeCareFunctionsOf(year).flatMap((f) => f.parts);
  const { measures } = await loadSurveyDefinition('f254');
  return keyFiguresDataset({
    year,
    municipalities,
    kostraGroups,
    population,
    reported,
    figures: await loadAccountFigures(db, year, [...new Set(functions)]),
    measures: measures.map((m) => ({ code: m.code, label: m.labels.nb, labelEn: m.labels.en })),
    updated: now.toISOString(),
    synthetic: options.synthetic === true,
    codelists: regionCodelists({ year, municipalities, kostraGroups, sizeGroups: [] }),
  });
}

/**
 * Publishes an accounting year's key figures as a period of their table; audited. `synthetic` says the
 * ingested accounts are the generator's (the demo), in the table's first note.
 */
export async function publishKeyFigures(
  db: Db,
  year: number,
  actor: string,
  now: Date,
  options: PublishOptions & { synthetic?: boolean } = FINAL,
): Promise<PublishedSummary> {
  const { synthetic, ...publication } = options;
  const dataset = await keyFiguresOfYear(db, year, now, { synthetic: synthetic === true });
  const roundId = `regnskap-${year}`;
  const [revision] = await perform(db, actor, async (trx) => {
    const revisions = await publishPeriods(trx, roundId, actor, now, [
      { ...publication, dataset, audit: { checked: dataset.protection.checked } },
    ]);
    return {
      result: revisions,
      audit: {
        action: 'key-figures.publish',
        subject: String(year),
        detail: { table: dataset.id, period: String(year), ...publication, revisions },
      },
    };
  });
  return {
    id: dataset.id,
    label: dataset.label,
    period: String(year),
    stage: publication.stage,
    revision: revision!,
    ...dataset.protection,
  };
}

/** What publishing a year's key figures would publish: how many municipalities' accounts are in, and what of the year is published already. */
export async function previewKeyFigures(db: Db, year: number) {
  const municipalities = (await loadMunicipalityRows(year)) ?? [];
  const reported = await municipalitiesWithAccounts(db, year);
  const published = await publishedStages(db, KEY_FIGURES_TABLE, String(year));
  return {
    year,
    reported: reported.size,
    expected: municipalities.length,
    missing: municipalities.filter((m) => !reported.has(m.code)).map((m) => `${m.code} ${m.name}`),
    published: published.map((s) => ({
      stage: s.stage,
      revision: s.revision,
      at: s.published_at.toISOString(),
      by: s.published_by,
    })),
  };
}
