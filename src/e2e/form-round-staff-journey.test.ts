import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addStatistician } from '../app/staff-users.ts';
import { appendVersion } from '../store/responses.ts';
import { accessibilityViolations, browserAvailable, startHarness, type Harness } from './harness.ts';

const ROUND = 's4-oslo-journey';

describe.skipIf(!browserAvailable())('a statistician runs a round of skjema 4 from the staff pages', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await addStatistician(h.db, {
      username: 'kari',
      displayName: 'Kari Statistiker',
      role: 'statistician',
      password: 'riktig hest batteri',
    });
  }, 60_000);
  afterAll(async () => {
    await h.close();
  });

  test(
    "opens skjema 4 for Oslo's districts, follows them, reads the summary and downloads the answers",
    { timeout: 90_000 },
    async () => {
      const page = await h.browser.newPage();
      page.setDefaultTimeout(10_000);
      await page.goto(`${h.base}/staff`);
      await page.getByLabel('Brukernavn').fill('kari');
      await page.getByLabel('Passord').fill('riktig hest batteri');
      await page.getByRole('button', { name: 'Logg inn' }).click();
      await page.getByRole('heading', { name: 'Undersøkelser' }).waitFor();

      await page.goto(`${h.base}/staff#/new`);
      await page.getByLabel('Skjema').selectOption('kostra-skjema-4');
      await page.getByLabel(/^Id \(for eksempel kostra-skjema-4/).fill(ROUND);
      await page.getByLabel('Årgang', { exact: true }).fill('2021');
      await page.getByLabel('Frist (ÅÅÅÅ-MM-DD)').fill('2099-01-15');
      await page.getByLabel('Bydelene i Oslo').check();
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Opprett' }).click();
      await page.getByText('15 enheter skal svare på kostra-skjema-4 for 2021.').waitFor();

      // A year the form does not cover is refused, and says why.
      await page.getByLabel(/^Id \(for eksempel/).fill('s4-oslo-2016');
      await page.getByLabel('Årgang', { exact: true }).fill('2016');
      await page.getByRole('button', { name: 'Opprett' }).click();
      await page.getByRole('alert').getByText(/2016/).waitFor();

      // Two districts have answered.
      for (const [unit, residents] of [
        ['030101', 40],
        ['030102', 55],
      ] as const)
        await appendVersion(h.db, ROUND, unit, 0, {
          content: { tables: {}, comments: '' },
          answers: { g6_beboere_dogn: residents },
          status: 'submitted',
          savedBy: 'respondent',
          submittedAt: new Date(),
        });
      await page.goto(`${h.base}/staff#/rounds/${ROUND}`);
      await page.getByRole('heading', { name: 'Oppsummering per felt' }).waitFor();
      await page.getByText('kostra-skjema-4, årgang 2021: 2 av 15 enheter har sendt inn.').waitFor();
      const summary = page.getByRole('row', {
        name: /Beboere i bolig med fast tilknyttet bemanning hele døgnet/,
      });
      expect(await summary.getByRole('cell').allTextContents()).toEqual(['2', '95', '40', '55']);
      // The response rates by KOSTRA's calendar for 2021: the deadlines and publications of 2022.
      const rates = page.getByRole('region', { name: 'Svarinngang etter KOSTRA-kalenderen' });
      expect(
        await rates
          .getByRole('row', { name: /Forventet/ })
          .getByRole('cell')
          .first()
          .textContent(),
      ).toBe('15');
      expect(
        await rates
          .getByRole('row', { name: /15\.01\.2022/ })
          .getByRole('cell')
          .allTextContents(),
      ).toEqual(['0', '0,0']);
      const units = page.getByRole('region', { name: 'Status per enhet' });
      expect(await units.getByRole('row', { name: /030101 Gamle Oslo/ }).textContent()).toContain(
        'Sendt inn',
      );
      expect(await units.getByRole('row', { name: /030115 Søndre Nordstrand/ }).textContent()).toContain(
        'Ikke påbegynt',
      );
      // No round of last year: nothing to compare yet, and the page says so.
      await page.getByText(/0 enheter sammenlignet; uten svar i fjor: 030101 Gamle Oslo/).waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);

      // A district's own page: what it answered, by the form's words, and its versions.
      await units.getByRole('link', { name: '030101 Gamle Oslo' }).click();
      const answers = page.getByRole('region', { name: 'Siste svar' });
      const residents = answers.getByRole('row', {
        name: /Beboere i bolig med fast tilknyttet bemanning hele døgnet/,
      });
      await residents.waitFor();
      expect(await residents.getByRole('cell').allTextContents()).toEqual(['40']);
      await page.getByText('g6_beboere_dogn: – → 40').waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.goBack();
      await page.getByRole('heading', { name: 'Oppsummering per felt' }).waitFor();

      const download = page.waitForEvent('download');
      await page.getByRole('link', { name: 'Last ned alle svar (CSV)' }).click();
      const file = await download;
      const text = await (await file.createReadStream()).toArray();
      expect(Buffer.concat(text).toString('utf8').split('\r\n')).toEqual([
        'unit,name,path,value',
        '030101,Gamle Oslo,g6_beboere_dogn,40',
        '030102,Grünerløkka,g6_beboere_dogn,55',
        '',
      ]);
    },
  );
});
