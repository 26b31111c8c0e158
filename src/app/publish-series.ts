import { mergeSeries, servedSlices, type PublicationStage } from '../domain/publication/series.ts';
import { followingInto } from './municipal-structures.ts';
import type { Db } from '../store/database.ts';
import {
  listPeriods,
  listRevisions,
  loadPeriods,
  savePeriods,
  savePublications,
  type PeriodPublication,
} from '../store/publications.ts';

/** How a round's period is published: preliminary or final, and why, when it replaces a publication. */
export interface PublishOptions {
  readonly stage: PublicationStage;
  readonly note?: string;
}

export const FINAL: PublishOptions = { stage: 'final' };

export interface PublishedSummary {
  readonly id: string;
  readonly period: string;
  readonly stage: PublicationStage;
  /** 1 the first time the period is published at this stage, more for each re-publication. */
  readonly revision: number;
  readonly label: string;
  readonly primary: number;
  readonly secondary: number;
  readonly checked: readonly string[];
}

/**
 * Publishes periods of tables (inside the caller's transaction) and serves each table anew as the series
 * of all its periods, municipalities of earlier years followed into the newest period's structure.
 * Returns each period's revision.
 */
export async function publishPeriods(
  trx: Db,
  roundId: string,
  actor: string,
  now: Date,
  periods: readonly PeriodPublication[],
): Promise<number[]> {
  const revisions = await savePeriods(trx, roundId, actor, now, periods);
  const tables = [...new Set(periods.map((p) => p.dataset.id))];
  const series = [];
  for (const id of tables) {
    const slices = await loadPeriods(trx, id);
    const newest = Number(servedSlices(slices).at(-1)!.period);
    const following = Number.isInteger(newest) ? await followingInto(newest) : undefined;
    const dataset = mergeSeries(slices, following);
    series.push({
      dataset,
      audit: { periods: slices.map((s) => ({ period: s.period, stage: s.stage, revision: s.revision })) },
    });
  }
  await savePublications(trx, roundId, actor, series);
  return revisions;
}

/** What is published, period by period, and what each re-publication replaced. */
export async function publicationHistory(db: Db) {
  return { periods: await listPeriods(db), revisions: await listRevisions(db) };
}
