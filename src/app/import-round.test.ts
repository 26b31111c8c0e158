import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DomainError } from '../domain/errors.ts';
import { DEMO_ROUND_DIR, loadReferenceData, loadSurveyDefinition } from '../files/product-data.ts';
import type { Db } from '../store/database.ts';
import { testDatabases } from '../store/testing/databases.ts';
import { importRound } from './import-round.ts';

const definition = await loadSurveyDefinition('f254');
const reference = await loadReferenceData();
const databases = await testDatabases();

/** A copy of the shipped demo round with one file changed by `edit`. */
async function datasetWith(
  file: 'invited.csv' | 'responses.json',
  edit: (text: string) => string,
): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'kostra-dataset-'));
  await cp(DEMO_ROUND_DIR, dir, { recursive: true });
  await writeFile(join(dir, file), edit(await readFile(join(dir, file), 'utf8')));
  return dir;
}

const editResponses =
  (edit: (json: { survey: string; responses: Record<string, unknown>[] }) => void) => (text: string) => {
    const json = JSON.parse(text) as { survey: string; responses: Record<string, unknown>[] };
    edit(json);
    return JSON.stringify(json);
  };

describe.each(databases)('importRound on $kind', (database) => {
  let db: Db;
  let drop: () => Promise<void>;
  const dirs: string[] = [];
  beforeAll(async () => {
    ({ db, drop } = await database.open());
  });
  afterAll(async () => {
    await drop();
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  const refused = async (dir: string, message: string | RegExp) => {
    dirs.push(dir);
    const before = await db.selectFrom('survey_round').select('id').execute();
    const error = await importRound(db, dir, definition, reference).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as Error).message).toMatch(message);
    expect(await db.selectFrom('survey_round').select('id').execute()).toEqual(before);
    expect(await db.selectFrom('invitation').select('municipality').execute()).toHaveLength(0);
  };

  test('a missing file is named', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kostra-empty-'));
    await refused(dir, /responses\.json: file not found/);
  });

  test('a response with a negative amount is refused, naming response, municipality, table, row and measure', async () => {
    const dir = await datasetWith(
      'responses.json',
      editResponses((json) => {
        const first = json.responses[0] as {
          tables: { business_types: { rows: { AMBULANT: { amounts: Record<string, number> } } } };
        };
        first.tables.business_types.rows.AMBULANT.amounts.AGD10 = -5;
      }),
    );
    await refused(
      dir,
      /^responses\.json, response 1 \(municipality 5001\): Tabell 1 Virksomhetstyper, rad Ambulerende hjemmetjeneste, AGD10 Brutto driftsutgifter på funksjon\/tjenesteområde: beløpet kan ikke være negativt/,
    );
  });

  test('a response from a municipality that was not invited is refused', async () => {
    const dir = await datasetWith(
      'responses.json',
      editResponses((json) => {
        json.responses[2]!.municipality = '1824';
      }),
    );
    await refused(dir, /response 3 \(municipality 1824\), municipality: municipality is not in invited\.csv/);
  });

  test('a bad line in invited.csv is named and nothing is stored', async () => {
    const dir = await datasetWith('invited.csv', (text) =>
      text.replace('4601,Bergen,ASSS,true', '4601,Bergen,ASSS,kanskje'),
    );
    await refused(dir, /invited\.csv, line 3, asss: "kanskje" is not true or false/);
  });

  test("a unit other than the survey's is refused", async () => {
    const dir = await datasetWith('responses.json', (text) =>
      text.replace('"unit": "1000 NOK"', '"unit": "NOK"'),
    );
    await refused(dir, /responses\.json, unit: unit "NOK", the survey f254 counts in "1000 NOK"/);
  });

  test('the demo round imports whole, and a second import of the same round is refused', async () => {
    const round = await importRound(db, DEMO_ROUND_DIR.pathname, definition, reference);
    expect(round.invitations).toHaveLength(50);
    const count = async () =>
      (await db.selectFrom('response').select(db.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n;
    expect(Number(await count())).toBe(31);
    await expect(importRound(db, DEMO_ROUND_DIR.pathname, definition, reference)).rejects.toThrow(
      'survey round f254-pilot-2022 exists already',
    );
    expect(Number(await count())).toBe(31);
  });
});
