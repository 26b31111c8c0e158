import ExcelJS from 'exceljs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { syntheticRegisterFile } from '../app/register.ts';
import { addStatistician } from '../app/staff-users.ts';
import { appendVersion } from '../store/responses.ts';
import { accessibilityViolations, browserAvailable, startHarness, type Harness } from './harness.ts';
import { startSmtpSink } from '../testing/smtp-sink.ts';

/**
 * A collection of skjema 4, 5 and 6 from a register, as a statistician and a municipality with 200 units
 * run it: the register imported, the collection opened, the municipalities invited by mail with their list links; Bergen sees its list, fills
 * three units (one correcting a register detail), delegates one, uploads the workbook of all its units;
 * the statistician sees the response rates per form by date and a control across forms flagged.
 */
describe.skipIf(!browserAvailable())('a collection with many units per municipality', () => {
  let h: Harness;
  let dir = '';
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  beforeAll(async () => {
    smtp = await startSmtpSink();
    h = await startHarness({ smtpUrl: smtp.url });
    await addStatistician(h.db, {
      username: 'kari',
      displayName: 'Kari Statistiker',
      role: 'statistician',
      password: 'riktig hest batteri',
    });
    dir = await mkdtemp(join(tmpdir(), 'kostra-collection-'));
    await writeFile(
      join(dir, 'syntetisk-register.csv'),
      await syntheticRegisterFile({
        seed: 2020,
        institutions: 120,
        homeCare: 380,
        fixed: { '4601': { institutions: 20, homeCare: 180 } },
        validOn: '2020-12-31',
      }),
    );
  }, 60_000);
  afterAll(async () => {
    await h.close();
    await smtp.close();
  });

  const shown = (page: Page, text: string | RegExp) =>
    expect.poll(() => page.getByText(text).count(), { timeout: 15_000 }).toBeGreaterThan(0);
  const choose = (page: Page, question: string | RegExp, answer: string) =>
    page.getByRole('group', { name: question }).getByLabel(answer, { exact: true }).check();
  let staff: Page;
  let bergenLink = '';

  test(
    'the statistician imports the register, opens the collection and invites by mail',
    { timeout: 120_000 },
    async () => {
      staff = await h.browser.newPage();
      staff.setDefaultTimeout(15_000);
      await staff.goto(`${h.base}/staff`);
      await staff.getByLabel('Brukernavn').fill('kari');
      await staff.getByLabel('Passord').fill('riktig hest batteri');
      await staff.getByRole('button', { name: 'Logg inn' }).click();
      await staff.getByRole('heading', { name: 'Undersøkelser' }).waitFor();
      await staff.getByRole('link', { name: 'Enhetsregisteret' }).click();
      await staff.getByRole('heading', { name: 'Enhetsregisteret: uttrekk' }).waitFor();
      await staff.getByLabel('Gjelder dagen (åååå-mm-dd)').fill('2020-12-31');
      await staff.getByLabel('Fil (CSV)').setInputFiles(join(dir, 'syntetisk-register.csv'));
      await staff.getByRole('button', { name: 'Importer' }).click();
      await shown(staff, 'Uttrekk 1 av 31.12.2020: 500 enheter.');
      expect(await staff.getByRole('row', { name: /syntetisk-register\.csv/ }).textContent()).toContain(
        'Syntetiske',
      );
      expect(await accessibilityViolations(staff)).toEqual([]);

      await staff.goto(`${h.base}/staff#/collections-new`);
      await staff.getByLabel(/^Id/).fill('kostra-2020');
      await staff.getByLabel('Navn', { exact: true }).fill('KOSTRA 2020');
      for (const [form, deadline] of [
        ['KOSTRA skjema 4', '2099-01-15'],
        ['KOSTRA skjema 5', '2099-01-15'],
        ['KOSTRA skjema 6', '2099-02-15'],
      ] as const) {
        await staff.getByLabel(new RegExp(`^${form} `)).check();
        await staff.getByLabel(new RegExp(`^Frist for Skjema ${form.slice(-1)}`)).fill(deadline);
      }
      expect(await accessibilityViolations(staff)).toEqual([]);
      await staff.getByRole('button', { name: 'Opprett innsamlingen' }).click();
      await staff.getByRole('heading', { name: 'KOSTRA 2020 (årgang 2020)' }).waitFor();
      // The invitation: Bergen's address on its own skjema 4, then one mail per responsible with its list link.
      await staff.goto(`${h.base}/staff#/rounds/kostra-2020-skjema-4`);
      await staff.getByLabel('Kontaktadresser').fill('4601,postmottak@bergen.kommune.no');
      await staff.getByRole('button', { name: 'Lagre adresser' }).click();
      await shown(staff, '1 adresser lagret.');
      await staff.goto(`${h.base}/staff#/collections/kostra-2020`);
      await staff.getByRole('button', { name: 'Send invitasjoner med lenke til enhetslisten' }).click();
      await shown(staff, /Invitasjon med lenke til enhetslisten: 1 sendt, 0 feilet; \d+ uten kontaktadresse/);
      const mail = smtp.received.find((m) => m.to.includes('postmottak@bergen.kommune.no'))!;
      expect(mail.data).toContain('listen over enhetene dere svarer for med denne personlige lenken:');
      bergenLink = /(http:\/\/127\.0\.0\.1:\d+\/s\/[A-Za-z0-9_-]+)/.exec(mail.data)![1]!;
      // The others get their links on the page, to pass on.
      await staff.getByRole('button', { name: 'Lag lenker til enhetslistene' }).click();
      await staff.getByRole('row', { name: /^Bergen \(4601\)/ }).waitFor();
      expect(bergenLink).toMatch(/\/s\/[A-Za-z0-9_-]{40,}$/);
    },
  );

  test(
    'Bergen sees its 200 units, fills three, delegates one and uploads the workbook of all of them',
    { timeout: 180_000 },
    async () => {
      const page = await h.browser.newPage();
      page.setDefaultTimeout(15_000);
      await page.goto(bergenLink);
      await page.getByText(/Lenken åpner listen over enhetene Bergen \(4601\)/).waitFor();
      await page.getByRole('button', { name: 'Logg inn / Sign in' }).click();
      await page.getByRole('heading', { name: /^Enhetene dere svarer for: Bergen/ }).waitFor();
      await page.getByTestId('synthetic').waitFor();
      const total = Number(
        /av (\d+) enheter/.exec((await page.getByTestId('shown').textContent()) ?? '')![1],
      );
      // Its own skjema 4, and its institutions and establishments that are still active in the register.
      expect(total).toBeGreaterThan(190);
      expect(total).toBeLessThanOrEqual(201);
      expect(await accessibilityViolations(page)).toEqual([]);
      await page
        .getByLabel('Skjema', { exact: true })
        .selectOption({ label: 'KOSTRA skjema 6 Hjemmetjenestevirksomhet' });
      const establishments = page.locator('tbody tr[data-testid^="unit-"]');
      const names = (await establishments.locator('th').allTextContents()).map((t) =>
        t.replace(/\d{9}$/, ''),
      );
      expect(names.length).toBeGreaterThan(150);

      // Three units filled and sent in; the first also corrects its name in the register.
      for (const [i, name] of names.slice(0, 3).entries()) {
        await page.getByRole('button', { name: `Åpne skjemaet: ${name}` }).click();
        await page.getByRole('heading', { level: 1, name: /KOSTRA skjema 6/ }).waitFor();
        expect(await page.getByLabel('Navn', { exact: true }).inputValue()).toBe(name);
        if (i === 0) await page.getByLabel('Navn', { exact: true }).fill('Fjellsiden bofellesskap');
        await choose(
          page,
          /Hva slags hjemmetjenestevirksomhet er dette\?/,
          'Samlokaliserte boliger med bemanning (boligbase)',
        );
        await page
          .getByRole('group', { name: /Hvilke målgrupper/ })
          .getByLabel('Utviklingshemming')
          .check();
        await page.getByLabel('Antall boenheter').fill('6');
        await page.getByLabel('Beboere per 31.12.').fill('6');
        await choose(page, /Har boligene fast tilknyttet bemanning hele døgnet\?/, 'Ja');
        if (i === 0) expect(await accessibilityViolations(page)).toEqual([]);
        await page.getByLabel('Navn på den som fyller ut').fill('Kari Nordmann');
        await page.getByLabel('E-post').fill('kari.nordmann@bergen.kommune.no');
        await page.getByRole('button', { name: 'Send inn skjemaet' }).click();
        await page.getByRole('heading', { name: 'Skjemaet er sendt inn' }).waitFor();
        await page.getByRole('link', { name: 'Tilbake til enhetslisten' }).click();
        await page.getByRole('heading', { name: /^Enhetene dere svarer for/ }).waitFor();
      }
      await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Sendt inn' });
      await shown(page, `3 av ${total} enheter vises`);
      await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Alle' });
      await page
        .getByLabel('Skjema', { exact: true })
        .selectOption({ label: 'KOSTRA skjema 6 Hjemmetjenestevirksomhet' });

      // One unit delegated to a colleague: the link opens that unit only.
      const delegated = names[3]!;
      await page.getByRole('button', { name: `Del med kollega: ${delegated}` }).click();
      const link = await page
        .getByLabel(`Lenke til skjemaet for ${delegated}. Den som får lenken, ser bare denne enheten.`)
        .inputValue();
      const colleague = await h.browser.newContext();
      const theirs = await colleague.newPage();
      await theirs.goto(link);
      await theirs.getByRole('button', { name: 'Logg inn / Sign in' }).click();
      await theirs.getByRole('heading', { level: 1, name: /KOSTRA skjema 6/ }).waitFor();
      expect(await theirs.getByLabel('Navn', { exact: true }).inputValue()).toBe(delegated);
      await colleague.close();

      // The workbook of all units: one sheet changed and uploaded back.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Last ned arbeidsboken for alle enhetene' }).click(),
      ]);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load((await readFile(await download.path())) as unknown as ArrayBuffer);
      expect(book.worksheets.length).toBe(1 + total);
      const sheet = book.worksheets.find(
        (s) => s.name.endsWith('skjema-6') && s.getRow(2).getCell(2).text.includes(names[5]!),
      )!;
      sheet.eachRow((r) => {
        const key = r.getCell(1).text;
        if (key === 'p2_type') r.getCell(4).value = 'AMBULANT';
        if (key === 'p3_malgrupper') r.getCell(4).value = 'DEMENS; BEVEGELSESHEMMING';
      });
      const filled = join(dir, 'utfylt.xlsx');
      await writeFile(filled, Buffer.from(await book.xlsx.writeBuffer()));
      await page.getByLabel('Last opp utfylt arbeidsbok').setInputFiles(filled);
      await shown(page, 'Lagret som utkast: 1 enheter. Åpne hver enhet for å sende inn.');
      // The list is read again after the message: the row shows the draft once it is.
      await expect
        .poll(() => page.getByTestId(`unit-${sheet.name.slice(0, 9)}`).textContent(), { timeout: 10_000 })
        .toContain('Utkast lagret');
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.close();
    },
  );

  test(
    'the statistician sees the rates per form by date, a control across forms flagged, and the register change',
    { timeout: 90_000 },
    async () => {
      // Bergen's skjema 4 says 1 resident in housing with staff around the clock; its skjema 6 units say 18.
      await appendVersion(h.db, 'kostra-2020-skjema-4', '4601', 0, {
        content: { tables: {}, comments: '' },
        answers: { g2_system: false, g6_beboere_dogn: 1, g6_herav_utviklingshemming: 0 },
        status: 'submitted',
        savedBy: 'respondent',
        submittedAt: new Date(),
      });
      await staff.goto(`${h.base}/staff#/collections/kostra-2020`);
      await staff.reload();
      const rates = staff.getByTestId('rates-table');
      await rates.waitFor();
      expect(await rates.getByRole('columnheader').allTextContents()).toEqual([
        'Årgang 2020',
        'Skjema 4',
        'Skjema 5',
        'Skjema 6',
      ]);
      expect(
        await rates
          .getByRole('row', { name: /^Forventet/ })
          .getByRole('cell')
          .first()
          .textContent(),
      ).toBe('371');
      const byJanuary = await rates
        .getByRole('row', { name: /^15\.01\.2021/ })
        .getByRole('cell')
        .allTextContents();
      expect(byJanuary).toHaveLength(3);
      const flagged = staff.getByTestId('cross-4601');
      expect((await flagged.getByRole('cell').allTextContents()).map((t) => t.replace(/\s/g, ' '))).toEqual([
        '18',
        '3',
        '1',
        '17',
        '1 700,0 %',
        'Følg opp',
      ]);
      expect(await accessibilityViolations(staff)).toEqual([]);
      const href = await staff
        .getByRole('link', { name: 'Endringer til Enhetsregisteret (CSV)' })
        .last()
        .getAttribute('href');
      const csv = await (await staff.request.get(`${h.base}${href}`)).text();
      expect(csv).toMatch(
        /^organisasjonsnummer,opplysning,registrert,rapportert\n\d{9},name,"Syntetisk [^"]+, Bergen",Fjellsiden bofellesskap\n$/,
      );
    },
  );
});
