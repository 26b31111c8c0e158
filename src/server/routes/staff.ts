import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import { reportRound } from '../../app/report-round.ts';
import { listRounds, recentAuditEntries } from '../../app/staff-views.ts';
import { loadReferenceData } from '../../files/product-data.ts';
import { endStaffSession, openStaffSession } from '../../app/staff-users.ts';
import { sessionCookieOptions, type ServerContext } from '../context.ts';
import { requireStatistician, STAFF_COOKIE } from '../policies/statistician.ts';
import { presentAuditEntry, presentMe, presentRoundRow } from '../presenters/staff.ts';
import { problem } from '../problem.ts';

const signInBody = z.strictObject({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(200),
});

/** Statisticians: sign-in, the rounds with live response counts, a round's tables, and the audit log. */
export function staffRoutes(app: FastifyInstance, context: ServerContext): void {
  const { db, now } = context;

  app.post('/api/staff/session', async (request, reply) => {
    const { username, password } = signInBody.parse(request.body);
    const opened = await openStaffSession(
      db,
      username,
      password,
      now(),
      context.sessionLifetimeMs,
      request.ip,
    );
    if (!opened) throw problem(401, 'unauthenticated', 'Wrong user name or password');
    return reply
      .setCookie(STAFF_COOKIE, opened.sessionId, sessionCookieOptions(context, opened.expiresAt))
      .status(204)
      .send();
  });

  app.delete('/api/staff/session', async (request, reply) => {
    const user = await requireStatistician(request, db, now());
    const unsigned = request.unsignCookie(request.cookies[STAFF_COOKIE]!);
    if (unsigned.valid) await endStaffSession(db, unsigned.value, user.username);
    return reply.clearCookie(STAFF_COOKIE, { path: '/' }).status(204).send();
  });

  app.get('/api/staff/me', async (request) => {
    const user = await requireStatistician(request, db, now());
    return presentMe(user);
  });

  app.get('/api/staff/rounds', async (request) => {
    await requireStatistician(request, db, now());
    const rounds = await listRounds(db);
    return rounds.map(presentRoundRow);
  });

  app.get<{ Params: { id: string } }>('/api/staff/rounds/:id/report', async (request) => {
    await requireStatistician(request, db, now());
    const { report } = await reportRound(db, request.params.id, await loadReferenceData());
    return { tables: report.tables, facts: report.facts };
  });

  app.get('/api/staff/audit', async (request) => {
    await requireStatistician(request, db, now(), 'admin');
    const rows = await recentAuditEntries(db);
    return rows.map(presentAuditEntry);
  });
}
