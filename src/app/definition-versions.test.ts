import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SurveyDefinition } from '../domain/survey/definition.ts';
import { loadReferenceData, loadSurveyDefinition } from '../files/product-data.ts';
import { roundDataset } from '../files/write-dataset.ts';
import type { Db } from '../store/database.ts';
import { listPublications } from '../store/publications.ts';
import { loadRound, saveRound } from '../store/rounds.ts';
import { testDatabases } from '../store/testing/databases.ts';
import { PILOT } from '../testing/shared-data.ts';
import { importRound } from './import-round.ts';
import { publishRound } from './publish-round.ts';
import { reportRound } from './report-round.ts';
import { getRespondentForm } from './respondent-form.ts';

const reference = await loadReferenceData();
const version1 = await loadSurveyDefinition('f254');
/** The questionnaire a year later: the ambulant row renamed, and so a new version. */
const version2: SurveyDefinition = {
  ...structuredClone(version1),
  version: version1.version + 1,
  tables: version1.tables.map((t) => ({
    ...t,
    rows: t.rows.map((r) => (r.key === 'AMBULANT' ? { ...r, key: 'HOME_CARE' } : r)),
  })),
};
const databases = await testDatabases();
const ROUND = 'f254-pilot-2022';
const now = new Date('2022-05-01T10:00:00Z');

describe.each(databases)('a round keeps the questionnaire it was collected with, on $kind', (database) => {
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await database.open());
  });
  afterAll(() => drop());

  /** What a user sees of the first round: the form, the report, the export and the publication. */
  const firstRound = async () => {
    const form = await getRespondentForm(db, { roundId: ROUND, municipality: '3403' }, 'nb', now);
    const { report } = await reportRound(db, ROUND, reference);
    const { definition, round } = await loadRound(db, ROUND);
    await publishRound(db, ROUND, 'kari', now);
    // Publishing again is a revision of the period, noted on it: the figures are what must not change.
    const published = (await listPublications(db)).map(({ dataset: d }) => ({
      id: d.id,
      label: d.label,
      values: d.values,
      status: d.status,
      dimensions: d.dimensions.filter((x) => x.id !== 'Tid'),
    }));
    return { form: form.definition, report, exported: roundDataset(definition, round), published };
  };

  test('a new version of the definition, and a round on it, change nothing of the first round', async () => {
    await importRound(db, PILOT, version1, reference);
    const before = await firstRound();
    expect(before.form.tables[0]!.rows.map((r) => r.key)).toContain('AMBULANT');

    await saveRound(db, version2, {
      id: 'f254-2023',
      definitionId: version2.id,
      referenceYear: 2022,
      unit: version2.unit,
      invitations: [],
      responses: [],
    });
    expect((await loadRound(db, 'f254-2023')).definition.tables[0]!.rows.map((r) => r.key)).toContain(
      'HOME_CARE',
    );
    expect(await firstRound()).toEqual(before);
  });

  test('the same id and version with other content is refused, and nothing of that round is stored', async () => {
    const changed = { ...version1, title: { ...version1.title, nb: 'Et annet skjema' } };
    const error = await saveRound(db, changed, {
      id: 'f254-other',
      definitionId: changed.id,
      referenceYear: 2022,
      unit: changed.unit,
      invitations: [],
      responses: [],
    }).catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      'survey definition f254 version 1 is stored already with other content: a changed definition needs a new version',
    );
    expect(await db.selectFrom('survey_round').select('id').where('id', '=', 'f254-other').execute()).toEqual(
      [],
    );
    // The same content again is the same version: a second round may use it.
    await saveRound(db, version1, {
      id: 'f254-again',
      definitionId: version1.id,
      referenceYear: 2022,
      unit: version1.unit,
      invitations: [],
      responses: [],
    });
    expect(
      await db.selectFrom('survey_definition').select(['id', 'version']).orderBy('version').execute(),
    ).toEqual([
      { id: 'f254', version: 1 },
      { id: 'f254', version: 2 },
    ]);
  });
});
