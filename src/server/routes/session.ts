import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import { signInRespondent, type SignedIn } from '../../app/respondent-sign-in.ts';
import { responsibleTokenHolder } from '../../store/responsibles.ts';
import { UNITS_COOKIE } from '../policies/responsible.ts';
import { endSession, tokenHolder } from '../../store/respondents.ts';
import { signInPage, type SignInPage } from '../presenters/sign-in-page.ts';
import { sessionCookieOptions, type ServerContext } from '../context.ts';
import { SESSION_COOKIE } from '../policies/respondent.ts';
import { HttpProblem, problem } from '../problem.ts';
import { TooManyAttemptsError } from '../../domain/errors.ts';

const body = z.strictObject({ token: z.string().min(1).max(200) });

/** Sign-in by the invitation link: the token is exchanged for a session cookie. */
export function sessionRoutes(app: FastifyInstance, context: ServerContext): void {
  const signIn = async (token: string, address: string) => {
    const opened = await signInRespondent(
      context.db,
      token,
      context.now(),
      context.sessionLifetimeMs,
      address,
    );
    if (!opened)
      throw problem(
        401,
        'unauthenticated',
        'The link is not valid',
        'unknown or revoked token, or the round is closed',
      );
    return opened;
  };
  const cookie = (expires: Date) => sessionCookieOptions(context, expires);

  const cookieOf = (opened: SignedIn) => (opened.kind === 'unit' ? SESSION_COOKIE : UNITS_COOKIE);

  app.post('/api/session', async (request, reply) => {
    const { token } = body.parse(request.body);
    const opened = await signIn(token, request.ip);
    return reply.setCookie(cookieOf(opened), opened.sessionId, cookie(opened.expiresAt)).status(204).send();
  });

  // The link in the invitation e-mail: a page that asks before it signs in (no login by a link alone, so
  // another site cannot sign a browser in as a municipality); its button posts back here, also without
  // JavaScript, and opens the form.
  app.get<{ Params: { token: string } }>('/s/:token', async (request, reply) => {
    const holder = await tokenHolder(context.db, request.params.token, context.now());
    const list = holder ? undefined : await responsibleTokenHolder(context.db, request.params.token);
    const page: SignInPage = holder
      ? { kind: 'ask', ...holder }
      : list
        ? {
            kind: 'list',
            responsible: list.responsible,
            name: list.name,
            scope: 'collectionId' in list.scope ? list.scope.collectionId : list.scope.roundId,
          }
        : { kind: 'invalid' };
    return reply
      .status(page.kind === 'invalid' ? 401 : 200)
      .type('text/html; charset=utf-8')
      .send(signInPage(request.params.token, page));
  });
  // The sign-in page's form posts an empty urlencoded body: taken as text (other routes refuse text).
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_r, body, done) => {
    done(null, body);
  });
  // A person pressed the button: what went wrong is told on a page like the one they came from, not as JSON.
  app.post<{ Params: { token: string } }>('/s/:token', async (request, reply) => {
    const { token } = request.params;
    try {
      const opened = await signIn(token, request.ip);
      return await reply
        .setCookie(cookieOf(opened), opened.sessionId, cookie(opened.expiresAt))
        .redirect(opened.kind === 'unit' ? '/' : '/enheter', 303);
    } catch (error) {
      const html = reply.type('text/html; charset=utf-8');
      if (error instanceof TooManyAttemptsError)
        return html
          .status(429)
          .header('retry-after', String(error.retryAfterSeconds))
          .send(signInPage(token, { kind: 'throttled', retryAfterSeconds: error.retryAfterSeconds }));
      if (error instanceof HttpProblem && error.problem.status === 401)
        return html.status(401).send(signInPage(token, { kind: 'invalid' }));
      throw error;
    }
  });

  app.delete('/api/session', async (request, reply) => {
    const raw = request.cookies[SESSION_COOKIE];
    const unsigned = raw === undefined ? undefined : request.unsignCookie(raw);
    if (unsigned?.valid === true) await endSession(context.db, unsigned.value);
    return reply.clearCookie(SESSION_COOKIE, { path: '/' }).status(204).send();
  });
}
