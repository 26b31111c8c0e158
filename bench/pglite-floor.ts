import { openDatabase } from '../src/store/database.ts';

/** The floor under every run: an in-memory PGlite started and migrated, one query, closed. */
const db = await openDatabase();
await db.selectFrom('survey_round').select('id').execute();
await db.destroy();
