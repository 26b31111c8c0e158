import { ensureDemoRound } from '../../app/demo-round.ts';
import { openDatabase } from '../../store/database.ts';
import { buildApp } from '../app.ts';

/**
 * The server in a process of its own, for tests that kill it: the demo round on DATABASE_URL or on PGlite
 * in KOSTRA_DATA_DIR, on a free loopback port. Prints one JSON line {address, tokens} when it listens.
 */
const url = process.env.DATABASE_URL;
const dataDir = process.env.KOSTRA_DATA_DIR;
const db = await openDatabase(url ? { url } : { dataDir });
const tokens = await ensureDemoRound(db, new Date());
const app = await buildApp({ db, cookieSecret: 'crash-secret-crash-secret-crash-secret' });
const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`${JSON.stringify({ address, tokens })}\n`);
