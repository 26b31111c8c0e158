import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addStatistician } from '../app/staff-users.ts';
import { startSmtpSink } from '../testing/smtp-sink.ts';
import {
  accessibilityViolations,
  browserAvailable,
  openInvitation,
  startHarness,
  type Harness,
} from './harness.ts';

const ROUND = 'f254-pilot-2022';

describe.skipIf(!browserAvailable())(
  'a statistician follows the round, controls a response and corrects it',
  () => {
    let h: Harness;
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
    }, 60_000);
    afterAll(async () => {
      await h.close();
      await smtp.close();
    });

    test(
      'sign in, response rate moves, the worklist flags, a contact is logged, a correction with a reason, the trail and the report',
      { timeout: 90_000 },
      async () => {
        const page = await h.browser.newPage();
        page.setDefaultTimeout(10_000);
        const shown = (text: string | RegExp) =>
          expect.poll(() => page.getByText(text).count(), { timeout: 10_000 }).toBeGreaterThan(0);

        await page.goto(`${h.base}/staff`);
        await page.getByRole('heading', { name: 'Logg inn som statistiker' }).waitFor();
        expect(await accessibilityViolations(page)).toEqual([]);
        await page.getByLabel('Brukernavn').fill('kari');
        await page.getByLabel('Passord').fill('riktig hest batteri');
        await page.getByRole('button', { name: 'Logg inn' }).click();
        await page.getByRole('heading', { name: 'Undersøkelser' }).waitFor();
        expect(await page.getByTestId(`responded-${ROUND}`).textContent()).toBe('31');
        expect(await accessibilityViolations(page)).toEqual([]);

        // A new round: everyone by criteria plus a seeded draw; the same seed draws the same sample.
        const candidates = [
          '0301,ASSS,ASSS,700000',
          '4601,ASSS,ASSS,290000',
          ...['1145', '3039', '3041', '5045', '3044', '4637'].map((m) => `${m},<5000,,3000`),
          ...['3414', '1531', '3053'].map((m) => `${m},5000-9999,,7000`),
        ].join('\n');
        const createRound = async (id: string) => {
          await page.goto(`${h.base}/staff#/new`);
          await page.getByRole('heading', { name: 'Ny undersøkelse' }).waitFor();
          await page.getByLabel('Id (for eksempel f254-2023)').fill(id);
          await page.getByLabel('Frist (ÅÅÅÅ-MM-DD)').fill('2099-05-20');
          await page.getByLabel('Kandidater').fill(candidates);
          await page.getByLabel('Trekk per kommunestørrelse').fill('<5000=2; 5000-9999=1');
          await page.getByLabel('Frø (seed) for trekningen').fill('2024');
          await page.getByRole('button', { name: 'Trekk utvalg og opprett' }).click();
          await page.getByTestId('sample').waitFor();
          return page.getByTestId('sample').textContent();
        };
        const sample = await createRound('f254-2023-journey');
        expect(sample).toContain('0301 (ASSS)');
        expect((sample ?? '').match(/RANDOM/g)).toHaveLength(3);
        expect(await accessibilityViolations(page)).toEqual([]);
        expect(await createRound('f254-2023-again')).toBe(sample);

        // Invitations over SMTP, each with its own link; a municipality follows it and submits.
        await page.goto(`${h.base}/staff#/rounds/f254-2023-journey/utsending`);
        await page.getByRole('heading', { name: 'Invitasjoner og påminnelser' }).waitFor();
        const drawn = [...(sample ?? '').matchAll(/(\d{4}) \(/g)].map((m) => m[1]!);
        await page
          .getByLabel('Kontaktadresser')
          .fill(drawn.map((m) => `${m},postmottak-${m}@kommune.example`).join('\n'));
        await page.getByRole('button', { name: 'Lagre adresser' }).click();
        await shown(`${drawn.length} adresser lagret.`);
        await page.getByRole('button', { name: 'Send invitasjoner …' }).click();
        await shown(`Invitasjonen går til ${drawn.length} kommuner.`);
        await page.getByRole('button', { name: `Send til ${drawn.length} kommuner` }).click();
        await shown(`Invitasjoner sendt: ${drawn.length}, feilet: 0.`);
        // Asked again, nobody is left to invite unless asked to invite them anew.
        await page.getByRole('button', { name: 'Send invitasjoner …' }).click();
        await shown(`Invitasjonen går til 0 kommuner (utelatt: ${drawn.length} alt invitert).`);
        expect(await accessibilityViolations(page)).toEqual([]);
        await page.getByRole('button', { name: 'Avbryt' }).click();
        expect(smtp.received.map((m) => m.to[0]).sort()).toEqual(
          drawn.map((m) => `postmottak-${m}@kommune.example`).sort(),
        );
        // The timeline: the meeting and a deadline extended for the whole round.
        await page
          .getByRole('navigation', { name: 'Oppgaver i undersøkelsen' })
          .getByRole('link', { name: 'Innstillinger' })
          .click();
        await page.getByRole('heading', { name: 'Kontrollterskler' }).waitFor();
        expect(await accessibilityViolations(page)).toEqual([]);
        expect(await page.getByLabel('Frist', { exact: true }).inputValue()).toBe('2099-05-20');
        await page.getByLabel('Informasjonsmøte', { exact: true }).fill('2099-05-02');
        await page.getByLabel('Utvidet frist for alle').fill('2099-05-27');
        await page.getByRole('button', { name: 'Lagre tidslinje' }).click();
        await shown('Tidslinjen er lagret.');
        await page.getByLabel('Deltakere på informasjonsmøtet').fill('0301,3');
        await page.getByRole('button', { name: 'Lagre oppmøte' }).click();
        await shown('1 linjer lagret.');
        await page.getByLabel('Forhåndsutfylte totaler').fill('0301,AGD10,8023718');
        await page.getByRole('button', { name: 'Lagre totaler' }).click();
        await expect
          .poll(
            async () =>
              (
                await h.db
                  .selectFrom('prefilled_total')
                  .select('amount')
                  .where('round_id', '=', 'f254-2023-journey')
                  .execute()
              ).length,
          )
          .toBe(1);
        await page.getByRole('button', { name: 'Lagre påminnelsesplan' }).click();
        await shown('Lagret.');
        await page.getByLabel('Emne', { exact: true }).fill('Svar på {undersokelse}');
        await page.getByLabel('Tekst', { exact: true }).fill('Hei {kommune}: {lenke}');
        await page.getByRole('button', { name: 'Lagre e-posttekst' }).click();
        await expect
          .poll(async () =>
            (await h.db.selectFrom('mail_template').select('subject').execute()).map((t) => t.subject),
          )
          .toEqual(['Svar på {undersokelse}']);
        await page
          .getByRole('navigation', { name: 'Oppgaver i undersøkelsen' })
          .getByRole('link', { name: 'Utvalg' })
          .click();
        await page.getByLabel('Kommunenummer').fill('3401');
        await page.getByLabel('Begrunnelse for endringen').fill('Ønsket av arbeidsgruppen');
        await page.getByRole('button', { name: 'Legg til' }).click();
        await shown('3401 er lagt til i utvalget.');
        await page.getByRole('button', { name: 'Ta ut' }).click();
        await shown('3401 er tatt ut av utvalget.');
        expect(await accessibilityViolations(page)).toEqual([]);
        const oslo = smtp.received.find((m) => m.to[0] === 'postmottak-0301@kommune.example')!;
        const link = /http:\/\/127\.0\.0\.1:\d+\/s\/[A-Za-z0-9_-]+/.exec(oslo.data)?.[0];
        expect(link).toBeDefined();
        const invited = await h.browser.newPage();
        await openInvitation(invited, link!);
        await invited.getByText('0301 Oslo').waitFor();
        expect(
          (
            await invited.request.post(`${h.base}/api/respondent/form/submit`, {
              data: { contact: { name: 'Ola', email: 'ola@oslo.kommune.no' } },
            })
          ).status(),
        ).toBe(200);
        await invited.close();
        await page.goto(`${h.base}/staff#/`);
        await page.getByRole('heading', { name: 'Undersøkelser' }).waitFor();
        expect(await page.getByTestId('responded-f254-2023-journey').textContent()).toBe('1');
        expect(await page.getByRole('row', { name: /f254-2023-journey/ }).textContent()).toContain(
          '20.05.2099, utvidet til 27.05.2099',
        );

        // Hammerfest answers in its own browser: business types that leave most of the KOSTRA total unexplained.
        const respondent = await h.browser.newPage();
        await openInvitation(respondent, `${h.base}/s/${h.tokens.get('5406')}`);
        const content = {
          comments: 'Fordelt etter ansvar.',
          tables: {
            business_types: {
              methods: ['RESPONSIBILITY'],
              rows: {
                AMBULANT: {
                  fewer_than_5: false,
                  amounts: { AGD10: 20000, AGD4: 18000, AGD16: 15000, AGD2: 19000 },
                },
                OTHER: { fewer_than_5: false, amounts: { AGD10: 1000, AGD4: 900, AGD16: 800, AGD2: 950 } },
              },
            },
          },
        };
        const saved = await respondent.request.put(`${h.base}/api/respondent/form`, {
          data: content,
          headers: { 'if-match': '0' },
        });
        expect(saved.status()).toBe(200);
        const submitted = await respondent.request.post(`${h.base}/api/respondent/form/submit`, {
          data: { contact: { name: 'Per Hansen', email: 'per@hammerfest.kommune.no' } },
        });
        expect(submitted.status()).toBe(200);
        await respondent.close();

        await page.reload();
        await page.getByRole('heading', { name: 'Undersøkelser' }).waitFor();
        expect(await page.getByTestId(`responded-${ROUND}`).textContent()).toBe('32');

        await page.getByRole('link', { name: ROUND }).click();
        // The overview first: the rate, the curve with its table on demand, what waits.
        await page.getByRole('heading', { name: 'Oversikt', exact: true }).waitFor();
        expect(await accessibilityViolations(page)).toEqual([]);
        expect(await page.getByTestId('overview-rate').textContent()).toMatch(/^Svart: 32 av 50 \(64,0 %\)/);
        expect(await page.getByRole('img', { name: /^Svarkurve:/ }).count()).toBe(1);
        await page.getByText('Svar per dag (tabellen bak kurven)').click();
        await page.getByRole('region', { name: 'Svar per dag' }).waitFor();
        expect(await page.getByRole('heading', { name: /^Største avvik som venter \(\d+\)$/ }).count()).toBe(
          1,
        );
        await page
          .getByRole('navigation', { name: 'Oppgaver i undersøkelsen' })
          .getByRole('link', { name: 'Publisering' })
          .click();
        // The split published from the round page, after a look at what it publishes: the demo published
        // it once, so publishing the same final figures again asks why.
        await page.getByRole('button', { name: 'Publiser fordelingen …' }).click();
        const dialog = page.getByRole('dialog');
        await dialog.getByRole('heading', { name: /^Publisere \d{4}\?$/ }).waitFor();
        expect(await dialog.textContent()).toContain('32 av 50');
        expect(await accessibilityViolations(page)).toEqual([]);
        const confirm = dialog.getByRole('button', { name: /^Publiser endelige tall for/ });
        expect(await confirm.isDisabled()).toBe(true);
        await dialog
          .getByLabel(/^Hvorfor publiseres perioden på nytt/)
          .fill('Nytt svar fra 5406 og retting.');
        await confirm.click();
        await shown(/Publisert: F254VIRKSOMHET \d{4} \(revisjon 2/);
        await page.getByRole('button', { name: 'Forhåndsutfyll fra regnskapet' }).click();
        await shown('Funksjon 254: 0 kommuner forhåndsutfylt; ingen regnskap for');
        await page
          .getByRole('navigation', { name: 'Oppgaver i undersøkelsen' })
          .getByRole('link', { name: 'Kontroll' })
          .click();
        await page.getByRole('heading', { name: 'Kontroll: avvik, størst først' }).waitFor();
        await shown(/5406 Hammerfest/);
        expect(await accessibilityViolations(page)).toEqual([]);
        const outcome = page.getByLabel(/^Utfall for 5406 /).first();
        await outcome.selectOption('confirmed');
        await expect
          .poll(
            async () =>
              (
                await h.db
                  .selectFrom('control_outcome')
                  .select('outcome')
                  .where('municipality', '=', '5406')
                  .execute()
              ).length,
          )
          .toBe(1);
        await page.getByRole('link', { name: '5406 Hammerfest' }).first().click();
        await page.getByRole('heading', { name: '5406 Hammerfest' }).waitFor();
        expect(await page.getByTestId('submission').textContent()).toContain('av Per Hansen');

        await page.getByLabel('Ny frist, tom for ingen').fill('2099-06-01');
        await page.getByRole('button', { name: 'Lagre frist' }).click();
        await shown('Fristen er lagret.');
        await page.getByLabel('Spørsmål', { exact: true }).fill('Er boligbasene med i øvrige?');
        await page.getByLabel('Svar', { exact: true }).fill('Nei, boligbasene er 120 000 og ble glemt.');
        await page.getByRole('button', { name: 'Logg kontakt' }).click();
        await shown(/kari \(phone\): Er boligbasene med i øvrige\?/);

        await page.getByLabel('Virksomhetstyper · Øvrige utgifter f254 · AGD10').fill('121 000');
        await page.getByLabel('Begrunnelse').fill('Boligbaser oppgitt på telefon.');
        await page.getByRole('button', { name: 'Lagre retting' }).click();
        await shown('Begrunnelse: Boligbaser oppgitt på telefon.');
        const trail = page.getByTestId('version-3');
        expect(await trail.textContent()).toContain('av statistician:kari');
        expect(await trail.textContent()).toContain(
          'Virksomhetstyper · Øvrige utgifter f254 · AGD10: 1\u00a0000 → 121\u00a0000',
        );
        expect(await page.getByTestId('version-2').textContent()).toContain('av respondent');
        expect(await accessibilityViolations(page)).toEqual([]);
        // A correction of the methods and the comments too; text that is no number is refused by its label.
        await page.getByLabel('Virksomhetstyper · Ambulerende hjemmetjeneste · AGD4').fill('atten');
        await page
          .getByRole('group', { name: 'Metoder for Virksomhetstyper' })
          .getByLabel('Annen beregningsmetode')
          .check();
        await page.getByLabel('Merknader fra kommunen').fill('Fordelt etter ansvar; boligbaser lagt til.');
        await page.getByLabel('Begrunnelse').fill('Metode og merknad avklart på telefon.');
        await page.getByRole('button', { name: 'Lagre retting' }).click();
        expect(await page.getByRole('alert').textContent()).toContain(
          'Virksomhetstyper · Ambulerende hjemmetjeneste · AGD4: «atten» er ikke et tall.',
        );
        await page.getByLabel('Virksomhetstyper · Ambulerende hjemmetjeneste · AGD4').fill('18 000');
        await page.getByRole('button', { name: 'Lagre retting' }).click();
        await page.getByTestId('version-4').waitFor();
        const fourth = (await page.getByTestId('version-4').textContent()) ?? '';
        expect(fourth).toContain('Virksomhetstyper · metoder: RESPONSIBILITY → OTHER;RESPONSIBILITY');
        expect(fourth).toContain(
          'Merknader: Fordelt etter ansvar. → Fordelt etter ansvar; boligbaser lagt til.',
        );

        const report = await page.request.get(`${h.base}/api/staff/rounds/${ROUND}/report`);
        const tables = (
          (await report.json()) as {
            tables: Record<string, { municipality: string; category: string; amount: number }[]>;
          }
        ).tables;
        const other = tables['figure-4.2']!.find((r) => r.municipality === '5406' && r.category === 'OTHER');
        expect(other?.amount).toBeGreaterThanOrEqual(121000);
        await page.close();
      },
    );
  },
);
