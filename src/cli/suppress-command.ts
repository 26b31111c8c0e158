import { writeFile } from 'node:fs/promises';
import { readInputText } from '../files/input-file.ts';
import type { PrimaryRule } from '../domain/confidentiality/primary.ts';
import { assertPublishable, auditSuppression, suppressTable } from '../domain/confidentiality/suppress.ts';
import { buildTable } from '../domain/confidentiality/table.ts';
import { readInnerCsv } from '../files/inner-csv.ts';
import { suppressedCsv } from '../files/suppressed-csv.ts';
import { highsSolver } from '../solver/highs.ts';
import { UsageError, wholeOption } from './usage-error.ts';

export interface SuppressOptions {
  data?: string | undefined;
  dims?: string[] | undefined;
  freq?: string | undefined;
  value?: string | undefined;
  'max-n'?: string | undefined;
  'keep-zeros'?: boolean | undefined;
  dominance?: string | undefined;
  method?: string | undefined;
  singletons?: boolean | undefined;
  intervals?: string | undefined;
  out?: string | undefined;
}

const seconds = (from: number, to: number) => ((to - from) / 1000).toFixed(2);

/**
 * `kostra suppress`: primary suppression by the rules given, secondary by the Gaussian (default) or optimal
 * method, the audit, and every published cell with its status. A pattern that fails the audit is not
 * written.
 */
export async function suppressCommand(options: SuppressOptions): Promise<void> {
  if (!options.data || !options.dims?.length || !options.out)
    throw new UsageError('suppress needs --data FILE.csv, --dims COLUMNS (one or more) and --out OUT.csv');
  const method = options.method ?? 'gauss';
  if (method !== 'gauss' && method !== 'optimal') throw new UsageError('--method is gauss or optimal');
  const rules: PrimaryRule[] = [];
  if (options['max-n'] !== undefined)
    rules.push({
      kind: 'frequency',
      maxN: wholeOption(options['max-n'], '--max-n'),
      protectZeros: !options['keep-zeros'],
    });
  if (options.dominance !== undefined) {
    const [n, k] = options.dominance.split(',');
    rules.push({
      kind: 'dominance',
      n: wholeOption(n ?? '', '--dominance n'),
      k: wholeOption(k ?? '', '--dominance k'),
    });
  }
  if (rules.length === 0) throw new UsageError('give a primary rule: --max-n N and/or --dominance n,k');
  // --intervals ABS[,REL%]: check (and for the Gaussian method, widen to) attacker intervals by HiGHS.
  const protection = options.intervals
    ? (() => {
        const [absolute, relative] = options.intervals.split(',');
        return { absolute: Number(absolute), relative: relative ? Number(relative) / 100 : 0 };
      })()
    : undefined;
  if (protection && !Number.isFinite(protection.absolute + protection.relative))
    throw new UsageError('--intervals is ABSOLUTE[,PERCENT]');
  const started = performance.now();
  const { dimensions, records } = readInnerCsv(
    await readInputText(options.data),
    { dimensions: options.dims, frequency: options.freq, value: options.value },
    options.data,
  );
  const readAt = performance.now();
  const table = buildTable(dimensions, records, { contributions: options.dominance !== undefined });
  const solver = protection || method === 'optimal' ? await highsSolver() : undefined;
  const outcome = suppressTable(
    table,
    {
      rules,
      method,
      weight: options.value ? 'value' : 'frequency',
      singletons: options.singletons === true,
      ...(protection ? { protection } : {}),
    },
    protection || method === 'optimal' ? solver : undefined,
  );
  const suppressedAt = performance.now();
  const report = auditSuppression(outcome, protection ? { solver: solver!, protection } : {});
  assertPublishable(options.data, report);
  await writeFile(options.out, suppressedCsv(outcome, options.value !== undefined));
  const count = (s: string) => outcome.status.filter((x) => x === s).length;
  const secondaryFrequency = table.cells.reduce(
    (sum, c) => sum + (outcome.status[c.index] === 'secondary' ? c.frequency : 0),
    0,
  );
  console.log(
    `${table.cells.length} cells, ${count('primary')} primary, ${count('secondary')} secondary ` +
      `(frequency ${secondaryFrequency}); audit passed (${report.checked.join(', ')}); ` +
      `read ${seconds(started, readAt)} s, table and suppression ${seconds(readAt, suppressedAt)} s, ` +
      `audit ${seconds(suppressedAt, performance.now())} s; ` +
      `written to ${options.out}`,
  );
}
