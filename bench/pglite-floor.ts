import { setFlagsFromString } from 'node:v8';

// As `kostra` sets it for the commands that open a database (src/cli/main.ts), before PGlite is loaded.
setFlagsFromString('--liftoff-only');
const { openDatabase } = await import('../src/store/database.ts');

/** The floor under every run: an in-memory PGlite started and migrated, one query, closed. */
const db = await openDatabase();
await db.selectFrom('survey_round').select('id').execute();
await db.destroy();
