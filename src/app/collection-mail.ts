import nodemailer from 'nodemailer';
import { LIST_INVITATION, renderTemplate } from '../domain/collection/mail-template.ts';
import { osloLongDate } from '../domain/oslo-time.ts';
import { findCollection } from '../store/collections.ts';
import type { Db } from '../store/database.ts';
import { formOf } from '../store/form-rounds.ts';
import { issueResponsibleTokens, responsiblesIn } from '../store/responsibles.ts';
import type { Statistician } from '../store/statisticians.ts';
import { perform } from './action.ts';
import { sendRecorded, type MailSettings } from './send-mail.ts';

/**
 * Invites a collection's responsibles by mail: to each municipality with a contact address on one of its own
 * invitations in the collection, a mail with its new link to its list of units, the forms and their
 * deadlines. Each message is recorded in that invitation's outbox as sent or failed, with its audit entry, as
 * soon as the mail server answers; the run itself is audited with those without an address.
 */
export async function inviteCollection(
  db: Db,
  user: Statistician,
  collectionId: string,
  language: 'nb' | 'nn',
  settings: MailSettings,
): Promise<{ sent: number; failed: number; withoutAddress: string[] }> {
  const collection = await findCollection(db, collectionId);
  const roundIds = collection.rounds.map((r) => r.id);
  const responsibles = await responsiblesIn(db, { collectionId });
  const addressed = await db
    .selectFrom('invitation')
    .select(['round_id', 'municipality', 'name', 'contact_email'])
    .where('round_id', 'in', roundIds)
    .where('municipality', 'in', responsibles.length > 0 ? responsibles : [''])
    .where('contact_email', 'is not', null)
    .orderBy('municipality')
    .orderBy('round_id')
    .execute();
  const first = new Map<string, (typeof addressed)[number]>();
  for (const a of addressed) if (!first.has(a.municipality)) first.set(a.municipality, a);
  const withoutAddress = responsibles.filter((r) => !first.has(r));
  const titles: string[] = [];
  for (const r of collection.rounds) {
    const row = await db
      .selectFrom('survey_round')
      .select(['form_id', 'form_version', 'form_year'])
      .where('id', '=', r.id)
      .executeTakeFirstOrThrow();
    titles.push((await formOf(db, row.form_id!, row.form_version!, row.form_year!)).form.title[language]);
  }
  const deadlines = collection.rounds
    .map((r, i) => `${titles[i]} ${r.deadline ? osloLongDate(r.deadline) : '–'}`)
    .join('; ');
  const template = LIST_INVITATION[language];
  const transport = nodemailer.createTransport(settings.smtpUrl);
  let sent = 0;
  let failed = 0;
  try {
    for (const [responsible, invitation] of first) {
      const [link] = await perform(db, user.username, async (trx) => ({
        result: await issueResponsibleTokens(trx, { collectionId }, [{ responsible, name: invitation.name }]),
        audit: { action: 'responsible.links', subject: collectionId, detail: { responsible } },
      }));
      const values = {
        kommune: invitation.name,
        innsamling: collection.name,
        skjemaer: titles.join(', '),
        frister: deadlines,
        lenke: `${settings.baseUrl.replace(/\/$/, '')}/s/${link!.token}`,
      };
      const subject = renderTemplate(template.subject, values);
      const body = renderTemplate(template.body, values);
      const outcome = await sendRecorded(db, user, transport, settings, {
        round_id: invitation.round_id,
        municipality: responsible,
        kind: 'list_invitation',
        to_address: invitation.contact_email!,
        subject,
        body,
        auditSubject: `${collectionId}/${responsible}`,
      });
      if (outcome.status === 'sent') sent += 1;
      else failed += 1;
    }
  } finally {
    transport.close();
  }
  return perform(db, user.username, () =>
    Promise.resolve({
      result: { sent, failed, withoutAddress },
      audit: {
        action: 'collection.mail',
        subject: collectionId,
        detail: { sent, failed, without_address: withoutAddress },
      },
    }),
  );
}
