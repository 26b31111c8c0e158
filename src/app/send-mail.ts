import { osloLongDate } from '../domain/oslo-time.ts';
import nodemailer from 'nodemailer';
import { DEFAULT_TEMPLATES, renderTemplate } from '../domain/collection/mail-template.ts';
import { DomainError, noSurveyRound, NotFoundError, notInvited, said } from '../domain/errors.ts';
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

/** Whom a mailing goes to, and why each invited municipality it leaves out is left out. */
export interface MailRecipients {
  readonly to: readonly {
    municipality: string;
    name: string;
    contact_email: string;
    /** The written language set for it (its språkvedtak), null where none is. */
    language: 'nb' | 'nn' | null;
  }[];
  readonly skipped: readonly {
    municipality: string;
    why: 'no_address' | 'invited' | 'submitted' | 'closed';
  }[];
}

/**
 * Who a mailing of a round goes to: every invited municipality with a contact address, or those named;
 * invitations only to those not sent one yet unless `again`; reminders only to those that have not
 * submitted and whose form is still open (their own deadline or extension not passed, the round not closed).
 */
export async function mailRecipients(
  db: Db,
  roundId: string,
  kind: 'invitation' | 'reminder',
  now: Date,
  options: { again?: boolean; municipalities?: readonly string[] } = {},
): Promise<MailRecipients> {
  const round = await db.selectFrom('survey_round').select('id').where('id', '=', roundId).executeTakeFirst();
  if (!round) throw new NotFoundError(noSurveyRound(roundId));
  let query = db
    .selectFrom('invitation')
    .select(['municipality', 'name', 'contact_email', 'language'])
    .where('round_id', '=', roundId)
    .orderBy('municipality');
  if (options.municipalities) {
    if (options.municipalities.length === 0) return { to: [], skipped: [] };
    query = query.where('municipality', 'in', [...options.municipalities]);
  }
  const invited = await query.execute();
  if (options.municipalities) {
    const known = new Set(invited.map((i) => i.municipality));
    const unknown = options.municipalities.filter((m) => !known.has(m));
    if (unknown.length > 0)
      throw new NotFoundError(
        said(
          `${unknown.join(', ')} not invited to ${roundId}`,
          `${unknown.join(', ')} er ikke invitert til ${roundId}`,
          `${unknown.join(', ')} er ikkje invitert til ${roundId}`,
        ),
      );
  }
  const sentBefore = new Set(
    (
      await db
        .selectFrom('outbox')
        .select('municipality')
        .where('round_id', '=', roundId)
        .where('kind', '=', 'invitation')
        .where('status', '=', 'sent')
        .execute()
    ).map((r) => r.municipality),
  );
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
  const to: MailRecipients['to'][number][] = [];
  const skipped: { municipality: string; why: 'no_address' | 'invited' | 'submitted' | 'closed' }[] = [];
  for (const i of invited) {
    const skip = (why: (typeof skipped)[number]['why']) =>
      skipped.push({ municipality: i.municipality, why });
    if (!i.contact_email) skip('no_address');
    else if (kind === 'invitation' && !options.again && sentBefore.has(i.municipality)) skip('invited');
    else if (kind === 'reminder' && submitted.has(i.municipality)) skip('submitted');
    else if (kind === 'reminder' && !(await isOpen(db, roundId, i.municipality, now))) skip('closed');
    else
      to.push({
        municipality: i.municipality,
        name: i.name,
        contact_email: i.contact_email,
        language: i.language,
      });
  }
  return { to, skipped };
}

/** Whether a municipality's form is open: the round not closed, its deadline (with extensions) not passed. */
async function isOpen(db: Db, roundId: string, municipality: string, now: Date): Promise<boolean> {
  const header = await loadRoundHeader(db, roundId, municipality);
  if (header.closedAt !== null && header.closedAt <= now) return false;
  return header.effectiveDeadline === null || now <= header.effectiveDeadline;
}

/**
 * Sends invitations or reminders over SMTP to those `mailRecipients` names, each with its personal link,
 * and records each in the outbox as sent or failed, with its audit entry. A failure of one does not stop
 * the others; each message is its own action, recorded as soon as the mail server has answered, so that a
 * message that went out is on record whatever happens to the next.
 */
