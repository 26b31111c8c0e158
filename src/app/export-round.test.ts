import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { loadReferenceData, loadSurveyDefinition } from '../files/product-data.ts';
import { roundDataset } from '../files/write-dataset.ts';
import { openDatabase } from '../store/database.ts';
import { appendVersion } from '../store/responses.ts';
import { loadRound } from '../store/rounds.ts';
import { importRound } from './import-round.ts';
import { reportRound } from './report-round.ts';
import { PILOT } from '../testing/shared-data.ts';

const dir = await mkdtemp(join(tmpdir(), 'kostra-export-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

test('export, import and report give identical tables, a correction included', async () => {
  const reference = await loadReferenceData();
  const definition = await loadSurveyDefinition('f254');
  const first = await openDatabase();
  await importRound(first, PILOT, definition, reference);
  // A statistician's correction of Hamar: the export carries the latest version.
  const hamar = (await loadRound(first, 'f254-pilot-2022')).round.responses.find(
    (r) => r.municipality === '3403',
  )!;
  const corrected = structuredClone(hamar);
  const amounts = corrected.tables.business_types!.rows.AMBULANT!.amounts as Record<string, number>;
  amounts.AGD10 = amounts.AGD10! - 1;
  await appendVersion(first, 'f254-pilot-2022', '3403', 1, {
    content: corrected,
    status: 'submitted',
    savedBy: 'statistician:kari',
    submittedAt: new Date('2022-06-01T08:00:00Z'),
    reason: 'Rettet etter telefon',
  });
  const before = await reportRound(first, 'f254-pilot-2022', reference);
  const { definition: stored, round } = await loadRound(first, 'f254-pilot-2022');
  const files = roundDataset(stored, round);
  await writeFile(join(dir, 'invited.csv'), files.invited);
  await writeFile(join(dir, 'responses.json'), files.responses);
  await first.destroy();

  const second = await openDatabase();
  await importRound(second, dir, definition, reference);
  const after = await reportRound(second, 'f254-pilot-2022', reference);
  expect(after.report.tables).toEqual(before.report.tables);
  const figure = after.report.tables['figure-4.2'] as {
    municipality: string;
    category: string;
    amount: number;
  }[];
  const original = hamar.tables.business_types!.rows.AMBULANT!.amounts.AGD10!;
  expect(figure.find((r) => r.municipality === '3403' && r.category === 'AMBULANT')?.amount).toBe(
    original - 1,
  );
  await second.destroy();
});
