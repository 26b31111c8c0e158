import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../../store/database.ts';
import { sessionIdentity, type RespondentSession } from '../../store/respondents.ts';
import { problem } from '../problem.ts';

export const SESSION_COOKIE = 'kostra_session';

/**
 * A respondent is whoever holds a live session: it reaches only its own municipality's form in its own
 * round. No route takes a municipality from the request, so none can be asked for another's.
 */
export async function requireRespondent(
  request: FastifyRequest,
  db: Db,
  now: Date,
): Promise<RespondentSession> {
  const known = signedIn.get(request);
  if (known) return known;
  const raw = request.cookies[SESSION_COOKIE];
  const unsigned = raw === undefined ? undefined : request.unsignCookie(raw);
  const identity = unsigned?.valid === true ? await sessionIdentity(db, unsigned.value, now) : undefined;
  if (!identity) throw problem(401, 'unauthenticated', 'Sign in with the link from your invitation');
  signedIn.set(request, identity);
  return identity;
}

/** The identity a request's session was found to have, once checked. */
const signedIn = new WeakMap<FastifyRequest, RespondentSession>();

/**
 * Every respondent route checks the session before anything else, before its body is read: a caller
 * without one learns nothing of the form's shape (401, not a schema error).
 */
export function requireRespondentForRespondentRoutes(app: FastifyInstance, db: Db, now: () => Date): void {
  app.addHook('onRequest', async (request) => {
    if ((request.url.split('?')[0] ?? '').startsWith('/api/respondent/'))
      await requireRespondent(request, db, now());
  });
}
