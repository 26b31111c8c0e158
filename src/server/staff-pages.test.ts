import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { testDatabases } from '../store/testing/databases.ts';
import { buildApp } from './app.ts';
import { registeredRoutes } from './testing/routes.ts';

const [pglite] = await testDatabases();

/*
 * Every route of the staff API has a page that uses it: the routes as the server registers them, the pages
 * from the web app's source. A route is used by a page when the page's source names its path
 * (`/api/staff/rounds/${roundId}/status-list`), or calls the `staffApi` method that does.
 */
const SRC = new URL('../', import.meta.url).pathname;

async function files(dir: string, ending: RegExp): Promise<string[]> {
  const entries = await readdir(join(SRC, dir), { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && ending.test(e.name) && !e.name.includes('.test.'))
    .map((e) => join(e.parentPath, e.name));
}

/** The staff routes as the server registers them. */
async function staffRoutes(): Promise<{ method: string; path: string }[]> {
  const { db, drop } = await pglite!.open();
  const app = await buildApp({ db, cookieSecret: 'pages-secret-pages-secret-pages-secret' });
  await app.ready();
  const routes = registeredRoutes(app).filter((r) => r.path.startsWith('/api/staff/'));
  await app.close();
  await drop();
  return routes;
}

/** A route's path as it appears in the web app's source: each `:param` a template expression or a value. */
const usage = (path: string) =>
  new RegExp(
    path
      .split(/(:[a-z_]+)/)
      .map((part) =>
        part.startsWith(':')
          ? String.raw`(?:\$\{[^}]+\}|[\w-]+)`
          : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
      )
      .join('') + String.raw`(?![\w/-])`,
  );

/**
 * Routes a page reaches by a link the server gives it (the app builds the href): the page that shows the
 * link. The test checks that the href is built so and that the page does render the links it is given.
 */
const LINKED_BY_SERVER: Record<string, string[]> = {
  'GET /api/staff/publications/:table/statbank/:file': ['web/staff/accounts-publish-panel.tsx'],
};

describe('the staff pages', () => {
  test('every staff route is used by a page, and the test reads both sides', async () => {
    const routes = await staffRoutes();
    expect(routes.length).toBeGreaterThan(50);
    const sources = new Map<string, string>();
    for (const file of await files('web', /\.tsx?$/))
      sources.set(relative(SRC, file), await readFile(file, 'utf8'));
    const api = sources.get('web/staff/staff-api.ts')!;
    const pagesOf = (path: string): string[] => {
      const pattern = usage(path);
      const direct = [...sources]
        .filter(([f, text]) => f.endsWith('.tsx') && pattern.test(text))
        .map(([f]) => f);
      // Through staffApi: the method whose line names the path, then the pages that call it.
      const methods = api
        .split('\n')
        .map((line, i, lines) => ({ line, before: lines.slice(Math.max(0, i - 3), i + 1).join('\n') }))
        .filter(({ line }) => pattern.test(line))
        .flatMap(({ before }) => [...before.matchAll(/^\s*(\w+): \(/gm)].map((m) => m[1]!).slice(-1));
      const viaApi = methods.flatMap((name) =>
        [...sources]
          .filter(
            ([f, text]) => f.endsWith('.tsx') && new RegExp(String.raw`staffApi\s*\.${name}\(`).test(text),
          )
          .map(([f]) => f),
      );
      return [...new Set([...direct, ...viaApi])].sort();
    };
    const table = routes.map((r) => ({
      route: `${r.method} ${r.path}`,
      pages: [...pagesOf(r.path), ...(LINKED_BY_SERVER[`${r.method} ${r.path}`] ?? [])],
    }));
    expect(table.filter((r) => r.pages.length === 0).map((r) => r.route)).toEqual([]);
    expect(await readFile(join(SRC, 'app/statbank-files.ts'), 'utf8')).toContain(
      'href: `/api/staff/publications/${table}/statbank/${f.filename}`',
    );
    expect(sources.get('web/staff/accounts-publish-panel.tsx')).toContain('href={f.href}');
    // The matching itself: a path is found where a page names it, not where it does not.
    expect(
      usage('/api/staff/rounds/:id/status-list').test('`/api/staff/rounds/${roundId}/status-list?${q}`'),
    ).toBe(true);
    expect(usage('/api/staff/rounds/:id/status').test('`/api/staff/rounds/${roundId}/status-list`')).toBe(
      false,
    );
    expect(
      usage('/api/staff/rounds/:id/status-list.csv').test('/api/staff/rounds/${id}/status-list.csv?'),
    ).toBe(true);
  });
});
