import type { MailSettings } from '../app/send-mail.ts';
import type { Db } from '../store/database.ts';

/** What the routes are given: the database and the clock, never globals. */
export interface ServerContext {
  readonly db: Db;
  readonly now: () => Date;
  readonly sessionLifetimeMs: number;
  readonly secureCookies: boolean;
  /** PUBLIC_URL: the base of links the server writes (the PxWeb API's); else the request's own address. */
  readonly publicUrl: string | undefined;
  /** Where invitations and reminders go out; without it the server sends no mail. */
  readonly mail: MailSettings | undefined;
}

/**
 * The options of every session cookie (a respondent's, a list's, a statistician's): signed, HttpOnly,
 * SameSite=Strict, Secure behind an https PUBLIC_URL, ending with the session.
 */
export const sessionCookieOptions = (context: Pick<ServerContext, 'secureCookies'>, expires: Date) =>
  ({
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: context.secureCookies,
    signed: true,
    expires,
  }) as const;
