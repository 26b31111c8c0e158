import type { FastifyInstance } from 'fastify';
import JSONstat from 'jsonstat-toolkit';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { importRound } from '../app/import-round.ts';
import type { SurveyRound } from '../domain/survey/round.ts';
import { loadReferenceData, loadSurveyDefinition } from '../files/product-data.ts';
import type { Db } from '../store/database.ts';
import { saveRound } from '../store/rounds.ts';
import { testDatabases } from '../store/testing/databases.ts';
import { PILOT } from '../testing/shared-data.ts';
import { wirePublicationPreview, wirePublications, wirePublished } from '../wire/staff.ts';
import { buildApp } from './app.ts';
import { addKari, staffCookie } from './testing/staff.ts';

const databases = await testDatabases();
const FIRST = 'f254-pilot-2022';
const SECOND = 'f254-2023';

describe.each(databases)('publishing two rounds of different years as one series, on $kind', (database) => {
  let db: Db;
  let drop: () => Promise<void>;
  let app: FastifyInstance;
  let cookie: string;
  let pilot: SurveyRound;
  const staff = (method: 'GET' | 'POST', url: string, payload?: object) =>
    app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const table = async () =>
    JSONstat(
      (
        await app.inject({
          url: '/api/v2/tables/F254VIRKSOMHET/data?valuecodes[Region]=*&valuecodes[Kategori]=*&valuecodes[ContentsCode]=AGD10&valuecodes[Tid]=*',
        })
      ).json(),
    );

  beforeAll(async () => {
    ({ db, drop } = await database.open());
    const definition = await loadSurveyDefinition('f254');
    pilot = await importRound(db, PILOT, definition, await loadReferenceData());
    // The same municipalities a year later: another round, another reference year.
    await saveRound(db, definition, { ...pilot, id: SECOND, referenceYear: pilot.referenceYear + 1 });
    await addKari(db);
    app = await buildApp({ db, cookieSecret: 'series-secret-series-secret-series-secret' });
    cookie = await staffCookie(app);
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await drop();
  });

  test('the preview says what would be published: the rate, pending flags, what is withheld; nothing is stored', async () => {
    const answer = await staff('GET', `/api/staff/rounds/${FIRST}/publication-preview`);
    expect(answer.statusCode).toBe(200);
    const preview = wirePublicationPreview.parse(answer.json());
    expect(preview).toMatchObject({
      period: String(pilot.referenceYear),
      responded: 31,
      expected: 50,
      response_rate: 62,
    });
    expect(preview.pending_flags).toBeGreaterThan(0);
    const business = preview.tables.find((t) => t.id === 'F254VIRKSOMHET')!;
    expect(business.published).toEqual([]);
    expect(business.primary).toBeGreaterThan(0);
    expect(business.withheld_count).toBeGreaterThanOrEqual(business.primary);
    expect(business.withheld).toContain(
      '3414 Nord-Odal · Brukerstyrt personlig assistanse (BPA): AGD10, AGD4, AGD16, AGD2',
    );
    expect((await app.inject({ url: '/api/v2/tables' })).json<{ tables: unknown[] }>().tables).toEqual([]);
    expect((await app.inject({ url: `/api/staff/rounds/${FIRST}/publication-preview` })).statusCode).toBe(
      401,
    );
  });

  test('both periods in the API and the downloads; re-publishing one replaces it alone and records the revision', async () => {
    const first = await staff('POST', `/api/staff/rounds/${FIRST}/publish`, { stage: 'preliminary' });
    expect(first.statusCode).toBe(200);
    expect(wirePublished.parse(first.json()).tables[0]).toMatchObject({ stage: 'preliminary', revision: 1 });
    await staff('POST', `/api/staff/rounds/${SECOND}/publish`, {});
    const year1 = String(pilot.referenceYear);
    const year2 = String(pilot.referenceYear + 1);
    const before = await table();
    expect(before.Dimension('Tid').id).toEqual([year1, year2]);
    expect(before.Dimension('Tid').Category(year1).note).toEqual([`Foreløpige tall for ${year1}.`]);
    const list = (await app.inject({ url: '/api/v2/tables' })).json<{
      tables: { id: string; firstPeriod: string; lastPeriod: string }[];
    }>();
    expect(list.tables.find((t) => t.id === 'F254VIRKSOMHET')).toMatchObject({
      firstPeriod: year1,
      lastPeriod: year2,
    });
    const csv = await app.inject({
      url: '/api/v2/tables/F254VIRKSOMHET/data?valuecodes[Region]=I_ALT&valuecodes[Kategori]=F254&valuecodes[ContentsCode]=AGD10&valuecodes[Tid]=*&outputFormat=csv&outputFormatParams=UseCodes',
    });
    expect(csv.body).toContain(`AGD10 ${year1}`);
    expect(csv.body).toContain(`AGD10 ${year2}`);

    // The first period published again, as the same stage: revision 2, with its reason, the other untouched.
    const again = await staff('POST', `/api/staff/rounds/${FIRST}/publish`, {
      stage: 'preliminary',
      note: 'Rettet etter kontroll.',
    });
    expect(wirePublished.parse(again.json()).tables[0]).toMatchObject({ period: year1, revision: 2 });
    const after = await table();
    expect(after.Dimension('Tid').Category(year1).note).toEqual([
      `Foreløpige tall for ${year1}.`,
      expect.stringMatching(
        new RegExp(
          `^Tallene for ${year1} er revidert \\d\\d\\.\\d\\d\\.\\d{4} \\(revisjon 2\\)\\. Rettet etter kontroll\\.$`,
        ),
      ),
    ]);
    expect(after.Dimension('Tid').Category(year2).note).toBeNull();
    const values = (t: typeof before, year: string) =>
      t
        .Dimension('Region')
        .id.map((Region) =>
          t
            .Dimension('Kategori')
            .id.map((Kategori) => t.Data({ Region, Kategori, ContentsCode: 'AGD10', Tid: year })),
        );
    expect(values(after, year2)).toEqual(values(before, year2));
    const history = wirePublications.parse((await staff('GET', '/api/staff/publications')).json());
    expect(history.revisions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          table: 'F254VIRKSOMHET',
          period: year1,
          revision: 1,
          note: 'Rettet etter kontroll.',
          replaced_by: 'kari',
        }),
      ]),
    );
    expect(
      history.periods.filter((p) => p.table === 'F254VIRKSOMHET').map((p) => [p.period, p.stage, p.revision]),
    ).toEqual([
      [year1, 'preliminary', 2],
      [year2, 'final', 1],
    ]);
    // Final figures for the first period are kept apart from its preliminary ones, and served instead.
    await staff('POST', `/api/staff/rounds/${FIRST}/publish`, { stage: 'final' });
    expect((await table()).Dimension('Tid').Category(year1).note).toBeNull();
    const stages = wirePublications.parse((await staff('GET', '/api/staff/publications')).json()).periods;
    expect(
      stages.filter((p) => p.table === 'F254VIRKSOMHET' && p.period === year1).map((p) => p.stage),
    ).toEqual(['final', 'preliminary']);
    expect((await staff('POST', `/api/staff/rounds/${FIRST}/publish`, { stage: 'draft' })).statusCode).toBe(
      400,
    );
  });
});
