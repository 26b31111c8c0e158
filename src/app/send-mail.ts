import { osloLongDate } from '../domain/oslo-time.ts';
import nodemailer from 'nodemailer';
import { DEFAULT_TEMPLATES, renderTemplate } from '../domain/collection/mail-template.ts';
import { DomainError, NotFoundError } from '../domain/errors.ts';
import * as z from 'zod';
import type { Db } from '../store/database.ts';
import { issueTokens } from '../store/respondents.ts';
import { findMailTemplate } from '../store/mail-templates.ts';
import { loadRoundHeader } from '../store/rounds.ts';
import type { Statistician } from '../store/statisticians.ts';
import { csvLines } from '../files/simple-csv.ts';
import { perform } from './action.ts';

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
 * sent or failed, with its audit entry. A failure of one does not stop the others; each message is its
 * own action, recorded as soon as the mail server has answered, so that a message that went out is on
 * record whatever happens to the next.
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
  const custom = await findMailTemplate(db, roundId, kind, language);
  const template = custom ?? DEFAULT_TEMPLATES[kind][language];
  const tokens = new Map(
    (
      await perform(db, user.username, async (trx) => ({
        // Links made anew for those this mail goes to (tokens are kept as hashes, never sent twice).
        result: await issueTokens(
          trx,
          roundId,
          invited
            .filter((i) => !(kind === 'reminder' && submitted.has(i.municipality)))
            .map((i) => i.municipality),
        ),
        audit: { action: 'round.links', subject: roundId, detail: { kind } },
      }))
    ).map((t) => [t.municipality, t.token]),
  );
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
        undersokelse: (header.kind === 'form' ? header.form.title : header.definition.title)[language],
        lenke: `${settings.baseUrl.replace(/\/$/, '')}/s/${tokens.get(i.municipality) ?? ''}`,
        frist: deadline ? osloLongDate(deadline) : '',
      };
      const subject = renderTemplate(template.subject, values);
      const body = renderTemplate(template.body, values);
      const outcome = await sendRecorded(db, user, transport, settings, {
        round_id: roundId,
        municipality: i.municipality,
        kind,
        to_address: i.contact_email!,
        subject,
        body,
        auditSubject: `${roundId}/${i.municipality}`,
      });
      if (outcome.status === 'sent') sent += 1;
      else failed += 1;
    }
  } finally {
    transport.close();
  }
  return { sent, failed };
}

/** A message for the outbox: to whom, what, under which invitation, and the audit entry's subject. */
export interface OutgoingMail {
  readonly round_id: string;
  readonly municipality: string;
  readonly kind: string;
  readonly to_address: string;
  readonly subject: string;
  readonly body: string;
  readonly auditSubject: string;
}

/**
 * Sends one message and records it in the outbox as sent or failed, with its audit entry (`mail.KIND`), as
 * its own action as soon as the mail server has answered.
 */
export async function sendRecorded(
  db: Db,
  user: Statistician,
  transport: ReturnType<typeof nodemailer.createTransport>,
  settings: MailSettings,
  mail: OutgoingMail,
): Promise<{ status: 'sent' | 'failed' }> {
  const { auditSubject, ...record } = mail;
  const outcome = await transport
    .sendMail({ from: settings.from, to: mail.to_address, subject: mail.subject, text: mail.body })
    .then(
      (info: { messageId: string }) => ({ status: 'sent' as const, message_id: info.messageId }),
      (error: unknown) => ({
        status: 'failed' as const,
        error: error instanceof Error ? error.message : String(error),
      }),
    );
  await perform(db, user.username, async (trx) => {
    await trx
      .insertInto('outbox')
      .values({ ...record, sent_by: user.username, ...outcome })
      .execute();
    return {
      result: undefined,
      audit: {
        action: `mail.${mail.kind}`,
        subject: auditSubject,
        detail: { to: mail.to_address, status: outcome.status },
      },
    };
  });
  return outcome;
}

const email = z.email();

/** Contact addresses from CSV lines `municipality,email`: all valid, or nothing changes; old and new logged. */
export async function setContacts(db: Db, user: Statistician, roundId: string, csv: string): Promise<number> {
  const rows = csvLines(csv, 'municipality').map(({ fields: [municipality = '', address = ''], number }) => {
    if (!email.safeParse(address).success)
      throw new DomainError(`"${address}" is not an e-mail address`, ['contacts.csv', `line ${number}`]);
    return { municipality, address };
  });
  return perform(db, user.username, async (trx) => {
    const changes: { municipality: string; old: string | null; new: string }[] = [];
    for (const row of rows) {
      const old = await trx
        .selectFrom('invitation')
        .select('contact_email')
        .where('round_id', '=', roundId)
        .where('municipality', '=', row.municipality)
        .executeTakeFirst();
      if (!old) throw new DomainError(`${row.municipality} is not invited to ${roundId}`, ['contacts.csv']);
      await trx
        .updateTable('invitation')
        .set({ contact_email: row.address })
        .where('round_id', '=', roundId)
        .where('municipality', '=', row.municipality)
        .execute();
      changes.push({ municipality: row.municipality, old: old.contact_email, new: row.address });
    }
    return {
      result: rows.length,
      audit: { action: 'round.contacts', subject: roundId, detail: { changes } },
    };
  });
}

/** When reminders go out by themselves: days before and after the deadline. */
export async function setReminderSchedule(
  db: Db,
  user: Statistician,
  roundId: string,
  schedule: { daysBefore: number[]; daysAfter: number[] },
): Promise<void> {
  return perform(db, user.username, async (trx) => {
    const old = await trx
      .selectFrom('survey_round')
      .select('reminder_schedule')
      .where('id', '=', roundId)
      .executeTakeFirst();
    if (!old) throw new NotFoundError(`no survey round ${roundId}`);
    await trx
      .updateTable('survey_round')
      .set({ reminder_schedule: JSON.stringify(schedule) })
      .where('id', '=', roundId)
      .execute();
    return {
      result: undefined,
      audit: {
        action: 'round.reminders',
        subject: roundId,
        detail: { old: old.reminder_schedule, new: schedule },
      },
    };
  });
}

/** A bounce that came back after a message was accepted (a delivery status notification), by message id. */
export async function recordBounce(
  db: Db,
  user: Statistician,
  messageId: string,
  reason: string,
): Promise<{ municipality: string; status: 'bounced' }> {
  return perform(db, user.username, async (trx) => {
    const updated = await trx
      .updateTable('outbox')
      .set({ status: 'bounced', error: reason })
      .where('message_id', '=', messageId)
      .returning(['round_id', 'municipality'])
      .executeTakeFirst();
    if (!updated) throw new NotFoundError(`no message ${messageId} in the outbox`);
    return {
      result: { municipality: updated.municipality, status: 'bounced' as const },
      audit: {
        action: 'mail.bounce',
        subject: `${updated.round_id}/${updated.municipality}`,
        detail: { message_id: messageId, reason },
      },
    };
  });
}
