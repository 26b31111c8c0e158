import { mkdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_ROUND_ID } from '../app/demo-round.ts';
import { resolveForm, type ResolvedForm } from '../domain/forms/resolve.ts';
import { loadFormLibrary } from '../files/form-definitions.ts';
import { createFormRound } from '../store/form-rounds.ts';
import { issueTokens } from '../store/respondents.ts';
import { engineWords } from '../web/engine/texts.ts';
import type { Language } from '../domain/language.ts';
import { formatNorwegian } from '../domain/number-format.ts';
import { pdfLines, pdfTextRuns } from '../report/testing/pdf-text.ts';
import { PROBLEM_DETAILS } from '../server/problem-texts.ts';
import { textsFor } from '../web/texts.ts';
import { wireForm, type WireForm } from '../wire/respondent.ts';
import {
  accessibilityViolations,
  browserAvailable,
  focused,
  pageWidth,
  startHarness,
  type Harness,
} from './harness.ts';

/** Screenshots a reviewer can look at, under the test output (not in the repository). */
const SHOTS = new URL('../../test-output/screenshots/', import.meta.url).pathname;

/**
 * Each run: a finance officer of another municipality that did not answer the pilot. In bokmål and nynorsk
 * the form opens in the unit's own written language; in English the officer picks it.
 */
const RUNS = [
  { width: 1280, language: 'nb', municipality: '3024' },
  { width: 768, language: 'nb', municipality: '5401' },
  { width: 390, language: 'nb', municipality: '3030' },
  { width: 1280, language: 'nn', municipality: '3435' },
  { width: 768, language: 'nn', municipality: '3041' },
  { width: 390, language: 'nn', municipality: '3441' },
  { width: 1280, language: 'en', municipality: '4214' },
  { width: 768, language: 'en', municipality: '4216' },
  { width: 390, language: 'en', municipality: '3816' },
] as const;

const LANGUAGE_NAMES: Record<Language, string> = { nb: 'Bokmål', nn: 'Nynorsk', en: 'English' };

