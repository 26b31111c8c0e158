import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { kostra } from './testing/kostra-process.ts';

/* The response-rate table's contract, as another tool reads it: `kostra rates --data DIR`. */
describe('kostra rates', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kostra-rates-'));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  const write = async (name: string, files: Record<string, string>) => {
    const folder = join(dir, name);
    await rm(folder, { recursive: true, force: true });
    await mkdir(folder);
    for (const [file, text] of Object.entries(files)) await writeFile(join(folder, file), text);
    return folder;
  };

  test('prints per form the expected units, the first submissions by each checkpoint and the last resubmission', async () => {
    const folder = await write('good', {
      'units.csv': [
        'form,unit,expected',
        'skjema4,3403,true',
        'skjema4,4640,true',
        'skjema4,5001,true',
        'skjema5,974123456,true',
        'skjema5,974654321,false',
      ].join('\n'),
      'submissions.csv': [
        'form,unit,submitted_at',
        'skjema4,3403,2021-01-14T10:00:00+01:00',
        'skjema4,4640,2021-01-15T23:30:00Z',
        'skjema4,3403,2021-03-02T09:00:00+01:00',
        'skjema5,974123456,2021-02-01T12:00:00Z',
        'skjema5,974654321,2021-01-02T12:00:00Z',
      ].join('\r\n'),
    });
    const result = await kostra(
      'rates',
      '--data',
      folder,
      '--checkpoint',
      '2021-01-15',
      '--checkpoint',
      '2021-03-15',
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      forms: [
        {
          form: 'skjema4',
          expected: 3,
          checkpoints: [
            { date: '2021-01-15', count: 1, percent: 33.3 },
            { date: '2021-03-15', count: 2, percent: 66.7 },
          ],
          last_resubmission: '2021-03-02',
        },
        {
          form: 'skjema5',
          expected: 1,
          checkpoints: [
            { date: '2021-01-15', count: 0, percent: 0 },
            { date: '2021-03-15', count: 1, percent: 100 },
          ],
          last_resubmission: null,
        },
      ],
    });
  });

  test('bad input is named by file and line, and nothing is printed', async () => {
    const folder = await write('bad', {
      'units.csv': 'form,unit,expected\nskjema4,3403,true\n',
      'submissions.csv': 'form,unit,submitted_at\nskjema4,3403,2021-01-14 10:00\n',
    });
    const result = await kostra('rates', '--data', folder);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('submissions.csv, line 2');
    expect(result.stderr).toContain('no ISO 8601 time with an offset');

    const unlisted = await write('unlisted', {
      'units.csv': 'form,unit,expected\nskjema4,3403,yes\n',
      'submissions.csv': 'form,unit,submitted_at\n',
    });
    expect((await kostra('rates', '--data', unlisted)).stderr).toContain(
      'units.csv, line 2: expected is true or false, not "yes"',
    );
    expect((await kostra('rates')).code).toBe(2);
  });
});
