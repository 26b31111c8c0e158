import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as surveyRounds from './migrations/001-survey-rounds.ts';
import * as respondents from './migrations/002-respondents.ts';
import * as statisticians from './migrations/003-statisticians.ts';
import * as control from './migrations/004-control.ts';
import * as roundSetup from './migrations/005-round-setup.ts';
import * as outbox from './migrations/006-outbox.ts';
import * as reminders from './migrations/007-reminders.ts';
import * as roundExtension from './migrations/008-round-extension.ts';
import * as publishedTables from './migrations/009-published-tables.ts';
import * as accountFigures from './migrations/010-account-figures.ts';
import * as roundFunctions from './migrations/011-round-functions.ts';
import * as savedQueries from './migrations/012-saved-queries.ts';
import * as definitionVersions from './migrations/013-definition-versions.ts';
import * as signInFailures from './migrations/014-sign-in-failures.ts';
import * as tokenHashes from './migrations/015-token-hashes.ts';
import * as publicationRevision from './migrations/016-publication-revision.ts';
import * as formRounds from './migrations/017-form-rounds.ts';
import * as registerAndCollections from './migrations/018-register-and-collections.ts';
import * as responsibles from './migrations/019-responsibles.ts';
import * as publishedPeriods from './migrations/020-published-periods.ts';
import * as workbench from './migrations/021-workbench.ts';

/** Migrations in order; a new one is appended here and never edited once released. */
const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '001-survey-rounds': surveyRounds,
  '002-respondents': respondents,
  '003-statisticians': statisticians,
  '004-control': control,
  '005-round-setup': roundSetup,
  '006-outbox': outbox,
  '007-reminders': reminders,
  '008-round-extension': roundExtension,
  '009-published-tables': publishedTables,
  '010-account-figures': accountFigures,
  '011-round-functions': roundFunctions,
  '012-saved-queries': savedQueries,
  '013-definition-versions': definitionVersions,
  '014-sign-in-failures': signInFailures,
  '015-token-hashes': tokenHashes,
  '016-publication-revision': publicationRevision,
  '017-form-rounds': formRounds,
  '018-register-and-collections': registerAndCollections,
  '019-responsibles': responsibles,
  '020-published-periods': publishedPeriods,
  '021-workbench': workbench,
};

const provider: MigrationProvider = { getMigrations: () => Promise.resolve(MIGRATIONS) };

/** Brings the database to the newest schema; fails with the migration's own error. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed`, { cause: error });
  }
}
