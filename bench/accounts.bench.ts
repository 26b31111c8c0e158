import { execFile } from 'node:child_process';
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
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

async function wc(files: readonly string[]): Promise<number> {
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
  "| input | records | MB | seconds (median) | records/s | peak MiB | `wc -l` s (median) | ratio | command s, with Node's boot | ratio |",
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');

/**
 * A row of the table: REPEAT runs of ours, each followed by `wc -l` on the same files (alternating, so that
 * a drift of the machine's speed touches both alike), the runs' median times and largest peak.
 */
async function row(input: string, on: readonly string[], records: number, once: () => Promise<Measure>) {
  const runs: Measure[] = [];
  const wcs: number[] = [];
  for (let r = 0; r < REPEAT; r++) {
    runs.push(await once());
    wcs.push(await wc(on));
  }
  const bytes = (await Promise.all(on.map((f) => stat(f)))).reduce((s, x) => s + x.size, 0);
  const t = median(runs.map((m) => m.seconds));
  const wall = median(runs.map((m) => m.wallSeconds));
  const w = median(wcs);
  const ratio = (seconds: number) => (records ? (seconds / w).toFixed(1) : '–');
  console.log(
    `| ${input} | ${records.toLocaleString('en')} | ${(bytes / 1e6).toFixed(0)} | ${t.toFixed(2)} | ${records ? Math.round(records / t).toLocaleString('en') : '–'} | ${Math.max(...runs.map((m) => m.peakMiB)).toFixed(0)} | ${w.toFixed(3)} | ${ratio(t)} | ${wall.toFixed(2)} | ${ratio(wall)} |`,
  );
}

// 356 processes, summed: a measure is the time and peak of one file's run.
await row('national year, `kostra control` in a process per file (356 runs)', files, records, async () => {
  let seconds = 0;
  let wallSeconds = 0;
  let peakMiB = 0;
  for (const file of files) {
    const m = await control(file, /_R(\d{6})\./.exec(file)![1]!);
    seconds += m.seconds;
    wallSeconds += m.wallSeconds;
    peakMiB = Math.max(peakMiB, m.peakMiB);
  }
  return { seconds, wallSeconds, peakMiB, stdout: '' };
});
await row('national year, one `kostra figures` process over the 356 files', files, records, () =>
  figures(files),
);
await row('one file, `kostra control`', [big], bigRecords, () => control(big, '340100'));
// What any run costs before its first record: Node's module loading, the chart, the controls.
const empty = join(OUT, 'empty.dat');
await writeFile(empty, '');
await row('an empty file, `kostra control` (the cost of a run before its first record)', [empty], 0, () =>
  control(empty, '340100'),
);
