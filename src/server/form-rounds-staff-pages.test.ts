import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readCsv } from '../domain/csv.ts';
import { openDatabase, type Db } from '../store/database.ts';
import { appendVersion } from '../store/responses.ts';
import {
  wireCreatedFormRound,
  wireFormReport,
  wireMunicipalityRecord,
  wireRates,
  wirePublished,
  wireRoundRow,
  wireShippedForm,
} from '../wire/staff.ts';
import { buildApp } from './app.ts';
import { addKari, staffCookie } from './testing/staff.ts';

/*
 * A statistician runs a round of a KOSTRA form from the staff API: picks a form and a year, takes every
 * municipality, Oslo's districts or a draw by KOSTRA group, and reads the summary, the answers and the
 * published tables back.
 */
let db: Db;
let app: FastifyInstance;
let cookie: string;
beforeAll(async () => {
  db = await openDatabase();
  await addKari(db);
  app = await buildApp({ db, cookieSecret: 'staff-form-pages-secret-staff-form-pages' });
  cookie = await staffCookie(app);
});
afterAll(async () => {
  await app.close();
  await db.destroy();
});

const post = (url: string, payload: object) =>
  app.inject({ method: 'POST', url, headers: { cookie }, payload });
const get = (url: string) => app.inject({ url, headers: { cookie } });

