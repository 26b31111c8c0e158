import { seedNationalRound } from '../src/app/testing/national-round.ts';
import { buildApp } from '../src/server/app.ts';
import { addKari, staffCookie } from '../src/server/testing/staff.ts';
import { openDatabase } from '../src/store/database.ts';
import { createServerDatabase } from '../src/store/testing/databases.ts';

/**
 * The statistician's overview and status list of a round of all 356 municipalities, every one of them
 * submitted: milliseconds per request over loopback (an upper bound of the server's time), one at a time,
 * alternating with /api/staff/me (the anchor: a session check and nothing else) in the same run; 30
 * requests each, median and 95th percentile, on PGlite and on the real PostgreSQL. Target: under 100 ms.
 *
 * npx tsx bench/worklist.bench.ts
 */
const ENDPOINTS = {
  me: '/api/staff/me',
  overview: '/api/staff/rounds/f254-2022-alle/overview',
  status: '/api/staff/rounds/f254-2022-alle/status-list',
  csv: '/api/staff/rounds/f254-2022-alle/status-list.csv?flagged=true&sort=deviation&dir=desc',
  controls: '/api/staff/rounds/f254-2022-alle/controls',
};
const REQUESTS = 30;

for (const kind of ['pglite', 'postgresql'] as const) {
  const created = kind === 'postgresql' ? await createServerDatabase() : undefined;
  const db = await openDatabase(created ? { url: created.url } : {});
  await seedNationalRound(db, { share: 1 });
  await addKari(db);
  const app = await buildApp({ db, cookieSecret: 'bench-secret-bench-secret-bench-secret' });
  const cookie = await staffCookie(app);
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(ENDPOINTS).map((k) => [k, []]));
  for (const path of Object.values(ENDPOINTS))
    await (await fetch(base + path, { headers: { cookie } })).arrayBuffer();
  for (let i = 0; i < REQUESTS; i += 1)
    for (const [name, path] of Object.entries(ENDPOINTS)) {
      const start = performance.now();
      const res = await fetch(base + path, { headers: { cookie } });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
      times[name]!.push(performance.now() - start);
    }
  const at = (xs: number[], q: number) =>
    [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
  console.log(
    `${kind}: ${Object.entries(times)
      .map(([name, xs]) => `${name} ${at(xs, 0.5).toFixed(1)} ms (p95 ${at(xs, 0.95).toFixed(1)})`)
      .join(', ')}`,
  );
  await app.close();
  await db.destroy();
  await created?.drop();
}
