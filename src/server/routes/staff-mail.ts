import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import { sendMail } from '../../app/send-mail.ts';
import { DomainError } from '../../domain/errors.ts';
import { csvLines } from '../../files/simple-csv.ts';
import { logAction } from '../../store/statisticians.ts';
import type { ServerContext } from '../context.ts';
import { requireStatistician } from '../policies/statistician.ts';
import { problem } from '../problem.ts';

const mailBody = z.strictObject({
  kind: z.enum(['invitation', 'reminder']),
  language: z.enum(['nb', 'nn']).default('nb'),
});
const email = z.email();

/** Contact addresses, invitations and reminders by e-mail, and the outbox of what went. */
export function staffMailRoutes(app: FastifyInstance, context: ServerContext): void {
  const { db, now } = context;

  // CSV lines `municipality,email`: all valid, or nothing changes.
  app.put<{ Params: { id: string } }>('/api/staff/rounds/:id/contacts', async (request) => {
    if (typeof request.body !== 'string') throw problem(415, 'media-type', 'Send the addresses as text/csv');
    const user = await requireStatistician(request, db, now());
    const rows = csvLines(request.body, 'municipality').map(
      ({ fields: [municipality = '', address = ''], number }) => {
        if (!email.safeParse(address).success)
          throw new DomainError(`"${address}" is not an e-mail address`, ['contacts.csv', `line ${number}`]);
        return { municipality, address };
      },
    );
    await db.transaction().execute(async (trx) => {
      for (const row of rows) {
        const updated = await trx
          .updateTable('invitation')
          .set({ contact_email: row.address })
          .where('round_id', '=', request.params.id)
          .where('municipality', '=', row.municipality)
          .executeTakeFirst();
        if (updated.numUpdatedRows === 0n)
          throw new DomainError(`${row.municipality} is not invited to ${request.params.id}`, [
            'contacts.csv',
          ]);
      }
    });
    return { rows: rows.length, by: user.username };
  });

  app.post<{ Params: { id: string } }>('/api/staff/rounds/:id/mail', async (request) => {
    const body = mailBody.parse(request.body);
    const user = await requireStatistician(request, db, now());
    if (!context.mail) throw problem(503, 'no-mail', 'The server has no mail server (SMTP_URL)');
    return sendMail(db, user, request.params.id, body.kind, body.language, context.mail);
  });

  app.put<{ Params: { id: string } }>('/api/staff/rounds/:id/reminders', async (request, reply) => {
    const days = z.array(z.number().int().min(0).max(365)).max(20);
    const body = z
      .strictObject({ days_before: days.default([]), days_after: days.default([]) })
      .parse(request.body);
    const user = await requireStatistician(request, db, now());
    const schedule = { daysBefore: body.days_before, daysAfter: body.days_after };
    await db
      .updateTable('survey_round')
      .set({ reminder_schedule: JSON.stringify(schedule) })
      .where('id', '=', request.params.id)
      .execute();
    await logAction(db, user.username, 'round.reminders', request.params.id, schedule);
    return reply.status(204).send();
  });

  // A bounce that comes back after a message was accepted (a delivery status notification), by message id.
  app.post('/api/staff/outbox/bounces', async (request) => {
    const body = z
      .strictObject({ message_id: z.string().min(3).max(300), reason: z.string().max(2000).default('') })
      .parse(request.body);
    const user = await requireStatistician(request, db, now());
    const updated = await db
      .updateTable('outbox')
      .set({ status: 'bounced', error: body.reason })
      .where('message_id', '=', body.message_id)
      .returning(['round_id', 'municipality'])
      .executeTakeFirst();
    if (!updated) throw problem(404, 'not-found', `no message ${body.message_id} in the outbox`);
    await logAction(db, user.username, 'mail.bounce', `${updated.round_id}/${updated.municipality}`, {
      reason: body.reason,
    });
    return { municipality: updated.municipality, status: 'bounced' };
  });

  app.get<{ Params: { id: string } }>('/api/staff/rounds/:id/outbox', async (request) => {
    await requireStatistician(request, db, now());
    const rows = await db
      .selectFrom('outbox')
      .selectAll()
      .where('round_id', '=', request.params.id)
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      municipality: r.municipality,
      kind: r.kind,
      to: r.to_address,
      subject: r.subject,
      status: r.status,
      error: r.error,
      message_id: r.message_id,
      at: r.created_at.toISOString(),
      by: r.sent_by,
    }));
  });
}