describe('rounds of the forms engine from the staff API', () => {
  test('the shipped forms, with the years they cover; f254 is a survey', async () => {
    const res = await get('/api/staff/forms');
    expect(res.statusCode).toBe(200);
    const forms = wireShippedForm.array().parse(res.json());
    expect(forms.map((f) => [f.id, f.survey])).toEqual([
      ['f254', true],
      ['kostra-skjema-1', false],
      ['kostra-skjema-4', false],
      ['kostra-skjema-5', false],
      ['kostra-skjema-6', false],
    ]);
    expect(forms.find((f) => f.id === 'kostra-skjema-4')?.unit_kinds).toContain('oslo_district');
  });

  test("skjema 4 for Oslo's districts: the 15 districts, named; the round is listed as a form round", async () => {
    const res = await post('/api/staff/form-rounds', {
      id: 's4-oslo-2021',
      form: 'kostra-skjema-4',
      year: 2021,
      units: { from: 'oslo_districts' },
      deadline: '2022-01-15',
    });
    expect(res.statusCode, res.body).toBe(201);
    const created = wireCreatedFormRound.parse(res.json());
    expect(created.units).toHaveLength(15);
    expect(created.units[0]).toEqual({ code: '030101', name: 'Gamle Oslo', kind: 'oslo_district' });
    const rows = wireRoundRow.array().parse((await get('/api/staff/rounds')).json());
    expect(rows.find((r) => r.id === 's4-oslo-2021')).toMatchObject({
      kind: 'form',
      form: 'kostra-skjema-4',
      reference_year: 2021,
      invited: 15,
      responded: 0,
      // 15 January is open to its end in Oslo (CET, UTC+1).
      deadline: '2022-01-15T22:59:59.999Z',
    });
  });

  test('a draw by KOSTRA group is repeatable and takes what it was asked from each group', async () => {
    const draw = { per_group: { EKG01: 2, EKG13: 1 }, seed: 2021 };
    const open = (id: string) =>
      post('/api/staff/form-rounds', {
        id,
        form: 'kostra-skjema-1',
        year: 2021,
        units: { from: 'municipalities' },
        draw,
      });
    const first = wireCreatedFormRound.parse((await open('s1-draw-a')).json());
    const second = wireCreatedFormRound.parse((await open('s1-draw-b')).json());
    expect(first.units).toHaveLength(3);
    expect(first.units.map((u) => u.code)).toContain('0301');
    expect(second.units).toEqual(first.units);
  });

  test('what is wrong is named: an unknown form, a code the year lacks, a year the form does not cover', async () => {
    const base = { id: 's1-bad', form: 'kostra-skjema-1', year: 2021, units: { from: 'municipalities' } };
    const unknownForm = await post('/api/staff/form-rounds', { ...base, form: 'skjema-9' });
    expect(unknownForm.statusCode).toBe(400);
    expect(unknownForm.json<{ detail: string }>().detail).toMatch(/no form skjema-9/);
    const unknownCode = await post('/api/staff/form-rounds', {
      ...base,
      units: { from: 'codes', codes: ['4640', '1234'] },
    });
    expect(unknownCode.statusCode).toBe(400);
    expect(unknownCode.body).toMatch(/1234 is neither/);
    expect(unknownCode.body).toMatch(/codes\.1/);
    const early = await post('/api/staff/form-rounds', { ...base, year: 2016 });
    expect(early.statusCode).toBeGreaterThanOrEqual(400);
    expect(early.statusCode).toBeLessThan(500);
    // Nothing of a refused round was stored.
    const rows = wireRoundRow.array().parse((await get('/api/staff/rounds')).json());
    expect(rows.some((r) => r.id === 's1-bad')).toBe(false);
  });

  test('the summary, the answers as CSV and the published table of a round with submissions', async () => {
    const created = await post('/api/staff/form-rounds', {
      id: 's1-two-2021',
      form: 'kostra-skjema-1',
      year: 2021,
      units: { from: 'codes', codes: ['4640', '3403'] },
    });
    expect(created.statusCode, created.body).toBe(201);
    for (const [unit, hours] of [
      ['4640', 40],
      ['3403', 75],
    ] as const)
      await appendVersion(db, 's1-two-2021', unit, 0, {
        content: { tables: {}, comments: '' },
        answers: { 'p2_1/LIS1/241': hours },
        status: 'submitted',
        savedBy: 'respondent',
        submittedAt: new Date(),
      });
    const report = wireFormReport.parse((await get('/api/staff/rounds/s1-two-2021/form-report')).json());
    expect(report).toMatchObject({ invited: 2, submitted: 2, form: 'kostra-skjema-1', year: 2021 });
    expect(report.items.find((i) => i.path === 'p2_1/LIS1/241')).toMatchObject({
      answered: 2,
      sum: 115,
      min: 40,
      max: 75,
    });

    const csv = await get('/api/staff/rounds/s1-two-2021/form-answers.csv');
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = readCsv(csv.body, 'answers.csv').map((l) => l.fields);
    expect(lines[0]).toEqual(['unit', 'name', 'path', 'value']);
    expect(lines.slice(1)).toEqual([
      ['3403', 'Hamar', 'p2_1/LIS1/241', '75'],
      ['4640', 'Sogndal', 'p2_1/LIS1/241', '40'],
    ]);

    // The response rates, as `kostra rates` computes them: KOSTRA's calendar by default, or the days asked.
    const calendar = wireRates.parse((await get('/api/staff/rounds/s1-two-2021/rates')).json());
    expect(calendar).toEqual({
      form: 'kostra-skjema-1',
      expected: 2,
      checkpoints: ['2022-01-15', '2022-02-15', '2022-03-15', '2022-06-15'].map((date) => ({
        date,
        count: 0,
        percent: 0,
      })),
      last_resubmission: null,
    });
    const asked = wireRates.parse(
      (await get(`/api/staff/rounds/s1-two-2021/rates?checkpoint=2021-12-31&checkpoint=2099-12-31`)).json(),
    );
    expect(asked.checkpoints).toEqual([
      { date: '2021-12-31', count: 0, percent: 0 },
      { date: '2099-12-31', count: 2, percent: 100 },
    ]);
    expect((await get('/api/staff/rounds/s1-two-2021/rates?checkpoint=31.12.2021')).statusCode).toBe(400);

    // A unit's page: its latest answers and what each version changed, by path.
    const record = wireMunicipalityRecord.parse(
      (await get('/api/staff/rounds/s1-two-2021/municipalities/4640')).json(),
    );
    expect(record.answers).toEqual({ 'p2_1/LIS1/241': 40 });
    expect(record.latest).toBeNull();
    expect(record.trail.map((t) => t.changes)).toEqual([[{ field: 'p2_1/LIS1/241', old: null, new: 40 }]]);
    // An Oslo district has its page too.
    const district = await get('/api/staff/rounds/s4-oslo-2021/municipalities/030101');
    expect(district.statusCode, district.body).toBe(200);
    expect(wireMunicipalityRecord.parse(district.json()).trail).toEqual([]);

    const published = await post('/api/staff/rounds/s1-two-2021/publish', {});
    expect(published.statusCode, published.body).toBe(200);
    expect(wirePublished.parse(published.json()).tables.map((t) => t.id)).toEqual(['KS1LEGETIMER']);
  });
});