export async function sendMail(
  db: Db,
  user: Statistician,
  roundId: string,
  kind: 'invitation' | 'reminder',
  /** One language for all, or `own`: each municipality's written language (bokmål where none is set). */
  language: 'nb' | 'nn' | 'own',
  settings: MailSettings,
  options: { again?: boolean; municipalities?: readonly string[]; now?: Date } = {},
): Promise<{ sent: number; failed: number; skipped: number }> {
  const recipients = await mailRecipients(db, roundId, kind, options.now ?? new Date(), options);
  const invited = recipients.to;
  if (invited.length === 0)
    throw new DomainError(
      said(
        `no one to send ${kind === 'invitation' ? 'an invitation' : 'a reminder'} to in ${roundId}: ` +
          `${recipients.skipped.length} left out (${summary(recipients.skipped)})`,
        `ingen å sende ${kind === 'invitation' ? 'invitasjon' : 'påminnelse'} til i ${roundId}: ` +
          `${recipients.skipped.length} utelatt`,
        `ingen å sende ${kind === 'invitation' ? 'invitasjon' : 'påminning'} til i ${roundId}: ` +
          `${recipients.skipped.length} utelatne`,
      ),
    );
  const templates = {
    nb: (await findMailTemplate(db, roundId, kind, 'nb')) ?? DEFAULT_TEMPLATES[kind].nb,
    nn: (await findMailTemplate(db, roundId, kind, 'nn')) ?? DEFAULT_TEMPLATES[kind].nn,
  };
  const tokens = new Map(
    (
      await perform(db, user.username, async (trx) => ({
        // Links made anew for those this mail goes to (tokens are kept as hashes, never sent twice).
        result: await issueTokens(
          trx,
          roundId,
          invited.map((i) => i.municipality),
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
      const written = language === 'own' ? (i.language ?? 'nb') : language;
      const template = templates[written];
      const header = await loadRoundHeader(db, roundId, i.municipality);
      const deadline = header.effectiveDeadline;
      const values = {
        kommune: i.name,
        undersokelse: (header.kind === 'form' ? header.form.title : header.definition.title)[written],
        lenke: `${settings.baseUrl.replace(/\/$/, '')}/s/${tokens.get(i.municipality) ?? ''}`,
        frist: deadline ? osloLongDate(deadline) : '',
      };
      const subject = renderTemplate(template.subject, values);
      const body = renderTemplate(template.body, values);
      const outcome = await sendRecorded(db, user, transport, settings, {
        round_id: roundId,
        municipality: i.municipality,
        kind,
        to_address: i.contact_email,
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
  return { sent, failed, skipped: recipients.skipped.length };
}

/** Why municipalities were left out of a mailing, counted: «3 without an address, 40 invited already». */
function summary(skipped: MailRecipients['skipped']): string {
  const words = {
    no_address: 'without an address',
    invited: 'invited already',
    submitted: 'submitted',
    closed: 'form closed',
  };
  const counts = new Map<string, number>();
  for (const s of skipped) counts.set(words[s.why], (counts.get(words[s.why]) ?? 0) + 1);
  return [...counts].map(([why, n]) => `${n} ${why}`).join(', ') || 'none invited';
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

/**
 * A contact list's third column, the written language state bodies are to use with the municipality (its
 * språkvedtak, which Språkrådet lists): left out, the one set before is kept.
 */
const WRITTEN_LANGUAGE: Record<string, 'nb' | 'nn' | 'keep'> = {
  '': 'keep',
  nb: 'nb',
  bokmål: 'nb',
  nn: 'nn',
  nynorsk: 'nn',
};

/**
 * Contact addresses as CSV lines `municipality,email[,language]`: all valid, or nothing changes. The
 * language (nb/nn) is the one its mail goes in when a mailing follows each municipality's language.
 */
export async function setContacts(db: Db, user: Statistician, roundId: string, csv: string): Promise<number> {
  const rows = csvLines(csv, 'municipality').map(
    ({ fields: [municipality = '', address = '', written = ''], number }) => {
      if (!email.safeParse(address).success)
        throw new DomainError(
          said(
            `"${address}" is not an e-mail address`,
            `«${address}» er ikke en e-postadresse`,
            `«${address}» er ikkje ei e-postadresse`,
          ),
          ['contacts.csv', `line ${number}`],
        );
      const language = WRITTEN_LANGUAGE[written.trim().toLowerCase()];
      if (language === undefined)
        throw new DomainError(
          said(
            `"${written}" is no written language (nb, nn, bokmål or nynorsk)`,
            `«${written}» er ingen målform (nb, nn, bokmål eller nynorsk)`,
            `«${written}» er inga målform (nb, nn, bokmål eller nynorsk)`,
          ),
          ['contacts.csv', `line ${number}`],
        );
      return { municipality, address, language };
    },
  );
  return perform(db, user.username, async (trx) => {
    const changes: { municipality: string; old: string | null; new: string; language: string | null }[] = [];
    for (const row of rows) {
      const old = await trx
        .selectFrom('invitation')
        .select(['contact_email', 'language'])
        .where('round_id', '=', roundId)
        .where('municipality', '=', row.municipality)
        .executeTakeFirst();
      if (!old) throw new DomainError(notInvited(row.municipality, roundId), ['contacts.csv']);
      await trx
        .updateTable('invitation')
        .set({ contact_email: row.address, ...(row.language === 'keep' ? {} : { language: row.language }) })
        .where('round_id', '=', roundId)
        .where('municipality', '=', row.municipality)
        .execute();
      changes.push({
        municipality: row.municipality,
        old: old.contact_email,
        new: row.address,
        language: row.language === 'keep' ? old.language : row.language,
      });
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
    if (!old) throw new NotFoundError(noSurveyRound(roundId));
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
    if (!updated)
      throw new NotFoundError(
        said(
          `no message ${messageId} in the outbox`,
          `ingen e-post ${messageId} i utboksen`,
          `ingen e-post ${messageId} i utboksen`,
        ),
      );
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
