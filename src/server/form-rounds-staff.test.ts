import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ensureDemoRound } from '../app/demo-round.ts';
import { loadFormLibrary } from '../files/form-definitions.ts';
import { openDatabase, type Db } from '../store/database.ts';
import { createFormRound } from '../store/form-rounds.ts';
import { appendVersion } from '../store/responses.ts';
import { issueTokens } from '../store/respondents.ts';
import { oneSectionForm, sameLabels } from '../domain/testing/forms.ts';
import { buildApp } from './app.ts';
import { registeredRoutes } from './testing/routes.ts';
import { addKari, staffCookie } from './testing/staff.ts';

/*
 * A form round beside the survey rounds: every staff route that names a round answers for it without a
 * server error (a use case of the survey only, such as its prefilled totals, is a 4xx that says so).
 */
let db: Db;
let app: FastifyInstance;
let cookie: string;
beforeAll(async () => {
  db = await openDatabase();
  await ensureDemoRound(db, new Date());
  await addKari(db);
  const library = await loadFormLibrary();
  await createFormRound(db, {
    id: 'skjema1-2021',
    definition: library.forms.find((f) => f.id === 'kostra-skjema-1')!,
    sharedLists: library.lists,
    year: 2021,
    units: [{ code: '4640', name: 'Sogndal', kind: 'municipality' }],
  });
  app = await buildApp({ db, cookieSecret: 'staff-form-secret-staff-form-secret-xx' });
  cookie = await staffCookie(app);
});
afterAll(async () => {
  await app.close();
  await db.destroy();
});

/** A respondent signed in with a link's token: the session cookie. */
async function respondentCookie(token: string): Promise<string> {
  const signIn = await app.inject({ method: 'POST', url: '/api/session', payload: { token } });
  return `${signIn.cookies[0]!.name}=${signIn.cookies[0]!.value}`;
}

