import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import JSONstat from 'jsonstat-toolkit';
import { DEMO_ROUND_ID } from '../app/demo-round.ts';
import { ensureDemoKeyFigures } from '../app/demo-key-figures.ts';
import { addStatistician } from '../app/staff-users.ts';
import { loadSurveyDefinition } from '../files/product-data.ts';
import { loadRound, saveRound } from '../store/rounds.ts';
import {
  accessibilityViolations,
  browserAvailable,
  pageWidth,
  startHarness,
  type Harness,
} from './harness.ts';

const NEXT_ROUND = 'f254-neste-ar';

describe.skipIf(!browserAvailable())('publishing years and comparing municipalities in the browser', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await ensureDemoKeyFigures(h.db, new Date());
    // The same survey a year later, its answers as the pilot's: a second period to publish.
    const { round } = await loadRound(h.db, DEMO_ROUND_ID);
    await saveRound(h.db, await loadSurveyDefinition('f254'), {
      ...round,
      id: NEXT_ROUND,
      referenceYear: round.referenceYear + 1,
    });
    await addStatistician(h.db, {
      username: 'kari',
      displayName: 'Kari Statistiker',
      role: 'statistician',
      password: 'riktig hest batteri',
    });
  }, 120_000);
  afterAll(async () => h.close());

  test(
    'a statistician publishes a second year after a look at what it publishes; both years are public',
    { timeout: 90_000 },
    async () => {
      const page = await h.browser.newPage();
      page.setDefaultTimeout(15_000);
      await page.goto(`${h.base}/staff`);
      await page.getByLabel('Brukernavn').fill('kari');
      await page.getByLabel('Passord').fill('riktig hest batteri');
      await page.getByRole('button', { name: 'Logg inn' }).click();
      await page.getByRole('heading', { name: 'Undersøkelser' }).waitFor();

      await page.goto(`${h.base}/staff#/rounds/${NEXT_ROUND}/publisering`);
      await page.getByRole('button', { name: 'Publiser fordelingen …' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('heading', { name: /^Publisere \d{4}\?$/ }).waitFor();
      const text = (await dialog.textContent()) ?? '';
      expect(text).toContain('Svar fra 31 av 50');
      expect(text).toContain('Publisert for');
      expect(text).toContain('ikke publisert');
      expect(text).toMatch(/Skjules: \d+ beløp/);
      await dialog.getByText('Hva som skjules').first().click();
      expect(await dialog.getByRole('listitem').first().textContent()).toMatch(/: AGD/);
      expect(JSON.stringify(await accessibilityViolations(page))).toBe('[]');
      await dialog.getByLabel('Foreløpige tall').check();
      await dialog.getByRole('button', { name: /^Publiser foreløpige tall for \d{4}$/ }).click();
      await page.getByText(/Publisert: F254VIRKSOMHET \d{4} \(revisjon 1/).waitFor();

      // The publications page: each period with its stage; the key figures of 2024 made final.
      await page.goto(`${h.base}/staff#/publications`);
      await page.getByRole('heading', { name: 'Publiserte perioder' }).waitFor();
      await page.getByRole('rowheader', { name: 'KF254' }).first().waitFor();
      expect(await page.getByRole('table').textContent()).toContain('Foreløpig');
      await page.getByLabel('Regnskapsår').selectOption('2024');
      await page.getByRole('button', { name: 'Se hva som publiseres' }).click();
      const preview = page.getByRole('region', { name: 'Nøkkeltall 2024' });
      await preview.getByText('Regnskap fra 357 av 357 kommuner').waitFor();
      await preview.getByLabel('Endelige tall').check();
      await preview.getByRole('button', { name: 'Publiser nøkkeltall for 2024' }).click();
      await page.getByText('Publisert: KF254 2024 (endelig, revisjon 1).').waitFor();
      expect(JSON.stringify(await accessibilityViolations(page))).toBe('[]');

      // The public tables: both years of the split, each chosen in turn.
      await page.goto(`${h.base}/tabeller`);
      const business = page.getByRole('region', { name: /etter virksomhetstype/ });
      await business.getByText(/^Publiserte år: 2021, 2022\./).waitFor();
      expect(await business.textContent()).toContain('Foreløpige tall for 2022.');
      await business.getByRole('table').waitFor();
      await business.getByLabel('År').selectOption('2021');
      await business.getByRole('table', { name: /, 2021$/ }).waitFor();
      expect(JSON.stringify(await accessibilityViolations(page))).toBe('[]');
      await page.close();
    },
  );

  for (const [width, language, heading] of [
    [1280, 'nb', 'Sammenlign kommuner'],
    [768, 'nn', 'Samanlikn kommunar'],
    [390, 'en', 'Compare municipalities'],
  ] as const)
    test(
      `«Sammenlign» at ${width} px in ${language}: a municipality against its group, county and the country`,
      { timeout: 60_000 },
      async () => {
        const page = await h.browser.newPage({ viewport: { width, height: 900 } });
        page.setDefaultTimeout(15_000);
        await page.goto(`${h.base}/sammenlign`);
        await page.getByRole('heading', { name: 'Sammenlign kommuner' }).waitFor();
        if (language !== 'nb')
          await page.locator('label', { hasText: language === 'nn' ? 'Nynorsk' : 'English' }).click();
        await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
        expect(await page.locator('html').getAttribute('lang')).toBe(language);
        await page.getByLabel(language === 'en' ? 'Municipality' : 'Kommune').selectOption('4601');
        await page.getByRole('heading', { name: '4601 Bergen', level: 2 }).waitFor();
        expect(page.url()).toMatch(/\/sammenlign\/4601$/);

        // Each figure per inhabitant: a chart with its text alternative, and the table behind it.
        const figure = page
          .getByRole('region', { name: /per innbygger 80 år og over|per inhabitant aged 80 or over/ })
          .first();
        expect(await figure.getByRole('img').getAttribute('alt')).toMatch(
          language === 'en' ? /^Bar chart:/ : /^Søylediagram:/,
        );
        const rows = figure.getByRole('row');
        await expect.poll(() => rows.count()).toBe(6);
        const header = await figure.getByRole('columnheader').allTextContents();
        expect(header.slice(1)).toEqual(['2022', '2023', '2024']);
        const group = await figure.getByRole('rowheader').nth(1).textContent();
        expect(group).toMatch(language === 'en' ? /^KOSTRA group \d+$/ : /^KOSTRA-gruppe \d+$/);
        expect(await figure.getByRole('row').nth(1).textContent()).toMatch(/\d/);

        // The same numbers from the PxWeb API.
        const href = await page.getByRole('link', { name: 'JSON-stat' }).getAttribute('href');
        const data = JSONstat(await (await page.request.get(`${h.base}${href}`)).json());
        expect(data.Dimension('Region').id).toContain('4601');
        const csv = await page.request.get(
          `${h.base}${await page.getByRole('link', { name: 'CSV' }).getAttribute('href')}`,
        );
        expect(await csv.text()).toContain('4601 Bergen');

        if (width === 390) expect(await pageWidth(page)).toBeLessThanOrEqual(390);
        expect(JSON.stringify(await accessibilityViolations(page))).toBe('[]');
        await page.close();
      },
    );
});
