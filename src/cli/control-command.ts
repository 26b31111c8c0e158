import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { controlAccountsFile } from '../app/control-accounts.ts';
import { exitCodeFor } from '../domain/accounts/control-rules.ts';
import { MUNICIPAL_SKJEMA } from '../domain/accounts/record.ts';
import { accountsHtml } from '../report/accounts-html.ts';
import { UsageError } from './usage-error.ts';

export interface ControlOptions {
  year?: string | undefined;
  skjema?: string | undefined;
  region?: string | undefined;
  quarter?: string | undefined;
  orgnr?: string | undefined;
  json?: string | undefined;
  html?: string | undefined;
  function?: string[] | undefined;
}

/**
 * `kostra control FILE --year Y --skjema S --region R [--orgnr N]`: SSB's controls of a municipal accounting file, a
 * summary on standard output, JSON and HTML reports where asked; exits 0 (nothing or INFO), 1 (WARNING)
 * or 2 (ERROR or FATAL). The quarter defaults to the file name's `_K<n>_`, else an annual file (blank).
 */
export async function controlCommand(file: string | undefined, options: ControlOptions): Promise<void> {
  if (!file || !options.year || !options.skjema || !options.region)
    throw new UsageError('control needs FILE, --year YEAR, --skjema SKJEMA and --region REGION');
  if (!/^\d{4}$/.test(options.year)) throw new UsageError(`--year must be a year, not "${options.year}"`);
  if (!/^\d{6}$/.test(options.region))
    throw new UsageError(`--region must be six digits, not "${options.region}"`);
  if (!(MUNICIPAL_SKJEMA as readonly string[]).includes(options.skjema))
    throw new UsageError(`--skjema must be one of ${MUNICIPAL_SKJEMA.join(', ')}, not "${options.skjema}"`);
  if (options.orgnr !== undefined && !/^\d{9}$/.test(options.orgnr))
    throw new UsageError(`--orgnr must be nine digits, not "${options.orgnr}"`);
  const quarter = options.quarter ?? /_K(\d)_/.exec(basename(file))?.[1] ?? ' ';
  const result = await controlAccountsFile(file, {
    skjema: options.skjema,
    year: Number(options.year),
    quarter,
    region: options.region,
    ...(options.orgnr ? { orgnr: options.orgnr } : {}),
  });
  const { report } = result;
  // One write: a file of many findings prints thousands of lines.
  console.log(
    [
      `${file}: ${report.records} records, ${report.findings.length} findings`,
      ...report.findings.map(
        (f) =>
          `  ${f.severity.padEnd(7)} ${f.rule} ${f.title}: ${f.message}${f.count ? ` (${f.count}: linje ${f.lines.slice(0, 10).join(', ')}${f.count > 10 ? ' …' : ''})` : ''}`,
      ),
    ].join('\n'),
  );
  if (options.json) await writeFile(options.json, JSON.stringify(result, null, 2));
  if (options.html)
    await writeFile(options.html, accountsHtml(result, options.function ?? ['254', '257', '258']));
  process.exitCode = exitCodeFor(report.findings.map((f) => f.severity));
}
