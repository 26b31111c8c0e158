import type { FastifyRequest } from 'fastify';
import type { Db } from '../../store/database.ts';
import { staffSessionUser, type StaffRole, type Statistician } from '../../store/statisticians.ts';
import { problem } from '../problem.ts';

export const STAFF_COOKIE = 'kostra_staff';

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
  const raw = request.cookies[STAFF_COOKIE];
  const unsigned = raw === undefined ? undefined : request.unsignCookie(raw);
  const user = unsigned?.valid === true ? await staffSessionUser(db, unsigned.value, now) : undefined;
  if (!user) throw problem(401, 'unauthenticated', 'Sign in as a statistician');
  if (role === 'admin' && user.role !== 'admin') throw problem(403, 'forbidden', 'This needs the admin role');
  return user;
}
