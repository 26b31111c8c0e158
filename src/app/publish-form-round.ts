import type { Answers } from '../domain/forms/answers.ts';
import { publishGrid } from '../domain/forms/grid-publication.ts';
import { loadFormPublicationPlan } from '../files/form-definitions.ts';
import { loadKostraGroups } from '../files/product-data.ts';
import type { Db } from '../store/database.ts';
import { formRoundAnswers } from '../store/form-rounds.ts';
import { perform } from './action.ts';
import { FINAL, publishPeriods, type PublishedSummary, type PublishOptions } from './publish-series.ts';

/** A form round's tables as its publication plan makes them, nothing stored; with the units answering. */
export async function formRoundTables(db: Db, roundId: string, now: Date) {
  const { form, invited, units } = await formRoundAnswers(db, roundId);
  const plans = await loadFormPublicationPlan(form.id);
  const groups = await loadKostraGroups(form.year);
  const labels = new Map(
    [...new Set(groups.values())].map((g) => [g, `KOSTRA-gruppe ${Number(g.slice(3))}`]),
  );
  const published = units.map((u) => ({ ...u, group: groups.get(u.unit), answers: u.answers as Answers }));
  const datasets = plans.map((plan) => publishGrid(form, plan, published, labels, now.toISOString()));
  return { form, invited, units, datasets };
}

/**
 * Publishes a form round's tables as its form's publication plan says (data/publication/<form>.json): each
 * grid by unit, KOSTRA group and country, served by the PxWeb API. Stored together, or nothing; audited.
 */
export async function publishFormRound(
  db: Db,
  roundId: string,
  actor: string,
  now: Date,
  options: PublishOptions = FINAL,
): Promise<(PublishedSummary & { readonly cells: number })[]> {
  const { form, datasets } = await formRoundTables(db, roundId, now);
  const period = String(form.year);
  const revisions = await perform(db, actor, async (trx) => {
    const revisions = await publishPeriods(
      trx,
      roundId,
      actor,
      now,
      datasets.map((dataset) => ({ ...options, dataset, audit: { checked: dataset.protection.checked } })),
    );
    return {
      result: revisions,
      audit: {
        action: 'round.publish',
        subject: roundId,
        detail: { tables: datasets.map((d) => d.id), period, ...options, revisions },
      },
    };
  });
  return datasets.map((d, i) => ({
    id: d.id,
    label: d.label,
    period,
    stage: options.stage,
    revision: revisions[i]!,
    cells: d.values.length,
    ...d.protection,
  }));
}
