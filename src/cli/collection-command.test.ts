import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { kostraWith } from './testing/kostra-process.ts';

describe('kostra register and kostra collection', () => {
  let dir = '';
  let env: Record<string, string> = {};
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kostra-collection-cli-'));
    env = { KOSTRA_DATA_DIR: join(dir, 'db') };
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  test(
    'a synthetic register imported, a collection opened on it, a publication frozen, the rates as JSON',
    { timeout: 120_000 },
    async () => {
      const file = join(dir, 'register.csv');
      const generated = await kostraWith(
        env,
        ...[
          'register',
          'generate',
          '--valid-on',
          '2020-12-31',
          '--seed',
          '9',
          '--institutions',
          '40',
          '--home-care',
          '60',
          '--out',
          file,
        ],
      );
      expect(generated.stdout).toContain('a synthetic register extract of 2020-12-31 (100 units)');
      expect(
        (await kostraWith(env, ...['register', 'import', file, '--valid-on', '2020-12-31'])).stdout,
      ).toBe('register extract 1 of 2020-12-31: 100 units (synthetic)\n');
      const created = await kostraWith(
        env,
        ...[
          'collection',
          'create',
          '--id',
          'k2020',
          '--year',
          '2020',
          '--name',
          'KOSTRA 2020',
          '--form',
          'kostra-skjema-4',
          '--form',
          'kostra-skjema-6:2021-06-30',
        ],
      );
      expect(created.stdout).toMatch(
        /^k2020-skjema-4\tkostra-skjema-4\t371 units\tdeadline 2021-01-15T22:59:59\.999Z\nk2020-skjema-6\tkostra-skjema-6\t\d+ units\tdeadline 2021-06-30T21:59:59\.999Z\n$/,
      );
      expect(
        (await kostraWith(env, ...['collection', 'checkpoint', '--id', 'k2020', '--kind', 'final'])).stdout,
      ).toContain('the final publication of 2021-06-15 frozen');
      const rates = JSON.parse(
        (await kostraWith(env, ...['collection', 'rates', '--id', 'k2020'])).stdout,
      ) as {
        forms: { form: string; expected: number; by_date: unknown[]; in_publication: { kind: string }[] }[];
      };
      expect(rates.forms.map((f) => [f.form, f.by_date.length, f.in_publication.map((p) => p.kind)])).toEqual(
        [
          ['kostra-skjema-4', 2, ['final']],
          ['kostra-skjema-6', 2, ['final']],
        ],
      );
      expect(rates.forms[0]!.expected).toBe(371);
      const refused = await kostraWith(
        env,
        ...['register', 'import', join(dir, 'missing.csv'), '--valid-on', '2020-12-31'],
      );
      expect(refused.code).toBe(1);
    },
  );
});
