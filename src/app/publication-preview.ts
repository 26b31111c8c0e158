import { combinations, type PublishedDataset } from '../domain/publication/dataset.ts';
import { percent } from '../domain/rounding.ts';
import type { Db } from '../store/database.ts';
import { publishedStages } from '../store/publications.ts';
import { roundKind } from '../store/rounds.ts';
import { roundControls } from './control-round.ts';
import { controlFormRoundAgainstLastYear } from './form-controls.ts';
import { formRoundTables } from './publish-form-round.ts';
import { splitTables } from './publish-round.ts';

/** The thresholds the worklist opens with (the staff page's defaults). */
const WORKLIST = { relative: 0.1, absolute: 1000 };
/** How many withheld cells a preview names; the count says how many there are. */
const NAMED = 100;

export interface TablePreview {
  readonly id: string;
  readonly label: string;
  readonly period: string;
  /** What is published of the period already: each stage and its revision. */
  readonly published: readonly { stage: string; revision: number; at: string; by: string }[];
  readonly primary: number;
  readonly secondary: number;
  readonly checked: readonly string[];
  /** Where amounts are withheld (region and category, with the measures), the first hundred. */
  readonly withheld: readonly string[];
  readonly withheldCount: number;
}

export interface PublicationPreview {
  readonly round: string;
  readonly period: string;
  readonly responded: number;
  readonly expected: number;
  readonly responseRate: number | null;
  /** Control flags no statistician has confirmed or corrected (the worklist, or deviations from last year). */
  readonly pendingFlags: number;
  readonly tables: readonly TablePreview[];
}

/**
 * The withheld cells of a dataset's amounts, a line for each combination of the other variables with the
 * measures withheld there ("3414 Nord-Odal · BPA: AGD10, AGD2"); ratios are withheld with their amounts.
 */
function withheldCells(dataset: PublishedDataset): { lines: string[]; cells: number } {
  const sizes = dataset.dimensions.map((d) => d.categories.length);
  const metric = dataset.dimensions.findIndex((d) => d.role === 'metric');
  const lines = new Map<string, string[]>();
  let cells = 0;
  let at = 0;
  for (const picked of combinations(sizes)) {
    const i = at++;
    if (dataset.status[i] !== ':') continue;
    const measure = metric >= 0 ? dataset.dimensions[metric]!.categories[picked[metric]!]! : undefined;
    if (measure?.ratio) continue;
    cells++;
    const where = dataset.dimensions
      .filter((d, di) => d.role !== 'time' && di !== metric)
      .map((d) => d.categories[picked[dataset.dimensions.indexOf(d)]!]!.label)
      .join(' · ');
    lines.set(where, [...(lines.get(where) ?? []), ...(measure ? [measure.code] : [])]);
  }
  return {
    lines: [...lines].map(([where, measures]) =>
      measures.length ? `${where}: ${measures.join(', ')}` : where,
    ),
    cells,
  };
}

/**
 * What publishing a round would publish, computed as publishing computes it (suppressed and audited) and
 * nothing stored: the response rate, the control flags still pending, and per table what is published of
 * the period already (so a re-publication is seen to be one) and what suppression withholds.
 */
export async function previewPublication(db: Db, roundId: string, now: Date): Promise<PublicationPreview> {
  let period: string;
  let responded: number;
  let expected: number;
  let pendingFlags: number;
  let datasets: PublishedDataset[];
  if ((await roundKind(db, roundId)) === 'form') {
    const tables = await formRoundTables(db, roundId, now);
    period = String(tables.form.year);
    responded = tables.units.length;
    expected = tables.invited;
    pendingFlags = (await controlFormRoundAgainstLastYear(db, roundId)).deviations.length;
    datasets = tables.datasets;
  } else {
    const { round, published } = await splitTables(db, roundId, now);
    period = String(round.referenceYear);
    responded = round.responses.length;
    expected = round.invitations.length;
    pendingFlags = (await roundControls(db, roundId, WORKLIST)).filter((f) => f.outcome === 'pending').length;
    datasets = published.map((p) => p.dataset);
  }
  const tables: TablePreview[] = [];
  for (const d of datasets) {
    const withheld = withheldCells(d);
    tables.push({
      id: d.id,
      label: d.label,
      period,
      published: (await publishedStages(db, d.id, period)).map((s) => ({
        stage: s.stage,
        revision: s.revision,
        at: s.published_at.toISOString(),
        by: s.published_by,
      })),
      ...d.protection,
      withheld: withheld.lines.slice(0, NAMED),
      withheldCount: withheld.cells,
    });
  }
  return {
    round: roundId,
    period,
    responded,
    expected,
    responseRate: percent(responded, expected, 1),
    pendingFlags,
    tables,
  };
}
