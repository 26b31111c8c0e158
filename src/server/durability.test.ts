import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { createServerDatabase } from '../store/testing/databases.ts';
import {
  autosaveUntil,
  killHard,
  missingSaves,
  signIn,
  startChildServer,
  type Acknowledged,
  type ChildServer,
} from './testing/autosave-load.ts';

/*
 * A save that answered 200 is on disk: the server is killed (SIGKILL) in the middle of autosaves from many
 * municipalities, started again, and every acknowledged draft is found. On PGlite in a data folder, on the
 * shared PostgreSQL, and with a PostgreSQL of the test's own that is stopped hard (immediate shutdown, no
 * checkpoint) while the server keeps running: then the server answers 503 and carries on after.
 */

const MUNICIPALITIES = 24;
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function cookiesOf(server: ChildServer): Promise<Map<string, string>> {
  const cookies = new Map<string, string>();
  for (const { municipality, token } of server.tokens.slice(0, MUNICIPALITIES))
    cookies.set(municipality, await signIn(server.address, token));
  return cookies;
}

/** Autosaves for a while, kills the server mid-flight, starts it again and looks for every save. */
async function killUnderLoad(env: Record<string, string>) {
  const first = await startChildServer(env);
  cleanups.push(() => killHard(first.process));
  const cookies = await cookiesOf(first);
  const acknowledged = new Map<string, Acknowledged>();
  // Killed once every municipality has had a save acknowledged, and a second later (on a loaded machine
  // the first saves take a while).
  const killed = (async () => {
    await sleep(1000);
    while (acknowledged.size < cookies.size) await sleep(50);
    await killHard(first.process);
  })();
  await autosaveUntil(first.address, cookies, killed, acknowledged);
  const second = await startChildServer(env);
  cleanups.push(() => killHard(second.process));
  const missing = await missingSaves(second.address, cookies, acknowledged);
  await killHard(second.process);
  return { acknowledged, missing };
}

async function freshDatabaseUrl(): Promise<string> {
  const { url, drop } = await createServerDatabase();
  cleanups.push(drop);
  return url;
}

describe('acknowledged saves survive a crash', () => {
  it('of the server on PGlite in a data folder', { timeout: 120_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kostra-crash-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const { acknowledged, missing } = await killUnderLoad({ KOSTRA_DATA_DIR: dir });
    expect(acknowledged.size).toBe(MUNICIPALITIES);
    expect(missing).toEqual([]);
  });

  it('of the server on PostgreSQL', { timeout: 120_000 }, async () => {
    const { acknowledged, missing } = await killUnderLoad({ DATABASE_URL: await freshDatabaseUrl() });
    expect(acknowledged.size).toBe(MUNICIPALITIES);
    expect(missing).toEqual([]);
  });
});

const PG_BIN = '/usr/lib/postgresql/15/bin';
const haveCluster = existsSync(join(PG_BIN, 'initdb'));
if (!haveCluster && process.env.CI === 'true')
  throw new Error(`CI=true but no PostgreSQL binaries in ${PG_BIN}`);

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A PostgreSQL cluster of the test's own (never the shared one), run as the postgres user when root. */
async function ownCluster() {
  const dir = await mkdtemp(join(tmpdir(), 'kostra-cluster-'));
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    await chown(dir, uid, gid);
    await chmod(dir, 0o700);
  }
  const run = (program: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', join(PG_BIN, program), ...args], { stdio: 'ignore' })
      : execFileSync(join(PG_BIN, program), args, { stdio: 'ignore' });
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  const start = () =>
    run('pg_ctl', [
      '-D',
      data,
      '-l',
      join(dir, 'log'),
      '-w',
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`,
      'start',
    ]);
  const crash = () => run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
  start();
  cleanups.push(async () => {
    try {
      crash();
    } catch {
      // already stopped
    }
    await rm(dir, { recursive: true, force: true });
  });
  return { url: `postgresql://postgres@127.0.0.1:${port}/postgres`, start, crash };
}

describe.skipIf(!haveCluster)('a PostgreSQL crash', () => {
  it(
    'loses no acknowledged save, and the server answers 503 until it is back',
    { timeout: 120_000 },
    async () => {
      const cluster = await ownCluster();
      const server = await startChildServer({ DATABASE_URL: cluster.url });
      cleanups.push(() => killHard(server.process));
      const cookies = await cookiesOf(server);

      let resumed!: () => void;
      const stop = new Promise<void>((resolve) => (resumed = resolve));
      const load = autosaveUntil(server.address, cookies, stop);
      await sleep(1000);
      cluster.crash();
      await sleep(500);
      const whileDown = await fetch(`${server.address}/api/respondent/form`, {
        headers: { cookie: [...cookies.values()][0]! },
      });
      expect(whileDown.status).toBe(503);
      expect(whileDown.headers.get('retry-after')).toMatch(/^\d+$/);
      cluster.start();
      await sleep(1500);
      resumed();
      const { acknowledged, statuses } = await load;

      expect(server.process.exitCode).toBeNull();
      expect(statuses.get(503) ?? 0).toBeGreaterThan(0);
      expect(statuses.get(500) ?? 0).toBe(0);
      expect(acknowledged.size).toBe(MUNICIPALITIES);
      expect(await missingSaves(server.address, cookies, acknowledged)).toEqual([]);
    },
  );
});
