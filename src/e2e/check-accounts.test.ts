import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { accessibilityViolations, browserAvailable, startHarness, type Harness } from './harness.ts';
import { KONGSVINGER } from '../testing/shared-data.ts';
describe.skipIf(!browserAvailable())('a municipality checks its accounting file in the browser', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  }, 60_000);
  afterAll(async () => h.close());

  test('the file name fills in the form; findings and key figures are shown; no WCAG violation', async () => {
    const page = await h.browser.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${h.base}/regnskap`);
    await page.getByRole('heading', { name: 'Sjekk regnskapsfila før du sender den' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel('Regnskapsfil').setInputFiles(KONGSVINGER);
    expect(await page.getByLabel('Regnskapsår').inputValue()).toBe('2019');
    expect(await page.getByLabel('Region (seks siffer, for eksempel 340100)').inputValue()).toBe('040200');
    expect(await page.getByLabel('Skjema').inputValue()).toBe('0A');
    expect(await page.getByLabel('Periode').inputValue()).toBe('4');
    await page.getByRole('button', { name: 'Kontroller' }).click();
    await page.getByRole('status').filter({ hasText: 'records' }).waitFor();
    // A fourth quarter's file gets SSB's quarterly program: two functions illogical in investment inform.
    expect(await page.getByRole('status').filter({ hasText: 'records' }).textContent()).toContain(
      'Fila kan sendes. Se merknadene.',
    );
    expect(await page.getByRole('table', { name: 'Funn' }).textContent()).toContain(
      '045 Kombinasjon i investeringsregnskapet',
    );
    const figures = page.getByRole('table', { name: /Nøkkeltall for funksjon 254/ });
    expect(await figures.textContent()).toContain('251\u00a0023');
    expect(await accessibilityViolations(page)).toEqual([]);
    // Declared as the first quarter, the file's fourth-quarter records are each a finding.
    await page.getByLabel('Periode').selectOption('1');
    await page.getByRole('button', { name: 'Kontroller' }).click();
    await page.getByRole('table', { name: 'Funn' }).filter({ hasText: '005 Kvartal' }).waitFor();
  });
});
