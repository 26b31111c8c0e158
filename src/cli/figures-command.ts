import { writeFile } from 'node:fs/promises';
import { controlAccountsFile, declaredByFile } from '../app/control-accounts.ts';
import { arithmetic } from '../domain/accounts/key-figures.ts';
import { formatNorwegian } from '../domain/number-format.ts';
import { UsageError } from './usage-error.ts';

/** Files controlled at once. */
const FILES_AT_ONCE = 2;

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
  const figuresOf = async (file: string) => {
    const declared = declaredByFile(file);
    const { functions } = await controlAccountsFile(file, declared, { functions: wanted });
    return { file, region: declared.region, year: declared.year, functions };
  };
  // A few files at a time, printed in order: one is read while another is controlled. A file that fails
  // stops the command when its turn comes (the ones ahead of it are printed first).
  const started = files.slice(0, FILES_AT_ONCE).map(figuresOf);
  for (const p of started) p.catch(() => undefined);
  const all = [];
  for (const [i, file] of files.entries()) {
    const done = await started[i]!;
    const next = files[i + FILES_AT_ONCE];
    if (next !== undefined) {
      const p = figuresOf(next);
      p.catch(() => undefined);
      started.push(p);
    }
    all.push(done);
    const lines = [`${file} (region ${done.region}, ${done.year})`];
    for (const f of done.functions) {
      lines.push(`  funksjon ${f.function}${f.name ? ` ${f.name}` : ''}`);
      for (const k of f.figures)
        lines.push(
          `    ${k.code.padEnd(5)} ${formatNorwegian(k.value).padStart(12)}  = ${arithmetic(k, formatNorwegian)}`,
        );
    }
    console.log(lines.join('\n'));
  }
  if (options.json) await writeFile(options.json, JSON.stringify(all, null, 2));
}
