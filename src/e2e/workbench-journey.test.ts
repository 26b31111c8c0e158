import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addStatistician } from '../app/staff-users.ts';
import { seedNationalRound, type NationalRound } from '../app/testing/national-round.ts';
import { startSmtpSink } from '../testing/smtp-sink.ts';
import type { WireStatusList } from '../wire/staff.ts';
import { accessibilityViolations, browserAvailable, startHarness, type Harness } from './harness.ts';

describe.skipIf(!browserAvailable())('a statistician’s day on a round of all 356 municipalities', () => {
  let h: Harness;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let round: NationalRound;
  beforeAll(async () => {
    smtp = await startSmtpSink();
    h = await startHarness({ smtpUrl: smtp.url });
    round = await seedNationalRound(h.db, { deadline: new Date('2099-06-01T21:59:59Z') });
    await addStatistician(h.db, {
      username: 'kari',
      displayName: 'Kari Statistiker',
      role: 'statistician',
      password: 'riktig hest batteri',
    });
  }, 60_000);
  afterAll(async () => {
    await h.close();
    await smtp.close();
  });

  test(
    'from the overview: the 20 largest deviations, outcomes for five, a county reminded, a bounce resent, a deadline extended, the list exported',
    { timeout: 120_000 },
    async () => {
      const page = await h.browser.newPage({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
      page.setDefaultTimeout(15_000);
      const nav = page.getByRole('navigation', { name: 'Oppgaver i undersøkelsen' });
      await page.goto(`${h.base}/staff`);
      await page.getByLabel('Brukernavn').fill('kari');
      await page.getByLabel('Passord').fill('riktig hest batteri');
      await page.getByRole('button', { name: 'Logg inn' }).click();
      await page.getByRole('heading', { name: 'Undersøkelser' }).waitFor();

      // The overview: how many have answered, and what waits.
      await page.getByRole('link', { name: round.id }).click();
      await page.getByRole('heading', { name: 'Oversikt', exact: true }).waitFor();
      expect(await page.getByTestId('overview-rate').textContent()).toMatch(
        new RegExp(`^Svart: ${round.submitted.length} av 356 `),
      );
      expect(await nav.getByRole('link', { name: 'Oversikt' }).getAttribute('aria-current')).toBe('page');
      expect(await page.getByText('E-post som ikke kom fram (1)').count()).toBe(1);
      expect(await accessibilityViolations(page)).toEqual([]);

      // The 20 largest deviations, and one outcome with a note for five of them at once.
      await nav.getByRole('link', { name: 'Kontroll' }).click();
      await page.getByRole('heading', { name: 'Kontroll: avvik, størst først' }).waitFor();
      expect(await nav.getByRole('link', { name: 'Kontroll' }).getAttribute('aria-current')).toBe('page');
      await page.getByLabel('Antall som vises').selectOption({ label: 'De 20 største' });
      await expect
        .poll(() => page.getByTestId('controls-count').textContent())
        .toMatch(/^Viser 20 av \d+ flagg/);
      const flags = page.getByRole('region', { name: 'Kontrollflagg' });
      // The seventh cell of each row: the deviation (after the checkbox, the municipality and four more).
      const deviations = (await flags.locator('tbody tr > :nth-child(7)').allTextContents()).map((t) =>
        Number(t.replace(/\s/g, '').replace('−', '-')),
      );
      expect(deviations).toHaveLength(20);
      expect(deviations.map(Math.abs)).toEqual([...deviations.map(Math.abs)].sort((a, b) => b - a));
      const boxes = flags.getByRole('checkbox', { name: /^Velg \d{4} / });
      for (let i = 0; i < 5; i += 1) await boxes.nth(i).check();
      await page.getByLabel('Utfall for de valgte').selectOption({ label: 'Bekreftet riktig' });
      await page.getByLabel('Merknad til de valgte').fill('Gjennomgått med kommunene på telefon.');
      await page.getByRole('button', { name: 'Sett utfall for valgte (5) …' }).click();
      await page.getByText(/^Sette «Bekreftet riktig» for 5 flagg i [1-5] kommuner med merknaden/).waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Sett utfall for 5 flagg' }).click();
      await page.getByText('Utfall satt for 5 flagg.').waitFor();
      const outcomes = await h.db.selectFrom('control_outcome').select(['outcome', 'note']).execute();
      expect(outcomes).toHaveLength(5);
      expect(new Set(outcomes.map((o) => `${o.outcome}: ${o.note}`))).toEqual(
        new Set(['confirmed: Gjennomgått med kommunene på telefon.']),
      );

      // The non-respondents of one county reminded, after a confirmation that says how many.
      const list = (await (
        await page.request.get(`${h.base}/api/staff/rounds/${round.id}/status-list?status=not_started`)
      ).json()) as WireStatusList;
      const byCounty = new Map<string, string[]>();
      for (const r of list.rows)
        byCounty.set(r.county_name, [...(byCounty.get(r.county_name) ?? []), r.municipality]);
      const [county, silent] = [...byCounty].sort((a, b) => b[1].length - a[1].length)[0]!;
      await nav.getByRole('link', { name: 'Svar' }).click();
      await page.getByRole('heading', { name: 'Svar per kommune' }).waitFor();
      await page.getByLabel('Status').selectOption({ label: 'Ikke påbegynt' });
      await page.getByLabel('Fylke').selectOption({ label: county });
      await expect
        .poll(() => page.getByTestId('responses-count').textContent())
        .toBe(`Viser ${silent.length} av 356 kommuner.`);
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.getByRole('checkbox', { name: `Velg alle ${silent.length} viste` }).check();
      await page.getByRole('button', { name: `Send påminnelse til valgte (${silent.length}) …` }).click();
      await page.getByText(`Påminnelsen går til ${silent.length} kommuner.`).waitFor();
      await page.getByRole('button', { name: `Send til ${silent.length} kommuner` }).click();
      await page.getByText(`Påminnelser sendt: ${silent.length}, feilet: 0.`).waitFor();
      expect(smtp.received.map((m) => m.to[0]).sort()).toEqual(
        silent.map((m) => `postmottak@k${m}.kommune.example`).sort(),
      );

      // The bounced invitation found and sent again.
      await page.getByLabel('Status').selectOption({ label: 'Alle' });
      await page.getByLabel('Fylke').selectOption({ label: 'Alle' });
      await page.getByLabel('Siste e-post').selectOption({ label: 'Avvist' });
      await expect
        .poll(() => page.getByTestId('responses-count').textContent())
        .toBe('Viser 1 av 356 kommuner.');
      await nav.getByRole('link', { name: 'Utsending' }).click();
      await page.getByRole('heading', { name: 'Utsendt e-post' }).waitFor();
      await page.getByLabel('Tilstand').selectOption({ label: 'Avvist' });
      await page.getByRole('button', { name: `Send igjen til ${round.bounced}` }).click();
      await page.getByText('Invitasjonen går til 1 kommuner.').waitFor();
      await page.getByRole('button', { name: 'Send til 1 kommuner' }).click();
      await page.getByText('Invitasjoner sendt: 1, feilet: 0.').waitFor();
      expect(smtp.received.at(-1)?.to).toEqual([`postmottak@k${round.bounced}.kommune.example`]);
      expect(await accessibilityViolations(page)).toEqual([]);

      // One municipality's deadline extended from its page, which names it and shows its mail.
      const late = silent[0]!;
      await page.goto(`${h.base}/staff#/rounds/${round.id}/m/${late}`);
      const name = round.municipalities.find((m) => m.code === late)!.name;
      await page.getByRole('heading', { name: `${late} ${name}` }).waitFor();
      expect(await page.getByTestId('mail-history').textContent()).toContain('påminnelse til');
      await page.getByLabel('Ny frist, tom for ingen').fill('2099-06-15');
      await page.getByRole('button', { name: 'Lagre frist' }).click();
      await page.getByText('Fristen er lagret.').waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);
      const extended = await h.db
        .selectFrom('invitation')
        .select('extended_deadline')
        .where('round_id', '=', round.id)
        .where('municipality', '=', late)
        .executeTakeFirstOrThrow();
      expect(extended.extended_deadline?.toISOString()).toBe('2099-06-15T21:59:59.999Z');

      // The status list exported as shown: the not started, by the largest deviation.
      await nav.getByRole('link', { name: 'Svar' }).click();
      await page.getByLabel('Status').selectOption({ label: 'Ikke påbegynt' });
      await expect
        .poll(() => page.getByTestId('responses-count').textContent())
        .toBe(`Viser ${list.rows.length} av 356 kommuner.`);
      const [csv] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Last ned CSV' }).click(),
      ]);
      const text = await readFile(await csv.path(), 'utf8');
      expect(text.startsWith('\uFEFFKommunenummer;Kommune;Fylke;')).toBe(true);
      const lines = text.trimEnd().split('\r\n');
      expect(lines).toHaveLength(list.rows.length + 1);
      expect(lines.find((l) => l.startsWith(`${late};`))).toContain(';15.06.2099;');
      const [xlsx] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Last ned Excel' }).click(),
      ]);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(await xlsx.path());
      expect(workbook.getWorksheet('Status')!.rowCount).toBe(list.rows.length + 1);
      await page.close();
    },
  );
});
