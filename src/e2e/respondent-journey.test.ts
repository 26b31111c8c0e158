import ExcelJS from 'exceljs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_ROUND_ID } from '../app/demo-round.ts';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { setExtension } from '../store/rounds.ts';
import {
  accessibilityViolations,
  browserAvailable,
  openInvitation,
  startHarness,
  type Harness,
} from './harness.ts';
import { draftBody } from '../server/testing/autosave-load.ts';

const ROUND = 'f254-pilot-2022';
const AGD10 = 'AGD10 Brutto driftsutgifter på funksjon/tjenesteområde';
const DAY = 24 * 60 * 60 * 1000;

describe.skipIf(!browserAvailable())(
  'a municipality fills in, checks and submits its form in the browser',
  () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness();
    }, 60_000);
    afterAll(async () => h.close());

    /** Opens the invitation link of a municipality in a fresh browser context, as the e-mail would. */
    const open = async (municipality: string): Promise<Page> => {
      const page = await h.browser.newPage();
      page.setDefaultTimeout(10_000);
      await openInvitation(page, `${h.base}/s/${h.tokens.get(municipality)}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      return page;
    };
    const amount = (page: Page, row: string, measure = AGD10) =>
      page.getByLabel(`${row}, ${measure}`, { exact: true }).first();
    const savedAs = (page: Page, version: number) =>
      expect
        .poll(() => page.getByRole('status').textContent(), { timeout: 10_000 })
        .toContain(`(v${version})`);
    const shown = (page: Page, text: string | RegExp) =>
      expect.poll(() => page.getByText(text).count(), { timeout: 10_000 }).toBeGreaterThan(0);

    test(
      'bokmål: fill in, meet a warning, explain it, reload the draft, submit, receipt, submit again',
      { timeout: 90_000 },
      async () => {
        // Oslo did not respond in the pilot: its form starts empty, with the prefilled KOSTRA totals.
        const page = await open('0301');
        expect(await page.getByText('0301 Oslo').count()).toBe(1);
        expect(await page.getByTestId('prefilled-AGD10').textContent()).toBe('8\u00a0023\u00a0718');
        expect(await accessibilityViolations(page)).toEqual([]);

        // Norwegian number input: with spaces, without, and with a decimal comma; text is refused.
        await amount(page, 'Ambulerende hjemmetjeneste').fill('3 000 000');
        await amount(page, 'Boligbaser (omsorgsboliger med fast bemanning)').fill('6000000');
        await amount(page, 'Omsorgsstønad').fill('12 kroner');
        await shown(page, 'Skriv et tall, for eksempel 1 234');
        await amount(page, 'Omsorgsstønad').fill('100 000,0');
        expect(await page.getByTestId('sum-business_types-AGD10').textContent()).toBe('9\u00a0100\u00a0000');
        expect(await page.getByTestId('rest-business_types-AGD10').textContent()).toBe(
          '-1\u00a0076\u00a0282',
        );
        await savedAs(page, 1);

        // The rows exceed the KOSTRA total: a warning, and a blocking error until the comments explain it.
        await shown(page, /summen av radene \(9\u00a0100\u00a0000\) er større enn KOSTRA-totalen/);
        const explain = 'Skjemaet har advarsler. Forklar dem i merknadsfeltet før du sender inn.';
        await shown(page, explain);
        await page
          .getByLabel('Merknader')
          .fill('Boligbasene er ført på funksjon 254 etter KOSTRA-rapporteringen.');
        await savedAs(page, 2);
        await expect.poll(() => page.getByText(explain, { exact: true }).count()).toBe(0);

        // A reload finds the draft as it was saved.
        await page.reload();
        await page.getByRole('heading', { level: 1 }).waitFor();
        expect(await amount(page, 'Ambulerende hjemmetjeneste').inputValue()).toBe('3\u00a0000\u00a0000');
        expect(await page.getByLabel('Merknader').inputValue()).toContain('Boligbasene');
        // …with its warning shown at once, before anything is typed again.
        await shown(page, /summen av radene \(9\u00a0100\u00a0000\) er større enn KOSTRA-totalen/);

        await page.getByLabel('Navn på den som fyller ut').fill('Kari Nordmann');
        await page.getByLabel('E-post').fill('kari.nordmann@oslo.kommune.no');
        // A time it cannot read is said, not dropped; «35 min» is read as 35.
        await page.getByLabel('Hvor mange minutter').fill('45 sekunder');
        await page.getByRole('button', { name: 'Send inn skjemaet' }).click();
        await shown(page, 'Skriv tiden i minutter, for eksempel 45 eller 1 t 30 min');
        await page.getByLabel('Hvor mange minutter').fill('35 min');
        await page.getByRole('button', { name: 'Send inn skjemaet' }).click();
        await page.getByRole('heading', { name: 'Skjemaet er sendt inn' }).waitFor();
        const spent = await h.db
          .selectFrom('response')
          .select('minutes_spent')
          .where('round_id', '=', DEMO_ROUND_ID)
          .where('municipality', '=', '0301')
          .where('status', '=', 'submitted')
          .orderBy('version', 'desc')
          .executeTakeFirstOrThrow();
        expect(spent.minutes_spent).toBe(35);
        await shown(page, /Versjon 3 ble sendt inn/);
        expect(await accessibilityViolations(page)).toEqual([]);
        const pdf = await page.request.get(`${h.base}/api/respondent/form/receipt.pdf`);
        expect(pdf.headers()['content-type']).toBe('application/pdf');
        expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

        // Back to the form: a change submitted again makes a new version.
        await page.getByRole('button', { name: 'Tilbake til skjemaet' }).click();
        await page.getByRole('heading', { level: 1 }).waitFor();
        await amount(page, 'Omsorgsstønad').fill('120 000');
        await savedAs(page, 4);
        await page.getByLabel('Navn på den som fyller ut').fill('Kari Nordmann');
        await page.getByLabel('E-post').fill('kari.nordmann@oslo.kommune.no');
        await page.getByRole('button', { name: 'Send inn på nytt' }).click();
        await shown(page, /Versjon 5 ble sendt inn/);
        await page.close();
      },
    );

    test(
      'the unit, the measures and the fewer-than-five rule in sight; the box takes amounts away and can undo it',
      { timeout: 60_000 },
      async () => {
        const page = await open('3024');
        await page.getByRole('heading', { level: 1 }).waitFor();
        expect(await page.getByText('Beløp i 1000 kroner.', { exact: true }).first().isVisible()).toBe(true);
        expect(
          await page
            .getByText(/Kryss av hvis kategorien har færre enn fem brukere/)
            .first()
            .isVisible(),
        ).toBe(true);
        await page.getByText('Hva utgiftsbegrepene omfatter').click();
        await shown(page, /^Det kommunen selv bruker på å produsere tjenesten/);
        await amount(page, 'Omsorgsstønad').fill('100 000');
        await page.getByLabel('Omsorgsstønad: Færre enn fem brukere').check();
        await shown(page, 'Beløpene for «Omsorgsstønad» er tatt bort fordi raden har færre enn fem brukere.');
        expect(await amount(page, 'Omsorgsstønad').inputValue()).toBe('');
        expect(await accessibilityViolations(page)).toEqual([]);
        await page.getByRole('button', { name: 'Angre' }).click();
        expect(await amount(page, 'Omsorgsstønad').inputValue()).toBe('100\u00a0000');
        expect(await page.getByLabel('Omsorgsstønad: Færre enn fem brukere').isChecked()).toBe(false);
        await page.close();
      },
    );

    test(
      'nynorsk: the form and its messages in nynorsk; a hard error blocks submission',
      { timeout: 60_000 },
      async () => {
        const page = await open('3441');
        await page.locator('label', { hasText: 'Nynorsk' }).click();
        await shown(page, '1. Verksemdstypar');
        const ambulant = 'Ambulerande heimeteneste';
        await amount(page, ambulant, 'AGD10 Brutto driftsutgifter på funksjon/tenesteområde').fill('-100');
        await savedAs(page, 1);
        await shown(
          page,
          /rad Ambulerande heimeteneste, AGD10 Brutto driftsutgifter på funksjon\/tenesteområde: beløpet kan ikkje vere negativt/,
        );
        await page.getByLabel('Namn på den som fyller ut').fill('Ola Nordmann');
        await page.getByLabel('E-post').fill('ola@gausdal.kommune.no');
        await page.getByRole('button', { name: 'Send inn skjemaet' }).click();
        await shown(page, 'Dette må rettast før du kan sende inn');
        expect(await page.getByRole('heading', { name: 'Skjemaet er sendt inn' }).count()).toBe(0);
        // The error summary links to the field.
        await page
          .getByRole('link', { name: /AGD10 Brutto/ })
          .first()
          .click();
        expect(new URL(page.url()).hash).toBe('#field-business_types-AMBULANT-AGD10');
        expect(await accessibilityViolations(page)).toEqual([]);
        await page.close();
      },
    );

    test(
      'Excel: download, fill in, upload; a bad file shows the cells to fix and changes nothing',
      { timeout: 60_000 },
      async () => {
        const page = await open('5406');
        const download = await page.request.get(`${h.base}/api/respondent/form.xlsx`);
        expect(download.headers()['content-type']).toBe(
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        );
        const dir = await mkdtemp(join(tmpdir(), 'kostra-xlsx-'));
        const write = async (name: string, edits: Record<string, Record<number, string | number>>) => {
          const book = new ExcelJS.Workbook();
          await book.xlsx.load((await download.body()) as unknown as ArrayBuffer);
          book.getWorksheet('Skjema')!.eachRow((row) => {
            const edit = edits[row.getCell(1).text];
            if (edit) for (const [col, value] of Object.entries(edit)) row.getCell(Number(col)).value = value;
          });
          const path = join(dir, name);
          await book.xlsx.writeFile(path);
          return path;
        };

        await page.setInputFiles(
          '#excel-upload',
          await write('bad.xlsx', { 'row:business_types:AMBULANT': { 4: 'mye' } }),
        );
        await shown(page, 'Filen ble ikke lastet opp. Rett disse cellene:');
        await shown(page, /^D\d+: «mye» er ikke et tall\.$/);
        expect(await amount(page, 'Ambulerende hjemmetjeneste').inputValue()).toBe('');

        await page.setInputFiles(
          '#excel-upload',
          await write('good.xlsx', { 'row:business_types:AMBULANT': { 4: 150000, 5: '140 000' } }),
        );
        await expect
          .poll(() => amount(page, 'Ambulerende hjemmetjeneste').inputValue(), { timeout: 10_000 })
          .toBe('150\u00a0000');
        expect(await page.getByTestId('sum-business_types-AGD4').textContent()).toBe('140\u00a0000');
        await rm(dir, { recursive: true, force: true });
        await page.close();
      },
    );

    test(
      'a save whose answer is lost is found again; after a colleague saves, the user keeps what they typed',
      { timeout: 60_000 },
      async () => {
        const page = await open('4627');
        // The next save reaches the server, but its answer never reaches the browser.
        let dropped = 0;
        await page.route(
          (url) => url.pathname === '/api/respondent/form',
          async (route) => {
            if (route.request().method() !== 'PUT' || dropped > 0) return route.fallback();
            dropped += 1;
            await route.fetch();
            await route.abort('connectionreset');
          },
        );
        await amount(page, 'Ambulerende hjemmetjeneste').fill('1 000');
        await shown(page, /Ikke lagret: tjenesten svarer ikke/);
        await expect
          .poll(() => page.getByRole('status').textContent(), { timeout: 10_000 })
          .toMatch(/Lagret \(v\d+\)/);
        expect(await page.getByText(/endret i en annen fane/).count()).toBe(0);

        // A colleague saves the same form from elsewhere.
        const signIn = await fetch(`${h.base}/api/session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ token: h.tokens.get('4627') }),
        });
        const cookie = signIn.headers.getSetCookie()[0]!.split(';')[0]!;
        const latest = (await (
          await fetch(`${h.base}/api/respondent/form`, { headers: { cookie } })
        ).json()) as {
          version: number;
        };
        const colleague = await fetch(`${h.base}/api/respondent/form`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json', cookie, 'if-match': String(latest.version) },
          body: draftBody('Kollegaens utkast'),
        });
        expect(colleague.status).toBe(200);

        await amount(page, 'Boligbaser (omsorgsboliger med fast bemanning)').fill('2 000');
        await shown(page, /endret i en annen fane eller av en kollega siden du begynte/);
        expect(await amount(page, 'Ambulerende hjemmetjeneste').inputValue()).toBe('1 000');
        expect(await accessibilityViolations(page)).toEqual([]);
        await page.getByRole('button', { name: 'Behold mine endringer og lagre' }).click();
        await savedAs(page, latest.version + 2);
        const saved = (await (
          await fetch(`${h.base}/api/respondent/form`, { headers: { cookie } })
        ).json()) as {
          response: {
            comments: string;
            tables: Record<string, { rows: Record<string, { amounts: Record<string, number | null> }> }>;
          };
        };
        expect(saved.response.tables.business_types!.rows.HOUSING_BASE!.amounts.AGD10).toBe(2000);
        expect(saved.response.comments).not.toBe('Kollegaens utkast');
        await page.close();
      },
    );

    test('the sign-in page for a visitor without a session', async () => {
      const page = await h.browser.newPage();
      page.setDefaultTimeout(10_000);
      await page.goto(h.base);
      await page.getByRole('heading', { name: 'Logg inn med lenken fra invitasjonen' }).waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.getByLabel('Kode fra lenken').fill(`${h.base}/s/${h.tokens.get('3403')}`);
      await page.getByRole('button', { name: 'Logg inn' }).click();
      await shown(page, '3403 Hamar');
      await page.close();
    });

    test(
      'after the deadline the form is read-only and says so; an extension opens it again',
      { timeout: 60_000 },
      async () => {
        h.setNow(new Date(Date.now() + 60 * DAY));
        try {
          const page = await open('4214');
          await shown(page, 'Fristen er ute. Skjemaet kan leses, men ikke endres.');
          expect(await amount(page, 'Ambulerende hjemmetjeneste').isDisabled()).toBe(true);
          expect(await page.getByRole('button', { name: /Send inn/ }).count()).toBe(0);
          expect(await accessibilityViolations(page)).toEqual([]);
          await setExtension(h.db, ROUND, '4214', new Date(Date.now() + 90 * DAY));
          await page.reload();
          await page.getByRole('heading', { level: 1 }).waitFor();
          expect(await amount(page, 'Ambulerende hjemmetjeneste').isDisabled()).toBe(false);
          await page.close();
        } finally {
          h.setNow(new Date());
        }
      },
    );
  },
);
