import { osloLongDate } from '../domain/oslo-time.ts';
import nodemailer from 'nodemailer';
import { DEFAULT_TEMPLATES, renderTemplate } from '../domain/collection/mail-template.ts';
import { DomainError } from '../domain/errors.ts';
import type { Db } from '../store/database.ts';
import { ensureTokens } from '../store/respondents.ts';
import { loadRoundHeader } from '../store/rounds.ts';
import { logAction, type Statistician } from '../store/statisticians.ts';

export interface MailSettings {
  /** smtp://host:port of the mail server. */
  readonly smtpUrl: string;
  readonly from: string;
  /** Where the links point: the server as municipalities reach it. */
  readonly baseUrl: string;
}

/**
 * Sends invitations or reminders over SMTP to every invited municipality with a contact address (reminders
 * only to those that have not submitted), each with its personal link, and records each in the outbox as
 * sent or failed. A failure of one does not stop the others.
 */
export async function sendMail(
  db: Db,
  user: Statistician,
  roundId: string,
  kind: 'invitation' | 'reminder',
  language: 'nb' | 'nn',
  settings: MailSettings,
): Promise<{ sent: number; failed: number }> {
  const invited = await db
    .selectFrom('invitation')
    .select(['municipality', 'name', 'contact_email', 'extended_deadline'])
    .where('round_id', '=', roundId)
    .where('contact_email', 'is not', null)
    .orderBy('municipality')
    .execute();
  if (invited.length === 0)
    throw new DomainError(`no invited municipality of ${roundId} has a contact address`);
  const submitted = new Set(
    (
      await db
        .selectFrom('response')
        .select('municipality')
        .where('round_id', '=', roundId)
        .where('status', '=', 'submitted')
        .execute()
    ).map((r) => r.municipality),
  );
  const custom = await db
    .selectFrom('mail_template')
    .select(['subject', 'body'])
    .where('round_id', '=', roundId)
    .where('kind', '=', kind)
    .where('language', '=', language)
    .executeTakeFirst();
  const template = custom ?? DEFAULT_TEMPLATES[kind][language];
  const tokens = new Map((await ensureTokens(db, roundId)).map((t) => [t.municipality, t.token]));
  const transport = nodemailer.createTransport(settings.smtpUrl);
  let sent = 0;
  let failed = 0;
  try {
    for (const i of invited) {
      if (kind === 'reminder' && submitted.has(i.municipality)) continue;
      const header = await loadRoundHeader(db, roundId, i.municipality);
      const deadline = header.effectiveDeadline;
      const values = {
        kommune: i.name,
        undersokelse: header.definition.title[language],
        lenke: `${settings.baseUrl.replace(/\/$/, '')}/s/${tokens.get(i.municipality) ?? ''}`,
        frist: deadline ? osloLongDate(deadline) : '',
      };
      const subject = renderTemplate(template.subject, values);
      const body = renderTemplate(template.body, values);
      const record = {
        round_id: roundId,
        municipality: i.municipality,
        kind,
        to_address: i.contact_email!,
        subject,
        body,
        sent_by: user.username,
      };
      try {
        const info = await transport.sendMail({
          from: settings.from,
          to: i.contact_email!,
          subject,
          text: body,
        });
        await db
          .insertInto('outbox')
          .values({ ...record, status: 'sent', message_id: info.messageId })
          .execute();
        sent += 1;
      } catch (error) {
        await db
          .insertInto('outbox')
          .values({
            ...record,
            status: 'failed',
            error: error instanceof Error ? error.message : String(error),
          })
          .execute();
        failed += 1;
      }
    }
  } finally {
    transport.close();
  }
  await logAction(db, user.username, `mail.${kind}`, roundId, { sent, failed });
  return { sent, failed };
}
