import { execFile } from 'node:child_process';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { measured, median, type Measure } from './measured.ts';
import { writeSyntheticAccounts } from './synthetic-accounts.ts';

/**
 * Control plus key figures on a synthetic national year (356 files, about 600 000 records) and on one file
 * of 10 million records: `kostra control` in a fresh process per file, its time and peak memory, beside
 * `wc -l` on the same files in the same run. Prints a Markdown table for bench/RESULTS.md.
 * Usage: npm run bench:accounts [-- REPEAT]
 */
const run = promisify(execFile);
const ROOT = new URL('../', import.meta.url).pathname;
const OUT = join(ROOT, 'bench/out/accounts');
const REPEAT = Number(process.argv[2] ?? 3);

const control = (file: string, region: string) =>
  measured(
    'dist/cli/kostra.mjs',
    ['control', file, '--year', '2022', '--skjema', '0A', '--region', region],
    // Exit code 1 (warnings: the duplicate keys of a 10-million-record file) still measures.
    { accepted: [1] },
  );

/** `kostra figures` over many files in one process: control and key figures of a whole year at once. */
const figures = (files: string[]) => measured('dist/cli/kostra.mjs', ['figures', ...files]);

async function wc(files: string[]): Promise<number> {
  const started = performance.now();
  await run('wc', ['-l', ...files], { maxBuffer: 1 << 26 });
  return (performance.now() - started) / 1000;
}

await run(process.execPath, ['build.mjs'], { cwd: ROOT });
await rm(OUT, { recursive: true, force: true });
await mkdir(join(OUT, 'national'), { recursive: true });
// A national year: 356 municipalities (the 2022 codes), 1,000 to 3,000 records each.
const regions = Array.from({ length: 356 }, (_, i) => `${String(3000 + i).padStart(4, '0')}00`);
let records = 0;
for (const [i, region] of regions.entries())
  records += await writeSyntheticAccounts(
    join(OUT, 'national', `0A_V2022_R${region}.dat`),
    region,
    1000 + ((i * 577) % 2000),
    i + 1,
  );
const big = join(OUT, 'big.dat');
const bigRecords = await writeSyntheticAccounts(big, '340100', 10_000_000, 42);
const files = (await readdir(join(OUT, 'national'))).map((f) => join(OUT, 'national', f));

console.log(
  `${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
);
console.log(
  '| input | records | MB | seconds (median) | records/s | peak MiB | `wc -l` s (median) | ratio |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
{
  const times: number[] = [];
  let peak = 0;
  for (let r = 0; r < REPEAT; r++) {
    let total = 0;
    for (const file of files) {
      const m = await control(file, /_R(\d{6})\./.exec(file)![1]!);
      total += m.seconds;
      peak = Math.max(peak, m.peakMiB);
    }
    times.push(total);
  }
  const wcs: number[] = [];
  for (let r = 0; r < REPEAT; r++) wcs.push(await wc(files));
  const bytes = (await Promise.all(files.map((f) => stat(f)))).reduce((s, x) => s + x.size, 0);
  const t = median(times);
  console.log(
    `| national year, 356 files, \`kostra control\` in a process per file | ${records.toLocaleString('en')} | ${(bytes / 1e6).toFixed(0)} | ${t.toFixed(2)} | ${Math.round(records / t).toLocaleString('en')} | ${peak.toFixed(0)} | ${median(wcs).toFixed(3)} | ${(t / median(wcs)).toFixed(0)} |`,
  );
}
{
  const runs: Measure[] = [];
  for (let r = 0; r < REPEAT; r++) runs.push(await figures(files));
  const wcs: number[] = [];
  for (let r = 0; r < REPEAT; r++) wcs.push(await wc(files));
  const bytes = (await Promise.all(files.map((f) => stat(f)))).reduce((s, x) => s + x.size, 0);
  const t = median(runs.map((m) => m.seconds));
  console.log(
    `| national year, 356 files, one \`kostra figures\` process | ${records.toLocaleString('en')} | ${(bytes / 1e6).toFixed(0)} | ${t.toFixed(2)} | ${Math.round(records / t).toLocaleString('en')} | ${Math.max(...runs.map((m) => m.peakMiB)).toFixed(0)} | ${median(wcs).toFixed(3)} | ${(t / median(wcs)).toFixed(0)} |`,
  );
}
{
  const runs: Measure[] = [];
  for (let r = 0; r < REPEAT; r++) runs.push(await control(big, '340100'));
  const wcs: number[] = [];
  for (let r = 0; r < REPEAT; r++) wcs.push(await wc([big]));
  const t = median(runs.map((m) => m.seconds));
  console.log(
    `| one file, \`kostra control\` | ${bigRecords.toLocaleString('en')} | ${((await stat(big)).size / 1e6).toFixed(0)} | ${t.toFixed(2)} | ${Math.round(bigRecords / t).toLocaleString('en')} | ${Math.max(...runs.map((m) => m.peakMiB)).toFixed(0)} | ${median(wcs).toFixed(3)} | ${(t / median(wcs)).toFixed(0)} |`,
  );
}
