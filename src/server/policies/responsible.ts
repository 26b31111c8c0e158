import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../../store/database.ts';
import { responsibleSession, type ResponsibleIdentity } from '../../store/responsibles.ts';
import { problem } from '../problem.ts';

export const UNITS_COOKIE = 'kostra_units';

/**
 * A responsible is whoever holds a live session of a list link: it reaches the units it answers for in the
 * link's collection or round, and no other; a unit named in a request is checked against that list.
 */
export async function requireResponsible(
  request: FastifyRequest,
  db: Db,
  now: Date,
): Promise<ResponsibleIdentity> {
  const known = signedIn.get(request);
  if (known) return known;
  const raw = request.cookies[UNITS_COOKIE];
  const unsigned = raw === undefined ? undefined : request.unsignCookie(raw);
  const identity = unsigned?.valid === true ? await responsibleSession(db, unsigned.value, now) : undefined;
  if (!identity) throw problem(401, 'unauthenticated', 'Sign in with the link to your list of units');
  signedIn.set(request, identity);
  return identity;
}

const signedIn = new WeakMap<FastifyRequest, ResponsibleIdentity>();

/** Every route of the list checks the session before its body is read. */
export function requireResponsibleForUnitRoutes(app: FastifyInstance, db: Db, now: () => Date): void {
  app.addHook('onRequest', async (request) => {
    if ((request.url.split('?')[0] ?? '').startsWith('/api/units'))
      await requireResponsible(request, db, now());
  });
}
