import type { MailSettings } from '../app/send-mail.ts';
import type { Db } from '../store/database.ts';

/** What the routes are given: the database and the clock, never globals. */
export interface ServerContext {
  readonly db: Db;
  readonly now: () => Date;
  readonly sessionLifetimeMs: number;
  readonly secureCookies: boolean;
  /** Where invitations and reminders go out; without it the server sends no mail. */
  readonly mail: MailSettings | undefined;
}
