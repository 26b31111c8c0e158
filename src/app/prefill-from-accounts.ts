import { roundedAmount } from '../domain/rounding.ts';
import { loadChartOfAccounts } from '../files/accounts-data.ts';
import { loadAccountFigures } from '../store/accounts.ts';
import type { Db } from '../store/database.ts';
import { loadRound, savePrefilledTotals } from '../store/rounds.ts';
import { perform } from './action.ts';

export interface PrefillSummary {
  /** The functions summed: the survey's own, or what it was split into by the round's year. */
  readonly functions: readonly string[];
  readonly filled: number;
  /** Invited municipalities without ingested accounts for the year. */
  readonly missing: readonly string[];
}

/**
 * Prefills a round's totals from the ingested accounts of its reference year: each invited municipality's
 * measures summed over the survey's function as the chart of accounts has it that year (254 until 2023;
 * 257 and 258 from 2024). Replaces earlier prefilled totals of the municipalities it fills.
 */
export async function prefillFromAccounts(db: Db, by: string, roundId: string): Promise<PrefillSummary> {
  const { definition, round } = await loadRound(db, roundId);
  const chart = await loadChartOfAccounts();
  const functions = chart.successors(definition.function, round.referenceYear);
  const figures = await loadAccountFigures(db, round.referenceYear, functions);
  const measures = new Set(definition.measures.map((m) => m.code));
  const totals = new Map<string, Map<string, number>>();
  for (const f of figures) {
    if (!measures.has(f.measure)) continue;
    const byMeasure = totals.get(f.municipality) ?? new Map<string, number>();
    byMeasure.set(f.measure, (byMeasure.get(f.measure) ?? 0) + f.value);
    totals.set(f.municipality, byMeasure);
  }
  const missing: string[] = [];
  const rows: { round_id: string; municipality: string; measure: string; amount: number }[] = [];
  for (const invitation of round.invitations) {
    const byMeasure = totals.get(invitation.municipality);
    if (!byMeasure) {
      missing.push(invitation.municipality);
      continue;
    }
    for (const [measure, amount] of byMeasure)
      rows.push({
        round_id: roundId,
        municipality: invitation.municipality,
        measure,
        amount: roundedAmount(amount),
      });
  }
  return perform(db, by, async (trx) => {
    await savePrefilledTotals(trx, rows);
    return {
      result: { functions, filled: round.invitations.length - missing.length, missing },
      audit: {
        action: 'round.prefill-from-accounts',
        subject: roundId,
        detail: { functions, rows: rows.length, missing },
      },
    };
  });
}
