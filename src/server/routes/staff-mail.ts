import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import {
  mailRecipients,
  recordBounce,
  sendMail,
  setContacts,
  setReminderSchedule,
} from '../../app/send-mail.ts';
import { roundOutbox } from '../../app/staff-views.ts';
import type { ServerContext } from '../context.ts';
import { requireStatistician } from '../policies/statistician.ts';
import { presentOutboxEntry } from '../presenters/staff.ts';
import { problem } from '../problem.ts';
import type { WireMailRecipients } from '../../wire/staff.ts';

const mailBody = z.strictObject({
  kind: z.enum(['invitation', 'reminder']),
  /** One language for all, or each municipality's own (its språkvedtak, bokmål where none is set). */
  language: z.enum(['nb', 'nn', 'own']).default('own'),
  /** Invitations to those invited already too (a new link each). */
  again: z.boolean().default(false),
  /** Only these municipalities (a bounced invitation sent again, the selected reminded). */
  municipalities: z
    .array(z.string().regex(/^\d{4}$/))
    .max(1000)
    .optional(),
});
const recipientsQuery = z.strictObject({
  kind: z.enum(['invitation', 'reminder']).default('invitation'),
  again: z.enum(['true', 'false']).default('false'),
  /** Only these, comma-separated: what a mailing to the selected would do. */
  municipalities: z
    .string()
    .regex(/^\d{4}(,\d{4})*$/)
    .optional(),
});

/** Contact addresses, invitations and reminders by e-mail, and the outbox of what went. */
export function staffMailRoutes(app: FastifyInstance, context: ServerContext): void {
  const { db, now } = context;

  // CSV lines `municipality,email`: all valid, or nothing changes.
  app.put<{ Params: { id: string } }>('/api/staff/rounds/:id/contacts', async (request) => {
    if (typeof request.body !== 'string') throw problem(415, 'media-type', 'Send the addresses as text/csv');
    const user = await requireStatistician(request, db, now());
    return { rows: await setContacts(db, user, request.params.id, request.body), by: user.username };
  });

  app.post<{ Params: { id: string } }>('/api/staff/rounds/:id/mail', async (request) => {
    const body = mailBody.parse(request.body);
    const user = await requireStatistician(request, db, now());
    if (!context.mail) throw problem(503, 'no-mail', 'The server has no mail server (SMTP_URL)');
    return sendMail(db, user, request.params.id, body.kind, body.language, context.mail, {
      again: body.again,
      now: now(),
      ...(body.municipalities ? { municipalities: body.municipalities } : {}),
    });
  });

  // Whom a mailing would go to, and who it leaves out and why: what the page asks to confirm.
  app.get<{ Params: { id: string } }>('/api/staff/rounds/:id/mail-recipients', async (request) => {
    const query = recipientsQuery.parse(request.query);
    await requireStatistician(request, db, now());
    const recipients = await mailRecipients(db, request.params.id, query.kind, now(), {
      again: query.again === 'true',
      ...(query.municipalities ? { municipalities: query.municipalities.split(',') } : {}),
    });
    return {
      to: recipients.to.map((r) => ({ municipality: r.municipality, name: r.name, language: r.language })),
      skipped: recipients.skipped.map((s) => ({ municipality: s.municipality, why: s.why })),
    } satisfies WireMailRecipients;
  });

  app.put<{ Params: { id: string } }>('/api/staff/rounds/:id/reminders', async (request, reply) => {
    const days = z.array(z.number().int().min(0).max(365)).max(20);
    const body = z
      .strictObject({ days_before: days.default([]), days_after: days.default([]) })
      .parse(request.body);
    const user = await requireStatistician(request, db, now());
    await setReminderSchedule(db, user, request.params.id, {
      daysBefore: body.days_before,
      daysAfter: body.days_after,
    });
    return reply.status(204).send();
  });

  // A bounce that comes back after a message was accepted (a delivery status notification), by message id.
  app.post('/api/staff/outbox/bounces', async (request) => {
    const body = z
      .strictObject({ message_id: z.string().min(3).max(300), reason: z.string().max(2000).default('') })
      .parse(request.body);
    const user = await requireStatistician(request, db, now());
    return recordBounce(db, user, body.message_id, body.reason);
  });

  app.get<{ Params: { id: string } }>('/api/staff/rounds/:id/outbox', async (request) => {
    await requireStatistician(request, db, now());
    const rows = await roundOutbox(db, request.params.id);
    return rows.map(presentOutboxEntry);
  });
}
