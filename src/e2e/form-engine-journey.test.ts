import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadFormLibrary } from '../files/form-definitions.ts';
import { createFormRound } from '../store/form-rounds.ts';
import { issueTokens } from '../store/respondents.ts';
import {
  accessibilityViolations,
  focused,
  pageWidth,
  browserAvailable,
  openInvitation,
  startHarness,
  type Harness,
} from './harness.ts';

const DAY = 24 * 60 * 60 * 1000;

describe.skipIf(!browserAvailable())('forms of the forms engine, filled in the browser', () => {
  let h: Harness;
  const links = new Map<string, string>();
  beforeAll(async () => {
    h = await startHarness();
    const library = await loadFormLibrary();
    const form = (id: string) => library.forms.find((f) => f.id === id)!;
    const deadline = new Date(Date.now() + 10 * DAY);
    await createFormRound(h.db, {
      id: 'skjema1-2021',
      definition: form('kostra-skjema-1'),
      sharedLists: library.lists,
      year: 2021,
      units: [{ code: '4640', name: 'Sogndal', kind: 'municipality' }],
      deadline,
    });
    await createFormRound(h.db, {
      id: 'skjema4-2021',
      definition: form('kostra-skjema-4'),
      sharedLists: library.lists,
      year: 2021,
      units: [{ code: '030105', name: 'Bydel Frogner', kind: 'oslo_district' }],
      deadline,
    });
    await createFormRound(h.db, {
      id: 'skjema1-2021-phone',
      definition: form('kostra-skjema-1'),
      sharedLists: library.lists,
      year: 2021,
      units: [{ code: '3403', name: 'Hamar', kind: 'municipality' }],
      deadline,
    });
    for (const round of ['skjema1-2021', 'skjema4-2021', 'skjema1-2021-phone'])
      links.set(round, `${h.base}/s/${(await issueTokens(h.db, round))[0]!.token}`);
  }, 60_000);
  afterAll(async () => h.close());

  const open = async (round: string): Promise<Page> => {
    const page = await h.browser.newPage();
    page.setDefaultTimeout(10_000);
    await openInvitation(page, links.get(round)!);
    await page.getByRole('heading', { level: 1 }).waitFor();
    return page;
  };
  const shown = (page: Page, text: string | RegExp) =>
    expect.poll(() => page.getByText(text).count(), { timeout: 10_000 }).toBeGreaterThan(0);
  const gone = (page: Page, text: string | RegExp) =>
    expect.poll(() => page.getByText(text).count(), { timeout: 10_000 }).toBe(0);
  const savedAs = (page: Page, version: number) =>
    expect.poll(() => page.getByRole('status').textContent(), { timeout: 10_000 }).toContain(`(v${version})`);
  const choose = (page: Page, question: string | RegExp, answer: string) =>
    page.getByRole('group', { name: question }).getByLabel(answer, { exact: true }).check();

  test(
    'a municipality fills skjema 1: a grid, a choice, a part that opens, an error, a warning explained',
    { timeout: 120_000 },
    async () => {
      const page = await open('skjema1-2021');
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(
        'KOSTRA skjema 1 Kommunehelse',
      );
      expect(await page.getByText('4640 Sogndal').count()).toBe(1);
      // What is new in 2021, from the definition's years.
      await page.getByText('Nytt i årets skjema').click();
      await shown(page, /Nytt: Leger uten avtale \(bare leger uten avtale som kommunen finansierer/);
      expect(await accessibilityViolations(page)).toEqual([]);

      // The grid: two decimals where the item takes one is an error on the cell, as the user types.
      const cell = page.getByLabel(
        'Lege i spesialisering 1 (LIS1) / turnuslege, 241 Diagnose, behandling og re-/habilitering',
        { exact: true },
      );
      await cell.fill('37,55');
      await shown(
        page,
        /punkt 2-1 .*kolonne «241 Diagnose, behandling og re-\/habilitering»: høyst 1 desimaler/,
      );
      await cell.fill('37,5');
      await gone(page, /høyst 1 desimaler/);
      await page
        .getByLabel('Leger uten avtale, 241 Diagnose, behandling og re-/habilitering', { exact: true })
        .fill('12');
      expect(await page.getByTestId('total-p2_1-241').textContent()).toBe('49,5');

      // Choices, and the part that opens on an answer.
      await page
        .getByRole('group', { name: /4-4 Samarbeid med andre aktører/ })
        .getByLabel('Føde/barsel')
        .check();
      await page
        .getByLabel('Svangerskaps- og barselomsorg / oppfølging av barn 0-5 år ved helsestasjon, Årsverk')
        .fill('4,5');
      expect(await page.getByLabel(/Omtrent hvor mange årsverk ble omdisponert/).count()).toBe(0);
      await choose(page, /Ble personell i helsestasjons- og skolehelsetjenesten omdisponert/, 'Ja');
      await page.getByLabel(/Omtrent hvor mange årsverk ble omdisponert/).fill('9');
      // More redeployed than the service has: a warning, and the warning needs a comment.
      await shown(page, /flere årsverk omdisponert \(9\) enn tjenesten har i punkt 4-5 \(4,5\)/);
      await shown(page, 'Skjemaet har advarsler: forklar dem i merknadene.');
      await page.getByLabel('Merknader').fill('Personell fra andre tjenester ble også omdisponert.');
      await gone(page, 'Skjemaet har advarsler: forklar dem i merknadene.');

      await choose(page, /Ble fysioterapeuter omdisponert/, 'Nei');
      await choose(page, /frisklivssentral/, 'Ja');
      await choose(page, /Har kommunen psykologkompetanse/, 'Ja');
      await page
        .getByRole('group', { name: /Hvilke målgrupper/ })
        .getByLabel('Annet, spesifiser')
        .check();
      await shown(page, /spesifiser «Annet, spesifiser»/);
      await page
        .getByRole('group', { name: /Hvilke målgrupper/ })
        .getByLabel('Spesifiser', { exact: true })
        .fill('Innsatte');
      // The legevakt mapping of 2021: answered no, its part stays closed.
      await choose(page, /Kan kommunen rapportere avtalte timeverk for leger i legevakt/, 'Nei');
      // (the question is still named in «Nytt i årets skjema»: the part itself is what closes)
      await expect
        .poll(() => page.getByRole('group', { name: 'Er legevakten et interkommunalt samarbeid?' }).count())
        .toBe(0);
      await gone(page, 'Dette må rettes før du kan sende inn');
      expect(await accessibilityViolations(page)).toEqual([]);

      // The draft is saved by itself and is there after a reload.
      await expect
        .poll(() => page.getByRole('status').textContent(), { timeout: 10_000 })
        .toMatch(/\(v\d+\)/);
      await page.waitForTimeout(1500);
      await page.reload();
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await cell.inputValue()).toBe('37,5');
      expect(await page.getByLabel('Merknader').inputValue()).toContain('andre tjenester');

      await page.getByLabel('Navn på den som fyller ut').fill('Kari Nordmann');
      await page.getByLabel('E-post').fill('kari.nordmann@sogndal.kommune.no');
      await page.getByRole('button', { name: 'Send inn skjemaet' }).click();
      await page.getByRole('heading', { name: 'Skjemaet er sendt inn' }).waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);
      const href = await page.getByRole('link', { name: 'Last ned kvittering (PDF)' }).getAttribute('href');
      const pdf = await page.request.get(`${h.base}${href}`);
      expect(pdf.headers()['content-type']).toBe('application/pdf');
      expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
      await page.close();
    },
  );

  test(
    'an Oslo district fills skjema 4 in nynorsk; a rule across two questions blocks it until fixed',
    { timeout: 90_000 },
    async () => {
      const page = await open('skjema4-2021');
      await page.locator('label', { hasText: 'Nynorsk' }).click();
      await shown(page, 'System for brukarundersøkingar');
      expect(await page.getByText('030105 Bydel Frogner').count()).toBe(1);
      // Questions still to come are not errors yet; pressing submit tells which must be answered.
      expect(await page.getByText(/må svarast på/).count()).toBe(0);
      await page.getByLabel('Namn på den som fyller ut').fill('Ola Nordmann');
      await page.getByLabel('E-post').fill('ola@bfr.oslo.kommune.no');
      await page.getByRole('button', { name: 'Send inn skjemaet' }).click();
      await shown(page, /Del 2, «Har kommunen eit system for brukarundersøkingar .*»: må svarast på/);
      await choose(page, /Har kommunen eit system for brukarundersøkingar/, 'Nei');
      await gone(page, 'Kva målgrupper er omfatta av brukarundersøkingane?');
      await page.getByLabel(/Bebuarar i bustad med fast tilknytt bemanning/).fill('40');
      await page.getByLabel(/av dei i bustader for personar med utviklingshemming/).fill('55');
      await shown(
        page,
        /55 er meir enn Del 6, punkt 6 «Bebuarar i bustad med fast tilknytt bemanning heile døgeret» \(40\)/,
      );
      await savedAs(page, 1);
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.getByLabel('Namn på den som fyller ut').fill('Ola Nordmann');
      await page.getByLabel('E-post').fill('ola@bfr.oslo.kommune.no');
      await page.getByRole('button', { name: 'Send inn skjemaet' }).click();
      await shown(page, 'Dette må rettast før du kan sende inn');
      expect(await page.getByRole('heading', { name: 'Skjemaet er sendt inn' }).count()).toBe(0);
      await page.getByLabel(/av dei i bustader for personar med utviklingshemming/).fill('30');
      await gone(page, 'Dette må rettast før du kan sende inn');
      await savedAs(page, 2);
      await page.getByRole('button', { name: 'Send inn skjemaet' }).click();
      await page.getByRole('heading', { name: 'Skjemaet er sendt inn' }).waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);
      const href = await page.getByRole('link', { name: 'Last ned kvittering (PDF)' }).getAttribute('href');
      const pdf = await page.request.get(`${h.base}${href}`);
      expect(pdf.headers()['content-type']).toBe('application/pdf');
      expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
      await page.close();
    },
  );

  test(
    "on a phone, one step at a time: the grid's row labels stay beside their inputs, a finding leads to its step",
    { timeout: 90_000 },
    async () => {
      const page = await open('skjema1-2021-phone');
      await page.setViewportSize({ width: 390, height: 844 });
      await page.getByLabel('Ett steg om gangen').check();
      const steps = await page.getByRole('navigation', { name: 'Innhold' }).getByRole('link').count();
      await shown(page, `Steg 1 av ${steps}`);
      expect(await page.locator('section.form-section').count()).toBe(1);
      expect(await page.getByRole('button', { name: 'Send inn skjemaet' }).count()).toBe(0);

      // To part 2 from the contents: its heading takes the focus.
      await page
        .getByRole('navigation', { name: 'Innhold' })
        .getByRole('link', { name: /^Del 2/ })
        .click();
      await expect.poll(async () => (await focused(page)).text).toMatch(/^Del 2/);
      const cell = page.getByLabel(
        'Lege i spesialisering 1 (LIS1) / turnuslege, 241 Diagnose, behandling og re-/habilitering',
        { exact: true },
      );
      await cell.fill('37,55');
      await shown(page, /høyst 1 desimaler/);

      // The grid scrolls sideways in its box; the row's label stays at the box's left edge.
      const box = page.locator('.grid-field .table-scroll').first();
      const label = box.locator('tbody th[scope="row"]').first();
      const before = (await label.boundingBox())!;
      await box.evaluate((el: { scrollBy: (to: { left: number }) => void }) => el.scrollBy({ left: 400 }));
      await expect.poll(() => box.evaluate((el: { scrollLeft: number }) => el.scrollLeft)).toBeGreaterThan(0);
      expect((await label.boundingBox())!.x).toBeCloseTo(before.x, 0);
      expect(await pageWidth(page)).toBeLessThanOrEqual(390);
      expect(await accessibilityViolations(page)).toEqual([]);

      // The next step's heading takes the focus; from there, the finding in the summary leads back to its cell.
      await page.getByRole('button', { name: 'Neste' }).click();
      await shown(page, `Steg 2 av ${steps}`);
      await expect.poll(async () => (await focused(page)).text).toMatch(/^Del 3/);
      expect(await cell.count()).toBe(0);
      await page.getByRole('link', { name: /høyst 1 desimaler/ }).click();
      await shown(page, `Steg 1 av ${steps}`);
      const cellId = await cell.getAttribute('id');
      await expect.poll(async () => (await focused(page)).id).toBe(cellId);

      // The last step: the comments and the submission.
      await page
        .getByRole('navigation', { name: 'Innhold' })
        .getByRole('link', { name: 'Merknader og innsending' })
        .click();
      await page.getByRole('heading', { name: 'Merknader og innsending' }).waitFor();
      expect(await page.getByRole('button', { name: 'Send inn skjemaet' }).count()).toBe(1);
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.close();
    },
  );
});
