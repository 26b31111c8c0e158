import { test } from 'vitest';
import { addStatistician } from '../app/staff-users.ts';
import { seedNationalRound } from '../app/testing/national-round.ts';
import { startHarness } from './harness.ts';

test('shots', { timeout: 180_000 }, async () => {
  const h = await startHarness();
  const round = await seedNationalRound(h.db, { deadline: new Date('2099-06-01T21:59:59Z') });
  await addStatistician(h.db, {
    username: 'kari',
    displayName: 'Kari',
    role: 'admin',
    password: 'riktig hest batteri',
  });
  for (const width of [1280, 768, 390]) {
    const page = await h.browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(`${h.base}/staff`);
    await page.getByLabel('Brukernavn').fill('kari');
    await page.getByLabel('Passord').fill('riktig hest batteri');
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByRole('heading', { name: 'Undersøkelser' }).waitFor();
    for (const task of [
      '',
      'svar',
      'kontroll',
      'utsending',
      'innstillinger',
      'rapport',
      `m/${round.submitted[3]}`,
    ]) {
      await page.goto(`${h.base}/staff#/rounds/${round.id}${task ? `/${task}` : ''}`);
      await page.waitForTimeout(1500);
      await page.screenshot({
        path: `scratch/${width}-${task.replace('/', '-') || 'overview'}.png`,
        fullPage: false,
      });
    }
    await page.goto(`${h.base}/staff#/audit`);
    await page.waitForTimeout(1000);
    await page.screenshot({ path: `scratch/${width}-audit.png` });
    await page.close();
  }
  await h.close();
});