describe.skipIf(!browserAvailable())('the finance officer’s form on a desktop, a tablet and a phone', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await mkdir(SHOTS, { recursive: true });
    // Nynorsk municipalities, as a contact list with their written language sets them.
    await h.db
      .updateTable('invitation')
      .set({ language: 'nn' })
      .where('round_id', '=', DEMO_ROUND_ID)
      .where(
        'municipality',
        'in',
        RUNS.filter((r) => r.language === 'nn').map((r) => r.municipality),
      )
      .execute();
  }, 60_000);
  afterAll(async () => h.close());

  for (const { width, language, municipality } of RUNS)
    test(
      `${width} px, ${language}: language, layout, findings, autosave, fewer than five, submission, receipt, links`,
      { timeout: 120_000 },
      async () => {
        const t = textsFor(language);
        const page = await h.browser.newPage({ viewport: { width, height: 900 } });
        page.setDefaultTimeout(10_000);
        const shot = (step: string) =>
          page.screenshot({ path: `${SHOTS}form-${width}-${language}-${step}.png`, fullPage: true });
        const shown = (text: string | RegExp) =>
          expect.poll(() => page.getByText(text).count(), { timeout: 10_000 }).toBeGreaterThan(0);
        const saveState = () => page.locator('.save-state').textContent();
        const fits = async (selector: string) => {
          const box = await page.locator(selector).first().boundingBox();
          expect(box, selector).not.toBeNull();
          expect(box!.x, selector).toBeGreaterThanOrEqual(0);
          expect(box!.x + box!.width, selector).toBeLessThanOrEqual(width);
        };

        // The invitation link's page: in the unit's written language first.
        await page.goto(`${h.base}/s/${h.tokens.get(municipality)}`);
        expect(await page.locator('html').getAttribute('lang')).toBe(language === 'nn' ? 'nn' : 'nb');
        expect(await accessibilityViolations(page)).toEqual([]);
        await shot('1-link');
        await page.getByRole('button', { name: /Logg inn/ }).click();
        await page.getByRole('heading', { level: 1 }).waitFor();
        expect(await page.locator('html').getAttribute('lang')).toBe(language === 'nn' ? 'nn' : 'nb');
        if (language === 'en') await page.locator('label', { hasText: LANGUAGE_NAMES.en }).click();
        await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(language);

        // The labels the server gives the form in this language.
        const form: WireForm = wireForm.parse(
          await (
            await page.request.get(`${h.base}/api/respondent/form`, {
              headers: { 'accept-language': language },
            })
          ).json(),
        );
        const survey = form.survey;
        const [ambulant, bpa] = survey.tables[0]!.rows;
        const [agd10, agd4, , agd2] = survey.measures;
        const field = (row: typeof ambulant, measure: typeof agd10) =>
          page.getByLabel(`${row!.labels[language]}, ${measure!.code} ${measure!.labels[language]}`, {
            exact: true,
          });
        await shown(survey.title[language]);
        expect(await page.title()).toContain(survey.title[language]);
        expect(await page.locator('.form-facts').textContent()).toContain(t.status.not_started);

        // Nothing off the screen: no sideways scroll, the language switch and the last measure's field in view.
        expect(await pageWidth(page)).toBeLessThanOrEqual(width);
        for (const name of Object.values(LANGUAGE_NAMES))
          await fits(`[aria-label="${t.language}"] :text-is("${name}")`);
        await fits(`#field-business_types-${ambulant!.key}-${agd2!.code}`);
        // The unit and the fewer-than-five rule beside the amounts; each field's measure in words at it.
        expect(await page.getByText(`${t.unit}.`, { exact: true }).first().isVisible()).toBe(true);
        expect(await page.getByText(survey.fields.fewer_than_5.guidance[language]).first().isVisible()).toBe(
          true,
        );
        const measureName =
          width < 960
            ? page.locator(`label[for="field-business_types-${ambulant!.key}-${agd4!.code}"]`)
            : page.locator('thead .measure-label', { hasText: agd4!.labels[language] }).first();
        expect(await measureName.isVisible()).toBe(true);

        // More than the KOSTRA total, and text that is no number: the rest is saved, the text is said.
        const total = form.prefilled[agd10!.code]!;
        await field(ambulant, agd10).fill(formatNorwegian(total + 1000));
        await field(ambulant, agd4).fill('12 kroner');
        await shown(t.invalidNumber);
        await expect.poll(saveState, { timeout: 10_000 }).toContain(`${t.saved} (v1)`);
        expect(await saveState()).toContain(t.unreadableNotSaved.replace('{count}', '1'));
        // The status follows the save.
        await expect.poll(() => page.locator('.form-facts').textContent()).toContain(t.status.draft);
        await shown(t.warningsHeading);
        await field(ambulant, agd4).fill('1 000');
        await expect.poll(saveState, { timeout: 10_000 }).toBe(`${t.saved} (v2)`);

        // Fewer than five users takes the row's amounts away, says so, and can be undone.
        await field(bpa, agd10).fill('500');
        await page
          .getByLabel(`${bpa!.labels[language]}: ${survey.fields.fewer_than_5.labels[language]}`)
          .check();
        await shown(t.amountsCleared(bpa!.labels[language]));
        expect(await field(bpa, agd10).inputValue()).toBe('');
        await page.getByRole('button', { name: t.undo }).click();
        expect(await field(bpa, agd10).inputValue()).toBe('500');
        await expect.poll(saveState, { timeout: 10_000 }).toMatch(new RegExp(`^${t.saved} \\(v[34]\\)$`));

        // A reload shows the saved draft's findings at once.
        await page.reload();
        await page.getByRole('heading', { level: 1 }).waitFor();
        await shown(t.warningsHeading);
        expect(await page.locator('.warnings li').count()).toBeGreaterThan(0);
        expect(await pageWidth(page)).toBeLessThanOrEqual(width);
        expect(await accessibilityViolations(page)).toEqual([]);
        await shot('2-form');

        // The warning explained, the submitter, a time as people write it: submitted.
        const comments = page.locator('#field-comments');
        expect(await comments.getAttribute('id')).toBe(
          await page.getByLabel(survey.fields.comments.labels[language], { exact: true }).getAttribute('id'),
        );
        await comments.fill('Boligbasene er ført på 254.');
        await expect.poll(saveState, { timeout: 10_000 }).toMatch(new RegExp(`^${t.saved} `));
        await page.getByLabel(t.contactName).fill('Kari Nordmann');
        await page.getByLabel(t.contactEmail, { exact: true }).fill('kari@kommune.no');
        await page.getByLabel(t.minutes).fill('45 min');
        await page.getByRole('button', { name: t.submit }).click();
        await page.getByRole('heading', { level: 1, name: t.receiptTitle }).waitFor();
        // The focus moves to the receipt's heading, not to the page's body.
        expect((await focused(page)).id).toBe('receipt-heading');
        const receipt = (await page.locator('.receipt').textContent()) ?? '';
        expect(receipt).toMatch({ nb: /ble sendt inn/, nn: /vart sendt inn/, en: /was submitted/ }[language]);
        expect(await pageWidth(page)).toBeLessThanOrEqual(width);
        expect(await accessibilityViolations(page)).toEqual([]);
        await shot('3-receipt');

        // The PDF: the form, the year, the sums; no internal id.
        const href = await page.getByRole('link', { name: t.receiptPdf }).getAttribute('href');
        const pdf = await page.request.get(`${h.base}${href}`);
        const lines = pdfLines(await pdfTextRuns(await pdf.body()));
        expect(lines.join(' ')).toContain(survey.title[language]);
        expect(lines.join(' ')).not.toContain(DEMO_ROUND_ID);
        expect(lines.some((l) => l.startsWith(language === 'en' ? 'Total ' : 'Sum '))).toBe(true);

        // Back to the form and a change: the submitted version is said to stand until the next.
        await page.getByRole('button', { name: t.backToForm }).click();
        await page.getByRole('heading', { level: 1 }).waitFor();
        expect(await page.locator('.form-facts').textContent()).toContain(t.status.submitted);
        await field(ambulant, agd2).fill('2 000');
        const earlier = t.submittedEarlier.split('{time}')[0]!.replace(/\{version\}/, '\\d+');
        await shown(new RegExp(`^${earlier}`));
        await expect.poll(() => page.locator('.form-facts').textContent()).toContain(t.status.draft);
        expect(await page.getByRole('button', { name: t.submitAgain }).count()).toBe(1);
        await shot('4-after-submission');

        // Signed out, a wrong code is answered in the page's language.
        await page.getByRole('button', { name: t.signOut }).click();
        await page
          .getByRole('heading', { level: 1, name: textsFor(language === 'nn' ? 'nb' : language).signInTitle })
          .waitFor();
        if (language === 'nn') await page.locator('label', { hasText: LANGUAGE_NAMES.nn }).click();
        await page.getByLabel(t.token).fill('not-a-code');
        await page.getByRole('button', { name: t.signIn, exact: true }).click();
        await shown(PROBLEM_DETAILS['unknown or revoked token, or the round is closed']![language]);
        expect(await accessibilityViolations(page)).toEqual([]);
        await shot('5-sign-in');

        // A link that is not valid: a page in all three languages, not JSON.
        const bad = await page.goto(`${h.base}/s/${'x'.repeat(43)}`);
        expect(bad?.status()).toBe(401);
        expect(await page.locator(`section[lang="${language}"]`).count()).toBe(1);
        expect(await pageWidth(page)).toBeLessThanOrEqual(width);
        expect(await accessibilityViolations(page)).toEqual([]);
        await shot('6-bad-link');
        await page.close();
      },
    );
});

