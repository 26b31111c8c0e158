import type { Answers } from '../domain/forms/answers.ts';
import { publishGrid } from '../domain/forms/grid-publication.ts';
import { loadFormPublicationPlan } from '../files/form-definitions.ts';
import { loadKostraGroups } from '../files/product-data.ts';
import type { Db } from '../store/database.ts';
import { formRoundAnswers } from '../store/form-rounds.ts';
import { savePublications } from '../store/publications.ts';
import { perform } from './action.ts';

/**
 * Publishes a form round's tables as its form's publication plan says (data/publication/<form>.json): each
 * grid by unit, KOSTRA group and country, served by the PxWeb API. Stored together, or nothing; audited.
 */
export async function publishFormRound(
  db: Db,
  roundId: string,
  actor: string,
  now: Date,
): Promise<
  {
    id: string;
    label: string;
    cells: number;
    primary: number;
    secondary: number;
    checked: readonly string[];
  }[]
> {
  const { form, units } = await formRoundAnswers(db, roundId);
  const plans = await loadFormPublicationPlan(form.id);
  const groups = await loadKostraGroups(form.year);
  const labels = new Map(
    [...new Set(groups.values())].map((g) => [g, `KOSTRA-gruppe ${Number(g.slice(3))}`]),
  );
  const published = units.map((u) => ({ ...u, group: groups.get(u.unit), answers: u.answers as Answers }));
  const datasets = plans.map((plan) => publishGrid(form, plan, published, labels, now.toISOString()));
  await perform(db, actor, async (trx) => {
    await savePublications(
      trx,
      roundId,
      actor,
      datasets.map((dataset) => ({ dataset, audit: { checked: dataset.protection.checked } })),
    );
    return {
      result: undefined,
      audit: { action: 'round.publish', subject: roundId, detail: { tables: datasets.map((d) => d.id) } },
    };
  });
  return datasets.map((d) => ({ id: d.id, label: d.label, cells: d.values.length, ...d.protection }));
}
