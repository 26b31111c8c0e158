import type { Db } from './database.ts';
import { newSecret } from './respondents.ts';

/** The key that signs session cookies: made once, kept in the database, the same for every server process. */
export async function cookieSecret(db: Db): Promise<string> {
  await db
    .insertInto('server_setting')
    .values({ key: 'cookie_secret', value: newSecret() })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db
    .selectFrom('server_setting')
    .select('value')
    .where('key', '=', 'cookie_secret')
    .executeTakeFirstOrThrow();
  return row.value;
}
