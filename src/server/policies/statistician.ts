import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../../store/database.ts';
import { staffSessionUser, type StaffRole, type Statistician } from '../../store/statisticians.ts';
import { problem } from '../problem.ts';

export const STAFF_COOKIE = 'kostra_staff';

/** The statistician of a request, looked up once however many checks it meets. */
const signedIn = new WeakMap<FastifyRequest, Statistician>();

/**
 * Every staff route but signing in and out needs a statistician, checked before the body is read: an
 * unknown caller learns nothing of what a route expects. Routes still ask for the user (and a role).
 */
export function requireStatisticianForStaffRoutes(app: FastifyInstance, db: Db, now: () => Date): void {
  app.addHook('onRequest', async (request) => {
    const path = request.url.split('?')[0] ?? '';
    if (path.startsWith('/api/staff/') && path !== '/api/staff/session')
      await requireStatistician(request, db, now());
  });
}

/**
 * A statistician is whoever holds a live staff session; a respondent's session is no staff session, and a
 * role below the one a route needs is refused (403).
 */
export async function requireStatistician(
  request: FastifyRequest,
  db: Db,
  now: Date,
  role: StaffRole = 'statistician',
): Promise<Statistician> {
  let user = signedIn.get(request);
  if (!user) {
    const raw = request.cookies[STAFF_COOKIE];
    const unsigned = raw === undefined ? undefined : request.unsignCookie(raw);
    user = unsigned?.valid === true ? await staffSessionUser(db, unsigned.value, now) : undefined;
    if (!user) throw problem(401, 'unauthenticated', 'Sign in as a statistician');
    signedIn.set(request, user);
  }
  if (role === 'admin' && user.role !== 'admin') throw problem(403, 'forbidden', 'This needs the admin role');
  return user;
}
