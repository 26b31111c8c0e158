import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { cpus } from 'node:os';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';

/**
 * Autosaves from all 356 municipalities at once against the server on the real PostgreSQL, over loopback:
 * an open loop at a fixed rate for a fixed time (each municipality saves its own version chain), with
 * /api/health sampled beside it. Latency counts from when a save was due, so a slow server cannot hide
 * behind its own queue. Bounded: RATE × SECONDS requests at most, then it stops.
 *
 * npm run bench:autosave [-- RATE SECONDS]
 */
const RATE = Number(process.argv[2] ?? 500);
const SECONDS = Number(process.argv[3] ?? 20);
const SERVER = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const ROOT = new URL('../', import.meta.url).pathname;
const run = promisify(execFile);

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

const database = `kostra_bench_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: SERVER });
await admin.connect();
await admin.query(`create database ${database}`);
const url = new URL(SERVER);
url.pathname = `/${database}`;

await run(process.execPath, ['build.mjs', 'bench/autosave-server.ts', 'dist/bench/autosave-server.mjs'], {
  cwd: ROOT,
});
const server = spawn(
  process.execPath,
  [...(process.env.BENCH_SERVER_ARGS?.split(' ') ?? []), 'dist/bench/autosave-server.mjs'],
  {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url.toString() },
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
try {
  const [line] = (await once(createInterface({ input: server.stdout }), 'line')) as [string];
  const { address, tokens } = JSON.parse(line) as {
    address: string;
    tokens: { municipality: string; token: string }[];
  };

  const cookies: string[] = [];
  for (const { token } of tokens) {
    const res = await fetch(`${address}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    cookies.push(res.headers.getSetCookie()[0]!.split(';')[0]!);
  }
  const body = (n: number) =>
    JSON.stringify({
      comments: `Autolagring ${n}`,
      tables: {
        business_types: {
          methods: ['RESPONSIBILITY'],
          rows: Object.fromEntries(
            ['AMBULANT', 'BPA', 'CARE_ALLOWANCE', 'HOUSING_BASE', 'OTHER'].map((r, i) => [
              r,
              {
                fewer_than_5: false,
                amounts: { AGD10: 100 + i + n, AGD4: 90 + i, AGD16: 80 + i, AGD2: 95 + i },
              },
            ]),
          ),
        },
        target_groups: {
          methods: ['KOSTRA_4_DIGIT'],
          rows: Object.fromEntries(
            ['INTELLECTUAL_DISABILITY', 'MENTAL_HEALTH_SUBSTANCE', 'ELDERLY'].map((r, i) => [
              r,
              { fewer_than_5: false, amounts: { AGD10: 50 + i, AGD4: 45 + i, AGD16: 40 + i, AGD2: 48 + i } },
            ]),
          ),
        },
      },
    });

  // Most municipalities of the synthetic round have answered already: start from each one's latest version.
  const versions: number[] = [];
  for (const cookie of cookies) {
    const form = (await (await fetch(`${address}/api/respondent/form`, { headers: { cookie } })).json()) as {
      version: number;
    };
    versions.push(form.version);
  }
  // Server CPU (user + system, from /proc) and the database's statements (transactions: every statement
  // outside one is its own) over the timed run, to report per save.
  const serverCpuMs = async () => {
    const stat = (await readFile(`/proc/${server.pid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
    return ((Number(stat[11]) + Number(stat[12])) * 1000) / 100;
  };
  const transactions = async () =>
    Number(
      (
        await admin.query<{ n: string }>(
          'select xact_commit + xact_rollback as n from pg_stat_database where datname = $1',
          [database],
        )
      ).rows[0]!.n,
    );
  const cpuBefore = await serverCpuMs();
  const transactionsBefore = await transactions();
  const busy = cookies.map(() => Promise.resolve());
  const saves: number[] = [];
  const health: number[] = [];
  let failed = 0;
  const statuses = new Map<number, number>();
  const started = performance.now();
  const total = RATE * SECONDS;
  const all: Promise<void>[] = [];
  for (let i = 0; i < total; i += 1) {
    const due = started + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const who = i % cookies.length;
    // A municipality's saves follow each other: each carries the version the previous one returned.
    const save = busy[who]!.then(async () => {
      const res = await fetch(`${address}/api/respondent/form`, {
        method: 'PUT',
        headers: {
          'content-type': 'application/json',
          cookie: cookies[who]!,
          'if-match': String(versions[who]),
        },
        body: body(i),
      });
      const json = (await res.json()) as { version?: number };
      if (res.ok && json.version !== undefined) {
        versions[who] = json.version;
        saves.push(performance.now() - due);
      } else {
        failed += 1;
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (statuses.get(res.status) === 1) console.error(res.status, JSON.stringify(json).slice(0, 300));
      }
    });
    busy[who] = save;
    all.push(save);
    if (i % Math.max(1, Math.round(RATE / 20)) === 0) {
      const t = performance.now();
      all.push(
        fetch(`${address}/api/health`).then(async (r) => {
          await r.arrayBuffer();
          health.push(performance.now() - t);
        }),
      );
    }
  }
  await Promise.all(all);
  const elapsed = (performance.now() - started) / 1000;
  const cpuPerSave = (await serverCpuMs()) - cpuBefore;
  // pg_stat_database is sent by the backends when they go idle, at most every half second.
  await new Promise((r) => setTimeout(r, 1200));
  const transactionsPerSave = (await transactions()) - transactionsBefore;
  saves.sort((a, b) => a - b);
  health.sort((a, b) => a - b);
  const ms = (v: number) => v.toFixed(1);
  console.log(
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}; PostgreSQL at ${SERVER.replace(/\/\/.*@/, '//')}`,
  );
  console.log(`Target ${RATE} saves/s for ${SECONDS} s from ${cookies.length} municipalities\n`);
  console.log('| measure | saves | health |');
  console.log('|---|---|---|');
  console.log(`| requests | ${saves.length} ok, ${failed} failed | ${health.length} |`);
  console.log(`| throughput | ${(saves.length / elapsed).toFixed(0)} saves/s | |`);
  console.log(`| p50 latency (ms) | ${ms(quantile(saves, 0.5))} | ${ms(quantile(health, 0.5))} |`);
  console.log(`| p99 latency (ms) | ${ms(quantile(saves, 0.99))} | ${ms(quantile(health, 0.99))} |`);
  console.log(`| max latency (ms) | ${ms(saves.at(-1) ?? NaN)} | ${ms(health.at(-1) ?? NaN)} |`);
  const sent = saves.length + failed;
  console.log(`| server CPU per save (ms) | ${(cpuPerSave / sent).toFixed(2)} | |`);
  console.log(`| database transactions per save | ${(transactionsPerSave / sent).toFixed(2)} | |`);
} finally {
  server.kill('SIGTERM');
  await once(server, 'exit');
  await admin.query(`drop database if exists ${database}`);
  await admin.end();
}
