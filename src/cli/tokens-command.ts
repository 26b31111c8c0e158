import { configuredDatabase } from '../config.ts';
import { DomainError } from '../domain/errors.ts';
import { openDatabase } from '../store/database.ts';
import { issueTokens } from '../store/respondents.ts';
import { UsageError } from './usage-error.ts';

/** Prints `<municipality> <token>` for every invited municipality of a round: a new link each (hashes kept). */
export async function tokensCommand(options: { survey?: string | undefined }): Promise<void> {
  if (!options.survey) throw new UsageError('tokens needs --survey ROUND');
  const db = await openDatabase(configuredDatabase());
  try {
    const exists = await db
      .selectFrom('survey_round')
      .select('id')
      .where('id', '=', options.survey)
      .executeTakeFirst();
    if (!exists) throw new DomainError(`no survey round ${options.survey}`);
    for (const { municipality, token } of await issueTokens(db, options.survey))
      console.log(`${municipality} ${token}`);
  } finally {
    await db.destroy();
  }
}
