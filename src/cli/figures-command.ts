import { writeFile } from 'node:fs/promises';
import { controlAccountsFile, declaredByFile } from '../app/control-accounts.ts';
import { arithmetic } from '../domain/accounts/key-figures.ts';
import { formatNorwegian } from '../domain/number-format.ts';
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
  // One file after another: a small file is read at once, a large one in chunks (the next read while one is
  // controlled), and each file after the first finds most of its combinations judged by those before it.
  const all = [];
  for (const file of files) {
    const declared = declaredByFile(file);
    const { functions } = await controlAccountsFile(file, declared, { functions: wanted });
    const done = { file, region: declared.region, year: declared.year, functions };
    all.push(done);
    const lines = [`${file} (region ${done.region}, ${done.year})`];
    for (const f of done.functions) {
      lines.push(`  funksjon ${f.function}${f.name ? ` ${f.name}` : ''}`);
      for (const k of f.figures)
        lines.push(
          `    ${k.code.padEnd(5)} ${formatNorwegian(k.value).padStart(12)}  = ${arithmetic(k, formatNorwegian)}`,
        );
    }
    // Written as it is, not formatted by console.log: a national year prints 356 of these.
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  if (options.json) await writeFile(options.json, JSON.stringify(all, null, 2));
}
