import { ensureDemoKeyFigures } from '../src/app/demo-key-figures.ts';
import { ensureDemoRound } from '../src/app/demo-round.ts';
import { buildApp } from '../src/server/app.ts';
import { openDatabase } from '../src/store/database.ts';
import { createServerDatabase } from '../src/store/testing/databases.ts';

/**
 * The PxWeb API against /api/health on the same server, in the same run, alternating: requests per second
 * with 32 clients over loopback for each endpoint, three rounds of 2 s each, on PGlite and on the real
 * PostgreSQL. The demo round's published tables, and the demo key figures (KF254, three years) behind
 * «Sammenlign»: a comparison and one of its charts.
 *
 * npx tsx bench/pxweb.bench.ts
 */
const ENDPOINTS = {
  health: '/api/health',
  table: '/api/v2/tables/F254VIRKSOMHET',
  data: '/api/v2/tables/F254VIRKSOMHET/data?valuecodes[Region]=*&valuecodes[Kategori]=*&valuecodes[ContentsCode]=*&valuecodes[Tid]=*',
  compare: '/api/compare/4601',
  chart: '/api/compare/4601/AGD2_INNB.svg',
};

async function rate(base: string, path: string, ms: number): Promise<number> {
  let done = 0;
  const until = performance.now() + ms;
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      while (performance.now() < until) {
        const res = await fetch(base + path);
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
        done += 1;
      }
    }),
  );
  return (done * 1000) / ms;
}

for (const kind of ['pglite', 'postgresql'] as const) {
  const created = kind === 'postgresql' ? await createServerDatabase() : undefined;
  const db = await openDatabase(created ? { url: created.url } : {});
  await ensureDemoRound(db, new Date());
  await ensureDemoKeyFigures(db, new Date());
  const app = await buildApp({
    db,
    cookieSecret: 'bench-secret-bench-secret-bench-secret',
    pxwebRateLimit: { calls: 1e9, windowSeconds: 1 },
  });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const results: Record<string, number[]> = Object.fromEntries(Object.keys(ENDPOINTS).map((k) => [k, []]));
  for (let round = 0; round < 3; round += 1)
    for (const [name, path] of Object.entries(ENDPOINTS)) results[name]!.push(await rate(base, path, 2000));
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1]!;
  console.log(
    `${kind}: ${Object.entries(results)
      .map(([name, xs]) => `${name} ${Math.round(median(xs))}/s`)
      .join(', ')}`,
  );
  await app.close();
  await db.destroy();
  await created?.drop();
}
