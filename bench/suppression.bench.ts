import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { measured, median } from './measured.ts';

/**
 * Secondary suppression on the three tables of ../shared/data/sdc (their README defines them and gives
 * SSB's GaussSuppression figures): `kostra suppress` in a fresh process per run, its time, peak memory,
 * secondary cells and their frequencies, and the audit's verdict. Where R and the GaussSuppression package
 * are installed, GaussSuppression runs on the same table in the same run. Prints a Markdown table for
 * bench/RESULTS.md. Usage: npm run bench:suppression [-- REPEAT]
 */
const run = promisify(execFile);
const ROOT = new URL('../', import.meta.url).pathname;
const SDC = join(ROOT, '../shared/data/sdc');
const OUT = join(ROOT, 'bench/out/suppression');
const REPEAT = Number(process.argv[2] ?? 3);

interface Table {
  readonly name: string;
  readonly file: string;
  readonly dims: readonly string[];
  readonly freq?: string;
  /** Also check every primary cell's attacker interval (linear programs); only where that is quick. */
  readonly intervals?: boolean;
}

const TABLES: Table[] = [
  {
    name: 'sosial-2d',
    file: 'sosialFiktiv.csv',
    dims: ['region|fylke|kostragr', 'hovedint'],
    freq: 'ant',
    intervals: true,
  },
  {
    name: 'sosial-3d',
    file: 'sosialFiktiv.csv',
    dims: ['region|fylke|kostragr', 'hovedint', 'mnd'],
    freq: 'ant',
  },
  { name: 'power10to4', file: 'power10to4.csv', dims: ['a|A', 'b|B', 'c|C', 'd|D'] },
];

interface Ours {
  readonly seconds: number;
  readonly peakMiB: number;
  readonly summary: string;
  /** Building the table and suppressing, in the process: what GaussSuppressionFromData's time covers. */
  readonly suppression: number;
}

async function ours(table: Table, intervals: boolean): Promise<Ours> {
  const args = [
    'suppress',
    '--data',
    join(SDC, table.file),
    ...table.dims.flatMap((d) => ['--dims', d]),
    ...(table.freq ? ['--freq', table.freq] : []),
    '--max-n',
    '4',
    ...(intervals ? ['--intervals', '1'] : []),
    '--out',
    join(OUT, `${table.name}${intervals ? '-intervals' : ''}.csv`),
  ];
  const { stdout, seconds, peakMiB } = await measured('dist/cli/kostra.mjs', args);
  const suppression = Number(/table and suppression ([\d.]+) s/.exec(stdout)?.[1] ?? NaN);
  return { seconds, peakMiB, summary: stdout.trim(), suppression };
}

const R_SCRIPT = `
suppressMessages(library(GaussSuppression))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1], stringsAsFactors = FALSE)
dims <- strsplit(args[2], ",")[[1]]
freq <- args[3]
if (freq == "-") { d$freq <- 1L; freq <- "freq" }
t <- system.time(out <- GaussSuppressionFromData(d, dimVar = dims, freqVar = freq, maxN = 4, printInc = FALSE))[["elapsed"]]
secondary <- out$suppressed & !out$primary
cat(sprintf('{"cells":%d,"primary":%d,"secondary":%d,"frequency":%d,"seconds":%.2f}\\n',
  nrow(out), sum(out$primary), sum(secondary), sum(out[[freq]][secondary]), t))
`;

async function gaussSuppressionInR(table: Table): Promise<Record<string, number> | undefined> {
  const available = await run('Rscript', ['-e', 'library(GaussSuppression)']).then(
    () => true,
    () => false,
  );
  if (!available) return undefined;
  const columns = table.dims.flatMap((d) => d.split('|')).join(',');
  const { stdout } = await run(
    'Rscript',
    ['-e', R_SCRIPT, join(SDC, table.file), columns, table.freq ?? '-'],
    { maxBuffer: 1 << 24 },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, number>;
}

const suppressionSeconds = new Map<string, number>();

await run(process.execPath, ['build.mjs'], { cwd: ROOT });
await mkdir(OUT, { recursive: true });
console.log(
  `${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
);
console.log('| table | run | process seconds | table + suppression seconds | peak MiB | result |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const table of TABLES) {
  for (const intervals of table.intervals ? [false, true] : [false]) {
    const runs: Ours[] = [];
    for (let i = 0; i < REPEAT; i++) runs.push(await ours(table, intervals));
    const label = intervals ? '`kostra suppress --intervals 1`' : '`kostra suppress`';
    const suppression = median(runs.map((r) => r.suppression));
    if (!intervals) suppressionSeconds.set(table.name, suppression);
    console.log(
      `| ${table.name} | ${label} | ${median(runs.map((r) => r.seconds)).toFixed(2)} | ${suppression.toFixed(2)} | ${Math.max(...runs.map((r) => r.peakMiB)).toFixed(0)} | ${runs[0]!.summary.replace(/; written to .*/, '')} |`,
    );
  }
  const r = await gaussSuppressionInR(table);
  if (r)
    console.log(
      `| ${table.name} | GaussSuppression (R), \`GaussSuppressionFromData\` | | ${r['seconds']} (${(r['seconds']! / suppressionSeconds.get(table.name)!).toFixed(1)} × ours) | | ${r['cells']} cells, ${r['primary']} primary, ${r['secondary']} secondary (frequency ${r['frequency']}) |`,
    );
}
