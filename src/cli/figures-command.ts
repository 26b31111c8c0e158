import { writeFile } from 'node:fs/promises';
import { controlAccountsFile } from '../app/control-accounts.ts';
import { formatNorwegian } from '../domain/number-format.ts';
import { accountLines } from '../files/accounts-file.ts';
import { parseRecord } from '../domain/accounts/record.ts';
import { DomainError } from '../domain/errors.ts';
import { UsageError } from './usage-error.ts';

/**
 * `kostra figures FILE... [--function F ...] [--json OUT.json]`: the key figures of each file's functions (default
 * 254, 257 and 258) with their arithmetic; skjema, year and region are read from each file's first record.
 */
export async function figuresCommand(
  files: readonly string[],
  options: { function?: string[] | undefined; json?: string | undefined },
): Promise<void> {
  if (files.length === 0) throw new UsageError('figures needs one or more FILE');
  const wanted = options.function ?? ['254', '257', '258'];
  const all = [];
  for (const file of files) {
    let first: string | undefined;
    for await (const { text } of accountLines(file)) {
      first = text;
      break;
    }
    if (!first) throw new DomainError('the file is empty', [file]);
    const head = parseRecord(first, 1);
    if (!/^\d{4}$/.test(head.year)) throw new DomainError(`"${head.year}" is no year`, [file, 'line 1']);
    const result = await controlAccountsFile(file, {
      skjema: head.skjema,
      year: Number(head.year),
      quarter: head.quarter,
      region: head.region,
    });
    const functions = result.functions.filter((f) => wanted.includes(f.function));
    all.push({ file, region: head.region, year: Number(head.year), functions });
    console.log(`${file} (region ${head.region}, ${head.year})`);
    for (const f of functions) {
      console.log(`  funksjon ${f.function}${f.name ? ` ${f.name}` : ''}`);
      for (const k of f.figures)
        console.log(
          `    ${k.code.padEnd(5)} ${formatNorwegian(k.value).padStart(12)}  = ${k.terms.map((t) => `${formatNorwegian(t.amount)} (${t.what})`).join(' + ')}`,
        );
    }
  }
  if (options.json) await writeFile(options.json, JSON.stringify(all, null, 2));
}
