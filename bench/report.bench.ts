import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { measured, median, type Measure } from './measured.ts';
import { writeSyntheticRound } from './synthetic-round.ts';

/**
 * The report on synthetic rounds of all 356 municipalities, for 10 reference years: one round through the
 * `kostra report` command in a fresh process (as a statistician runs it), and all ten rounds in one
 * process. Prints a Markdown table for bench/RESULTS.md.
 */
const run = promisify(execFile);
const ROOT = new URL('../', import.meta.url).pathname;
const OUT = join(ROOT, 'bench/out');
const YEARS = Array.from({ length: 10 }, (_, i) => 2012 + i);
const REPEAT = 5;

/** Runs a built module (dist/) without a DATABASE_URL: the embedded database. */
const measuredEmbedded = (module: string, args: string[]) =>
  measured(module, args, { env: { ...process.env, DATABASE_URL: '' } });

await run(process.execPath, ['build.mjs'], { cwd: ROOT });
for (const name of ['all-rounds', 'pglite-floor']) {
  await run(process.execPath, ['build.mjs', `bench/${name}.ts`, `dist/bench/${name}.mjs`], { cwd: ROOT });
}
await rm(OUT, { recursive: true, force: true });
const dirs = YEARS.map((year) => join(OUT, 'data', String(year)));
for (const [i, dir] of dirs.entries()) await writeSyntheticRound(dir, YEARS[i]!);

const floor: Measure[] = [];
for (let i = 0; i < REPEAT; i += 1) floor.push(await measuredEmbedded('dist/bench/pglite-floor.mjs', []));
const one: Measure[] = [];
for (let i = 0; i < REPEAT; i += 1) {
  one.push(
    await measuredEmbedded('dist/cli/kostra.mjs', [
      'report',
      '--data',
      dirs.at(-1)!,
      '--out',
      join(OUT, 'report-one'),
    ]),
  );
}
const all: Measure[] = [];
for (let i = 0; i < REPEAT; i += 1) {
  all.push(await measuredEmbedded('dist/bench/all-rounds.mjs', [join(OUT, 'report-all'), ...dirs]));
}

const row = (name: string, m: Measure[]) =>
  `| ${name} | ${median(m.map((x) => x.seconds)).toFixed(2)} | ${Math.max(...m.map((x) => x.peakMiB)).toFixed(0)} |`;
console.log(
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
);
console.log(`Median of ${REPEAT} runs; peak = the largest maxRSS of the runs.\n`);
console.log('| run | seconds (median) | peak memory (MiB) |');
console.log('|---|---|---|');
console.log(row('floor: in-memory PGlite started, migrated, one query', floor));
console.log(row('`kostra report`, one round of 356 municipalities, fresh process', one));
console.log(row('10 rounds (9 × 356 and 1 × 422 municipalities) imported and reported in one process', all));
