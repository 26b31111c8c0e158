import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importRound } from '../src/app/import-round.ts';
import { loadReferenceData, loadSurveyDefinition } from '../src/files/product-data.ts';
import { buildApp } from '../src/server/app.ts';
import { openDatabase } from '../src/store/database.ts';
import { issueTokens } from '../src/store/respondents.ts';
import { setDeadline } from '../src/store/rounds.ts';
import { writeSyntheticRound } from './synthetic-round.ts';

/**
 * The server under load, in its own process: a synthetic round of all 356 municipalities in the database
 * at DATABASE_URL, on a free loopback port. Prints one JSON line {port, round, tokens} when ready.
 */
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required');
const db = await openDatabase({ url });
const dir = await mkdtemp(join(tmpdir(), 'kostra-bench-round-'));
await writeSyntheticRound(dir, 2023);
const round = await importRound(db, dir, await loadSurveyDefinition('f254'), await loadReferenceData());
await rm(dir, { recursive: true, force: true });
await setDeadline(db, round.id, new Date(Date.now() + 24 * 60 * 60 * 1000));
const tokens = await issueTokens(db, round.id);
const app = await buildApp({ db, cookieSecret: 'bench-secret-bench-secret-bench-secret' });
const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`${JSON.stringify({ address, round: round.id, tokens })}\n`);
process.on('SIGTERM', () => {
  void app
    .close()
    .then(() => db.destroy())
    .then(() => process.exit(0));
});
