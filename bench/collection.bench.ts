import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { cpus } from 'node:os';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import pg from 'pg';

/**
 * A collection of 371 municipalities (skjema 4) and the units of a synthetic register (skjema 5, about 1 300;
 * skjema 6, about 3 900) on the real PostgreSQL, the server in its own process (bench/collection-server.ts):
 *
 * 1. the staff overview of the collection (its rounds, publications and the working group's rate table) and
 *    a round's response-rate table, each request timed from the client, alternating with /api/health as
 *    the anchor (the same server's cheapest request, in the same run);
 * 2. autosaves spread over the skjema 6 units in an open loop at a fixed rate (latency from when a save was
 *    due), as bench/autosave.bench.ts does for the municipalities.
 *
 * npm run bench:collection [-- RATE SECONDS]
 */
const RATE = Number(process.argv[2] ?? 500);
const SECONDS = Number(process.argv[3] ?? 20);
const SERVER = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const ROOT = new URL('../', import.meta.url).pathname;
const run = promisify(execFile);
const quantile = (sorted: readonly number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
const ms = (v: number) => v.toFixed(1);

const database = `kostra_bench_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: SERVER });
await admin.connect();
await admin.query(`create database ${database}`);
const url = new URL(SERVER);
url.pathname = `/${database}`;
await run(process.execPath, ['build.mjs', 'bench/collection-server.ts', 'dist/bench/collection-server.mjs'], {
  cwd: ROOT,
});
const setupStarted = performance.now();
const server = spawn(process.execPath, ['dist/bench/collection-server.mjs'], {
  cwd: ROOT,
  env: { ...process.env, DATABASE_URL: url.toString() },
  stdio: ['ignore', 'pipe', 'inherit'],
});
try {
  const [line] = (await once(createInterface({ input: server.stdout }), 'line')) as [string];
  const setup = (performance.now() - setupStarted) / 1000;
  const { address, collection, rounds, staff, tokens, list } = JSON.parse(line) as {
    address: string;
    collection: string;
    rounds: { id: string; units: number }[];
    staff: { username: string; password: string };
    tokens: { municipality: string; token: string }[];
    list: string;
  };
  const signIn = await fetch(`${address}/api/staff/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(staff),
  });
  const staffCookie = signIn.headers.getSetCookie()[0]!.split(';')[0]!;
  const timed = async (path: string, cookie = staffCookie) => {
    const t = performance.now();
    const res = await fetch(`${address}${path}`, { headers: { cookie } });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${path}: ${res.status}`);
    return performance.now() - t;
  };
  const skjema6 = rounds.find((r) => r.id.endsWith('skjema-6'))!;
  const reads = {
    overview: `/api/staff/collections/${collection}`,
    rates: `/api/staff/rounds/${skjema6.id}/rates`,
    controls: `/api/staff/collections/${collection}/controls`,
    anchor: '/api/health',
  } as const;
  const times = Object.fromEntries(Object.keys(reads).map((k) => [k, [] as number[]])) as Record<
    keyof typeof reads,
    number[]
  >;
  // Warm up once, then alternate the reads with the anchor, 30 rounds.
  for (const path of Object.values(reads)) await timed(path);
  for (let i = 0; i < 30; i++)
    for (const [name, path] of Object.entries(reads))
      times[name as keyof typeof reads].push(await timed(path));
  for (const t of Object.values(times)) t.sort((a, b) => a - b);

  // Bergen's list of its 200 units, and the workbook of all of them, as the municipality fetches them.
  const listSignIn = await fetch(`${address}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: list }),
  });
  const listCookie = listSignIn.headers.getSetCookie()[0]!.split(';')[0]!;
  const listReads = { list: '/api/units', workbook: '/api/units/workbook.xlsx' } as const;
  const listTimes = { list: [] as number[], workbook: [] as number[] };
  for (const path of Object.values(listReads)) await timed(path, listCookie);
  for (let i = 0; i < 10; i++)
    for (const [name, path] of Object.entries(listReads))
      listTimes[name as keyof typeof listReads].push(await timed(path, listCookie));
  for (const t of Object.values(listTimes)) t.sort((a, b) => a - b);

  // Autosave over the skjema 6 units: each unit signed in with its own link.
  const cookies: string[] = [];
  for (const { token } of tokens) {
    const res = await fetch(`${address}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    cookies.push(res.headers.getSetCookie()[0]!.split(';')[0]!);
  }
  const versions: number[] = [];
  for (const cookie of cookies)
    versions.push(
      (
        (await (await fetch(`${address}/api/respondent/form`, { headers: { cookie } })).json()) as {
          version: number;
        }
      ).version,
    );
  const body = (n: number) =>
    JSON.stringify({
      answers: {
        p2_type: 'BOLIGBASE',
        p3_malgrupper: ['UTVIKLINGSHEMMING'],
        p4_boenheter: 6 + (n % 5),
        p4_beboere: 6,
        p4_bemanning_dogn: true,
        comments: `Autolagring ${n}`,
      },
    });
  const busy = cookies.map(() => Promise.resolve());
  const saves: number[] = [];
  let failed = 0;
  const started = performance.now();
  const all: Promise<void>[] = [];
  for (let i = 0; i < RATE * SECONDS; i += 1) {
    const due = started + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    // Spread over the units: a stride that visits every unit before any twice.
    const who = (i * 7919) % cookies.length;
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
        if (failed === 1) console.error(res.status, JSON.stringify(json).slice(0, 300));
      }
    });
    busy[who] = save;
    all.push(save);
  }
  await Promise.all(all);
  const elapsed = (performance.now() - started) / 1000;
  saves.sort((a, b) => a - b);

  console.log(
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}; PostgreSQL 15 over loopback`,
  );
  console.log(
    `Collection: ${rounds.map((r) => `${r.id} ${r.units} units`).join(', ')}; four in five submitted; set up in ${setup.toFixed(1)} s\n`,
  );
  console.log('| request (30 each, alternating) | p50 ms | p90 ms | max ms |');
  console.log('|---|---|---|---|');
  for (const [name, t] of Object.entries(times))
    console.log(
      `| ${name} \`${reads[name as keyof typeof reads]}\` | ${ms(quantile(t, 0.5))} | ${ms(quantile(t, 0.9))} | ${ms(t.at(-1)!)} |`,
    );
  console.log('\n| Bergen, 200 units (10 each, alternating) | p50 ms | p90 ms | max ms |');
  console.log('|---|---|---|---|');
  for (const [name, t] of Object.entries(listTimes))
    console.log(
      `| ${name} \`${listReads[name as keyof typeof listReads]}\` | ${ms(quantile(t, 0.5))} | ${ms(quantile(t, 0.9))} | ${ms(t.at(-1)!)} |`,
    );
  console.log(`\nAutosave: target ${RATE}/s for ${SECONDS} s over ${cookies.length} skjema 6 units\n`);
  console.log('| measure | value |');
  console.log('|---|---|');
  console.log(`| requests | ${saves.length} ok, ${failed} failed |`);
  console.log(`| throughput | ${(saves.length / elapsed).toFixed(0)} saves/s |`);
  console.log(`| p50 latency (ms) | ${ms(quantile(saves, 0.5))} |`);
  console.log(`| p99 latency (ms) | ${ms(quantile(saves, 0.99))} |`);
  console.log(`| max latency (ms) | ${ms(saves.at(-1) ?? NaN)} |`);
} finally {
  server.kill('SIGTERM');
  await once(server, 'exit');
  await admin.query(`drop database if exists ${database} with (force)`);
  await admin.end();
}
