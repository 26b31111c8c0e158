import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { kostraWith } from './testing/kostra-process.ts';

describe('kostra key-figures', () => {
  let dir = '';
  let env: Record<string, string> = {};
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kostra-key-figures-cli-'));
    env = { KOSTRA_DATA_DIR: join(dir, 'db') };
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  test(
    'a synthetic national year written, ingested, and its key figures published, then revised with a reason',
    { timeout: 120_000 },
    async () => {
      const out = join(dir, 'accounts');
      const written = await kostraWith(
        env,
        'key-figures',
        'accounts',
        '--year',
        '2023',
        '--seed',
        '3',
        '--out',
        out,
      );
      expect(written).toMatchObject({ code: 0 });
      expect(written.stdout).toContain('356 synthetic accounting files for 2023');
      const files = (await readdir(out)).map((f) => join(out, f));
      expect(files).toHaveLength(356);
      const ingested = await kostraWith(env, 'ingest', ...files);
      expect(ingested.code).toBe(0);
      const first = await kostraWith(
        env,
        'key-figures',
        'publish',
        '--year',
        '2023',
        '--stage',
        'preliminary',
      );
      expect(first.stdout).toContain('KF254 2023 (preliminary, revision 1)');
      const again = await kostraWith(
        env,
        'key-figures',
        'publish',
        '--year',
        '2023',
        '--stage',
        'preliminary',
        '--note',
        'Bergen rettet',
      );
      expect(again.stdout).toContain('KF254 2023 (preliminary, revision 2)');
      // Nothing ingested for 2019: refused, naming the year; a wrong stage or year is a usage error.
      const none = await kostraWith(env, 'key-figures', 'publish', '--year', '2019');
      expect(none).toMatchObject({ code: 1 });
      expect(none.stderr).toContain('no accounts are ingested for 2019');
      expect(
        (await kostraWith(env, 'key-figures', 'publish', '--year', '2023', '--stage', 'draft')).code,
      ).toBe(2);
      expect((await kostraWith(env, 'key-figures', 'publish', '--year', 'twenty')).code).toBe(2);
    },
  );
});