test('no staff route fails on a form round', async () => {
  const failures: string[] = [];
  for (const { method, path } of registeredRoutes(app)) {
    if (!path.startsWith('/api/staff/') || !path.includes(':id')) continue;
    const url = path
      .replace(':id', 'skjema1-2021')
      .replace(':municipality', '4640')
      .replace(':kind', 'invitation')
      .replace(':language', 'nb')
      .replace(/:[a-z]+/g, 'x');
    const res = await app.inject({
      method: method as 'GET',
      url,
      // No Origin: a request from outside a browser, which the origin check lets through.
      headers: { cookie, 'content-type': 'application/json' },
      ...(method === 'GET' || method === 'DELETE' ? {} : { payload: '{}' }),
    });
    if (res.statusCode >= 500) failures.push(`${method} ${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
  }
  expect(failures).toEqual([]);
});

test('the round list shows the form round beside the survey rounds', async () => {
  const res = await app.inject({ method: 'GET', url: '/api/staff/rounds', headers: { cookie } });
  expect(res.statusCode).toBe(200);
  expect(JSON.stringify(res.json())).toContain('skjema1-2021');
});

test("a form round against last year, in this year's municipal structure: merged units summed, largest first", async () => {
  const library = await loadFormLibrary();
  const definition = library.forms.find((f) => f.id === 'kostra-skjema-1')!;
  const submit = (round: string, unit: string, answers: Record<string, unknown>) =>
    appendVersion(db, round, unit, 0, {
      content: { tables: {}, comments: '' },
      answers,
      status: 'submitted',
      savedBy: 'respondent',
      submittedAt: new Date(),
    });
  await createFormRound(db, {
    id: 's1-2019',
    definition,
    sharedLists: library.lists,
    year: 2019,
    units: [
      { code: '5001', name: 'Trondheim', kind: 'municipality' },
      { code: '5030', name: 'Klæbu', kind: 'municipality' },
      { code: '0402', name: 'Kongsvinger', kind: 'municipality' },
    ],
  });
  await createFormRound(db, {
    id: 's1-2020',
    definition,
    sharedLists: library.lists,
    year: 2020,
    units: [
      { code: '5001', name: 'Trondheim', kind: 'municipality' },
      { code: '3401', name: 'Kongsvinger', kind: 'municipality' },
      { code: '3403', name: 'Hamar', kind: 'municipality' },
    ],
  });
  await submit('s1-2019', '5001', { 'p2_1/LIS1/241': 100, 'p4_5/HELSESTASJON_0_5/ARSVERK': 10 });
  await submit('s1-2019', '5030', { 'p2_1/LIS1/241': 20, 'p4_5/HELSESTASJON_0_5/ARSVERK': 2 });
  await submit('s1-2019', '0402', { 'p2_1/LIS1/241': 50 });
  await submit('s1-2020', '5001', { 'p2_1/LIS1/241': 130, 'p4_5/HELSESTASJON_0_5/ARSVERK': 30 });
  await submit('s1-2020', '3401', { 'p2_1/LIS1/241': 20 });
  await submit('s1-2020', '3403', { 'p2_1/LIS1/241': 40 });
  const res = await app.inject({
    method: 'GET',
    url: '/api/staff/rounds/s1-2020/form-controls',
    headers: { cookie },
  });
  expect(res.statusCode).toBe(200);
  const body = res.json<{
    compared: number;
    without_last_year: string[];
    deviations: { unit: string; path: string; now: number; before: number; percent: number }[];
  }>();
  expect(body.compared).toBe(2);
  expect(body.without_last_year).toEqual(['3403']);
  // Trondheim's 2020 against Trondheim and Klæbu of 2019: 130 against 120 is within 30 %; 30 against 12 is not.
  expect(body.deviations.map((d) => [d.unit, d.path, d.now, d.before, Math.round(d.percent)])).toEqual([
    ['5001', 'p4_5/HELSESTASJON_0_5/ARSVERK', 30, 12, 150],
    ['3401', 'p2_1/LIS1/241', 20, 50, -60],
  ]);
  const strict = await app.inject({
    method: 'GET',
    url: '/api/staff/rounds/s1-2020/form-controls?percent=5',
    headers: { cookie },
  });
  expect(strict.json<{ deviations: unknown[] }>().deviations).toHaveLength(3);
  const unknown = await app.inject({
    method: 'GET',
    url: '/api/staff/rounds/nope/form-controls',
    headers: { cookie },
  });
  expect(unknown.statusCode).toBe(404);
  const negative = await app.inject({
    method: 'GET',
    url: '/api/staff/rounds/s1-2020/form-controls?percent=-5',
    headers: { cookie },
  });
  expect(negative.statusCode).toBe(400);
  expect(negative.json<{ detail: string }>().detail).toContain('percent');
});

test("a merged municipality's form starts from the sum of its predecessors' answers of last year", async () => {
  const definition = oneSectionForm({
    id: 'prefill-case',
    years: { from: 2019, to: 2020 },
    items: [
      {
        key: 'beboere',
        kind: 'integer',
        labels: sameLabels('Beboere'),
        prefill: { source: 'previous_year' },
      },
      { key: 'merknad', kind: 'text', max_length: 100, labels: sameLabels('Merknad') },
    ],
  });
  for (const [year, units] of [
    [2019, ['5001', '5030']],
    [2020, ['5001']],
  ] as const)
    await createFormRound(db, {
      id: `prefill-${year}`,
      definition,
      sharedLists: [],
      year,
      units: units.map((code) => ({ code, name: code, kind: 'municipality' as const })),
      deadline: new Date(Date.now() + 86_400_000),
    });
  for (const [unit, n] of [
    ['5001', 10],
    ['5030', 2],
  ] as const)
    await appendVersion(db, 'prefill-2019', unit, 0, {
      content: { tables: {}, comments: '' },
      answers: { beboere: n, merknad: 'i fjor' },
      status: 'submitted',
      savedBy: 'respondent',
      submittedAt: new Date(),
    });
  const [issued] = await issueTokens(db, 'prefill-2020');
  const session = await respondentCookie(issued!.token);
  const form = (
    await app.inject({ method: 'GET', url: '/api/respondent/form', headers: { cookie: session } })
  ).json<{
    answers: Record<string, unknown>;
  }>();
  // Trondheim (5001) and Klæbu (5030) of 2019 are Trondheim of 2020; the text is not a prefilled item.
  expect(form.answers).toEqual({ beboere: 12 });
});

test('an item prefilled from the accounts: read-only, summed over what 254 became in 2024, kept as the accounts say', async () => {
  const definition = oneSectionForm({
    id: 'accounts-case',
    years: { from: 2024, to: 2024 },
    items: [
      {
        key: 'brutto',
        kind: 'amount',
        unit: '1000 NOK',
        labels: sameLabels('Brutto driftsutgifter, hjemmetjenester'),
        prefill: { source: 'accounts', key: 'AGD10:254', read_only: true },
      },
      {
        key: 'lonn',
        kind: 'amount',
        unit: '1000 NOK',
        labels: sameLabels('Lønnsutgifter'),
        prefill: { source: 'accounts', key: 'AGD16:254' },
      },
    ],
    rules: [{ id: 'lonn-under-brutto', kind: 'not_above', severity: 'error', part: 'lonn', whole: 'brutto' }],
  });
  await createFormRound(db, {
    id: 'accounts-2024',
    definition,
    sharedLists: [],
    year: 2024,
    units: [{ code: '3403', name: 'Hamar', kind: 'municipality' }],
    deadline: new Date(Date.now() + 86_400_000),
  });
  await db
    .insertInto('account_figure')
    .values(
      [
        ['257', 'AGD10', 1200],
        ['258', 'AGD10', 300],
        ['257', 'AGD16', 900],
      ].map(([fn, measure, value]) => ({
        year: 2024,
        municipality: '3403',
        function: String(fn),
        measure: String(measure),
        value: Number(value),
        file: 'test',
        ingested_by: 'test',
      })),
    )
    .execute();
  const [issued] = await issueTokens(db, 'accounts-2024');
  const session = await respondentCookie(issued!.token);
  const read = async () =>
    (await app.inject({ method: 'GET', url: '/api/respondent/form', headers: { cookie: session } })).json<{
      answers: Record<string, unknown>;
      version: number;
    }>();
  expect((await read()).answers).toEqual({ brutto: 1500, lonn: 900 });
  // The respondent changes both; the read-only one stays as the accounts say, and the rule holds it.
  const saved = await app.inject({
    method: 'PUT',
    url: '/api/respondent/form?lang=nb',
    headers: { cookie: session, 'if-match': '0' },
    payload: { answers: { brutto: 10, lonn: 1600 } },
  });
  expect(saved.statusCode, saved.body).toBe(200);
  expect(saved.json<{ errors: { rule_id: string }[] }>().errors.map((e) => e.rule_id)).toEqual([
    'lonn-under-brutto',
  ]);
  expect((await read()).answers).toEqual({ brutto: 1500, lonn: 1600 });
});
