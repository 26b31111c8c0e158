import { createCollection } from '../src/app/collections.ts';
import { importRegister, syntheticRegisterFile } from '../src/app/register.ts';
import { addStatistician } from '../src/app/staff-users.ts';
import { issueResponsibleLinks } from '../src/app/unit-list.ts';
import { loadMunicipalities, loadOsloDistricts } from '../src/files/product-data.ts';
import { buildApp } from '../src/server/app.ts';
import { openDatabase } from '../src/store/database.ts';
import { issueTokens } from '../src/store/respondents.ts';
import { appendVersion } from '../src/store/responses.ts';

/**
 * The server under load, in its own process: a collection of 2020 in the database at DATABASE_URL, with
 * skjema 4 for the 371 municipalities and Oslo districts, and skjema 5 and 6 for the units of a synthetic
 * register (Bergen with 200 of them); four in five units have submitted. Prints one JSON line
 * {address, collection, rounds, staff, tokens, list} when ready (tokens: the skjema 6 units' links; list:
 * Bergen's link to its list of units).
 */
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required');
const db = await openDatabase({ url });
const text = await syntheticRegisterFile({
  seed: 2021,
  institutions: 1330,
  homeCare: 3960,
  fixed: { '4601': { institutions: 20, homeCare: 180 } },
  validOn: '2020-12-31',
});
await importRegister(db, 'bench', { text, name: 'synthetic.csv', validOn: '2020-12-31' });
const codes = [...(await loadMunicipalities(2020))!.keys(), ...(await loadOsloDistricts()).keys()];
const deadline = new Date(Date.now() + 24 * 60 * 60 * 1000);
const collection = await createCollection(db, 'bench', {
  id: 'kostra-2020',
  year: 2020,
  name: 'KOSTRA 2020',
  forms: [
    { form: 'kostra-skjema-4', units: { from: 'codes', codes }, deadline },
    { form: 'kostra-skjema-5', units: { from: 'register' }, deadline },
    { form: 'kostra-skjema-6', units: { from: 'register' }, deadline },
  ],
});
const submittedAt = new Date('2021-01-14T10:00:00+01:00');
for (const round of collection.rounds) {
  const units = await db
    .selectFrom('invitation')
    .select('municipality')
    .where('round_id', '=', round.id)
    .execute();
  await Promise.all(
    units
      .filter((_, i) => i % 5 !== 0)
      .map((u) =>
        appendVersion(db, round.id, u.municipality, 0, {
          content: { tables: {}, comments: '' },
          answers: round.form === 'kostra-skjema-6' ? { p2_type: 'AMBULANT', p3_malgrupper: ['DEMENS'] } : {},
          status: 'submitted',
          savedBy: 'respondent',
          submittedAt,
        }),
      ),
  );
}
const staff = { username: 'bench', password: 'bench-passord-bench' };
await addStatistician(db, {
  username: staff.username,
  displayName: 'Bench',
  role: 'statistician',
  password: staff.password,
});
const skjema6 = collection.rounds.find((r) => r.form === 'kostra-skjema-6')!;
const tokens = await issueTokens(db, skjema6.id);
const bergen = (await issueResponsibleLinks(db, 'bench', { collectionId: collection.id }, 2020)).find(
  (l) => l.responsible === '4601',
)!;
const app = await buildApp({ db, cookieSecret: 'bench-secret-bench-secret-bench-secret' });
const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(
  `${JSON.stringify({ address, collection: collection.id, rounds: collection.rounds.map((r) => ({ id: r.id, units: r.units })), staff, tokens, list: bergen.token })}\n`,
);
process.on('SIGTERM', () => {
  void app
    .close()
    .then(() => db.destroy())
    .then(() => process.exit(0));
});
