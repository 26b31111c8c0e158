import type { FastifyInstance } from 'fastify';
import { problem } from './problem.ts';

/**
 * What every answer says to the browser: scripts only from the server itself (no inline script; styles may
 * be inline, as the design system's components set them), never in a frame, no type sniffing, no referrer to other sites
 * (an invitation link carries its token in the path; "no-referrer" would make the browser send Origin: null
 * on the sign-in page's own form). Answers about a person (a form, a session, a staff
 * page) are never stored by a cache.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const PERSONAL = /^\/(api\/(respondent|staff|session)\b|s\/)/;

export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply) => {
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    reply.header('x-frame-options', 'DENY');
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('cross-origin-opener-policy', 'same-origin');
    if (PERSONAL.test(request.url)) reply.header('cache-control', 'no-store');
  });
}

/** Routes open to other sites by design: the PxWeb API and the accounting-file check keep no state. */
const OPEN_TO_ALL = /^\/api\/(v2|accounts)\//;

/**
 * A change (any method but GET, HEAD and OPTIONS) is refused when a browser says it comes from another site:
 * an Origin that is not the server's own, or Sec-Fetch-Site "cross-site". SameSite cookies alone leave
 * this to the browser; this check does not. Clients without a browser send neither and are not affected.
 */
export function installOriginCheck(app: FastifyInstance, publicUrl: string | undefined): void {
  const own = publicUrl === undefined ? undefined : new URL(publicUrl).origin;
  app.addHook('onRequest', (request, _reply, done) => {
    if (['GET', 'HEAD', 'OPTIONS'].includes(request.method) || OPEN_TO_ALL.test(request.url)) {
      done();
      return;
    }
    const origin = request.headers.origin;
    const expected = own ?? `${request.protocol}://${request.host}`;
    if (request.headers['sec-fetch-site'] === 'cross-site' || (origin !== undefined && origin !== expected)) {
      done(
        problem(
          403,
          'cross-origin',
          "Changes are taken only from this service's own pages",
          `origin ${origin ?? 'of another site'}`,
        ),
      );
      return;
    }
    done();
  });
}
