import { writeFile } from 'node:fs/promises';
import { controlAccountsFile } from '../app/control-accounts.ts';
import { arithmetic } from '../domain/accounts/key-figures.ts';
import { formatNorwegian } from '../domain/number-format.ts';
import { declaredByFile } from '../app/ingest-accounts.ts';
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
    const declared = await declaredByFile(file);
    const result = await controlAccountsFile(file, declared);
    const functions = result.functions.filter((f) => wanted.includes(f.function));
    all.push({ file, region: declared.region, year: declared.year, functions });
    console.log(`${file} (region ${declared.region}, ${declared.year})`);
    for (const f of functions) {
      console.log(`  funksjon ${f.function}${f.name ? ` ${f.name}` : ''}`);
      for (const k of f.figures)
        console.log(
          `    ${k.code.padEnd(5)} ${formatNorwegian(k.value).padStart(12)}  = ${arithmetic(k, formatNorwegian)}`,
        );
    }
  }
  if (options.json) await writeFile(options.json, JSON.stringify(all, null, 2));
}