describe.skipIf(!browserAvailable())(
  'the f254 form on the forms engine, on each screen and in each language',
  () => {
    let h: Harness;
    const links = new Map<string, string>();
    let form: ResolvedForm;
    beforeAll(async () => {
      h = await startHarness();
      await mkdir(SHOTS, { recursive: true });
      const library = await loadFormLibrary();
      const definition = library.forms.find((f) => f.id === 'f254')!;
      form = resolveForm(definition, 2022, library.lists);
      for (const { width, language, municipality } of RUNS) {
        const id = `f254-${width}-${language}`;
        await createFormRound(h.db, {
          id,
          definition,
          sharedLists: library.lists,
          year: 2022,
          units: [{ code: municipality, name: `Kommune ${municipality}`, kind: 'municipality' }],
          deadline: new Date(Date.now() + 10 * 24 * 60 * 60 * 1000),
        });
        if (language === 'nn')
          await h.db.updateTable('invitation').set({ language: 'nn' }).where('round_id', '=', id).execute();
        links.set(id, `${h.base}/s/${(await issueTokens(h.db, id))[0]!.token}`);
      }
    }, 60_000);
    afterAll(async () => h.close());

    for (const { width, language } of RUNS)
      test(
        `${width} px, ${language}: the unit's language, definitions, a tick that takes numbers away, submission`,
        { timeout: 120_000 },
        async () => {
          const t = textsFor(language);
          const w = engineWords(language);
          const page = await h.browser.newPage({ viewport: { width, height: 900 } });
          page.setDefaultTimeout(10_000);
          const shot = (step: string) =>
            page.screenshot({ path: `${SHOTS}engine-f254-${width}-${language}-${step}.png`, fullPage: true });
          const shown = (text: string | RegExp) =>
            expect.poll(() => page.getByText(text).count(), { timeout: 10_000 }).toBeGreaterThan(0);
          const saveState = () => page.locator('.save-state').textContent();
          const grid = form.sections[0]!.items[0]!;
          if (grid.kind !== 'grid' || !grid.row_flag)
            throw new Error('f254 starts with a grid with a row flag');
          const [ambulant, bpa] = grid.rows;
          const [agd10, agd4] = grid.columns;
          const cell = (row: typeof ambulant, column: typeof agd10) =>
            page.getByLabel(`${row!.labels[language]}, ${column!.labels[language]}`, { exact: true });

          await page.goto(links.get(`f254-${width}-${language}`)!);
          await page.getByRole('button', { name: /Logg inn/ }).click();
          await page.getByRole('heading', { level: 1 }).waitFor();
          if (language === 'en') await page.locator('label', { hasText: LANGUAGE_NAMES.en }).click();
          await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(language);
          await shown(form.title[language]);
          expect(await pageWidth(page)).toBeLessThanOrEqual(width);
          // The row flag's rule and the columns' definitions where the numbers are typed.
          expect(await page.getByText(grid.row_flag.guidance![language]).first().isVisible()).toBe(true);
          await page.getByText(w.columnsExplained).first().click();
          await shown(agd10!.guidance![language]);

          // Text that is no number is said; the rest is saved; the status follows.
          await cell(ambulant, agd10).fill('4 000');
          await cell(ambulant, agd4).fill('12 kroner');
          await expect.poll(saveState, { timeout: 10_000 }).toContain(`${t.saved} (v1)`);
          expect(await saveState()).toContain(t.unreadableNotSaved.replace('{count}', '1'));
          await expect.poll(() => page.locator('.form-facts').textContent()).toContain(t.status.draft);
          await cell(ambulant, agd4).fill('3 000');

          // The tick takes the row's numbers away, says so, and can be undone.
          await cell(bpa, agd10).fill('500');
          await page.getByLabel(`${bpa!.labels[language]}: ${grid.row_flag.labels[language]}`).check();
          await shown(
            w.cleared
              .replace('{row}', bpa!.labels[language])
              .replace('{flag}', grid.row_flag.labels[language]),
          );
          expect(await cell(bpa, agd10).inputValue()).toBe('');
          expect(await accessibilityViolations(page)).toEqual([]);
          await shot('1-cleared');
          await page.getByRole('button', { name: t.undo }).click();
          expect(await cell(bpa, agd10).inputValue()).toBe('500');
          expect(
            await page.getByLabel(`${bpa!.labels[language]}: ${grid.row_flag.labels[language]}`).isChecked(),
          ).toBe(false);
          await expect.poll(saveState, { timeout: 10_000 }).toMatch(new RegExp(`^${t.saved} `));

          // How the figures were found, and the warnings explained: submitted. The receipt takes the focus;
          // its PDF ends the grid with the column sums.
          const methods = form.sections[0]!.items.find((i) => i.kind === 'multiple_choice');
          if (methods?.kind !== 'multiple_choice') throw new Error('f254 asks how the figures were found');
          await page
            .getByRole('group', { name: methods.labels[language] })
            .first()
            .getByLabel(methods.options[0]!.labels[language], { exact: true })
            .check();
          await page.locator('#field-comments').fill('Fordelt etter ansvar.');
          await page.getByLabel(t.contactName).fill('Kari Nordmann');
          await page.getByLabel(t.contactEmail, { exact: true }).fill('kari@kommune.no');
          await page.getByLabel(t.minutes).fill('1 t 5 min');
          await page.getByRole('button', { name: t.submit }).click();
          await page.getByRole('heading', { level: 1, name: t.receiptTitle }).waitFor();
          expect((await focused(page)).id).toBe('receipt-heading');
          const href = await page.getByRole('link', { name: t.receiptPdf }).getAttribute('href');
          const lines = pdfLines(
            await pdfTextRuns(await (await page.request.get(`${h.base}${href}`)).body()),
          );
          expect(lines).toContain(
            `${w.total}, ${agd10!.labels[language]}: ${language === 'en' ? '4500' : '4\u00a0500'}`,
          );
          await shot('2-receipt');

          // A change after it: the submitted version is said to stand until the next.
          await page.getByRole('button', { name: t.backToForm }).click();
          await page.getByRole('heading', { level: 1 }).waitFor();
          await cell(ambulant, agd10).fill('4 100');
          const earlier = t.submittedEarlier.split('{time}')[0]!.replace(/\{version\}/, '\\d+');
          await shown(new RegExp(`^${earlier}`));
          expect(await page.getByRole('button', { name: t.submitAgain }).count()).toBe(1);
          expect(await pageWidth(page)).toBeLessThanOrEqual(width);
          expect(await accessibilityViolations(page)).toEqual([]);
          await shot('3-after-submission');
          await page.close();
        },
      );
  },
);
