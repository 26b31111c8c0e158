import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import type { MailSettings } from '../app/send-mail.ts';
import type { Db } from '../store/database.ts';
import type { ServerContext } from './context.ts';
import { installBackpressure } from './backpressure.ts';
import { installErrorHandler } from './error-handler.ts';
import { installOriginCheck, installSecurityHeaders } from './security-headers.ts';
import { requireRespondentForRespondentRoutes } from './policies/respondent.ts';
import { requireStatisticianForStaffRoutes } from './policies/statistician.ts';
import { respondentFormRoutes, XLSX } from './routes/respondent-form.ts';
import { sessionRoutes } from './routes/session.ts';
import { unitRoutes } from './routes/units.ts';
import { requireResponsibleForUnitRoutes } from './policies/responsible.ts';
import { staffControlRoutes } from './routes/staff-control.ts';
import { staffMailRoutes } from './routes/staff-mail.ts';
import { pxwebRoutes } from './routes/pxweb.ts';
import type { RateLimit } from './pxweb/rate-limit.ts';
import { staffPublicationRoutes } from './routes/staff-publications.ts';
import { compareRoutes } from './routes/compare.ts';
import { accountsRoutes } from './routes/accounts.ts';
import { staffRoundRoutes } from './routes/staff-rounds.ts';
import { staffRoutes } from './routes/staff.ts';
import { staffFormRoutes } from './routes/staff-forms.ts';
import { staffCollectionRoutes } from './routes/staff-collections.ts';
import { staffWorklistRoutes } from './routes/staff-worklists.ts';

/** A file the web build named by its content's hash: `assets/index-CrHh9DID.js`. */
const HASHED_ASSET = /[\\/]assets[\\/][^\\/]+-[A-Za-z0-9_-]{8}\.[a-z0-9]+(\.br|\.gz)?$/;

export interface AppOptions {
  readonly db: Db;
  /** Signs the session cookie; at least 32 characters. */
  readonly cookieSecret: string;
  readonly now?: () => Date;
  readonly sessionLifetimeMs?: number;
  readonly secureCookies?: boolean;
  /** Fastify's (pino) logger: off when absent, as in tests. */
  readonly logger?: boolean | { readonly level: string };
  readonly mail?: MailSettings;
  /** Calls one client may make to the open PxWeb API in a time window; PxWeb's 30 in 10 s by default. */
  readonly pxwebRateLimit?: RateLimit;
  /** The server's address as users reach it (PUBLIC_URL): its links, its origin, https cookies. */
  readonly publicUrl?: string | undefined;
  /** Whose X-Forwarded-For to believe (Fastify's trustProxy; TRUST_PROXY): none when absent. */
  readonly trustProxy?: boolean | number | string | undefined;
  /** The built web app (dist/web), served at / when given. */
  readonly webRoot?: string;
}

/** A form with three tables of a dozen rows is a few kilobytes; anything near this is not a form. */
export const BODY_LIMIT = 256 * 1024;

/** The HTTP server: the API for respondents (and later statisticians), as one Fastify app. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMIT,
    // A number of hops as the function Fastify's types take (its runtime takes the number itself too).
    trustProxy:
      typeof options.trustProxy === 'number'
        ? (
            (hops: number) => (_address: string, hop: number) =>
              hop < hops
          )(options.trustProxy)
        : (options.trustProxy ?? false),
  });
  const context: ServerContext = {
    db: options.db,
    now: options.now ?? (() => new Date()),
    sessionLifetimeMs: options.sessionLifetimeMs ?? 8 * 60 * 60 * 1000,
    secureCookies: options.secureCookies ?? options.publicUrl?.startsWith('https:') ?? false,
    publicUrl: options.publicUrl,
    mail: options.mail,
  };
  await app.register(cookie, { secret: options.cookieSecret });
  app.addContentTypeParser(XLSX, { parseAs: 'buffer' }, (_request, body, done) => {
    done(null, body);
  });
  installErrorHandler(app, options.webRoot !== undefined);
  await installBackpressure(app);
  installSecurityHeaders(app);
  installOriginCheck(app, options.publicUrl);
  if (options.webRoot !== undefined) {
    await app.register(fastifyStatic, {
      root: options.webRoot,
      index: 'index.html',
      wildcard: true,
      // The build writes each text file also as .br and .gz: the smaller one a browser accepts is sent.
      preCompressed: true,
      cacheControl: false,
      setHeaders: (response, path) => {
        response.setHeader('vary', 'accept-encoding');
        // An asset's name holds its content's hash, so it never changes: kept a year. The page that names
        // them is asked again every time, so a new build is seen at once.
        response.setHeader(
          'cache-control',
          HASHED_ASSET.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  app.get('/api/health', () => ({ status: 'ok' }));
  requireStatisticianForStaffRoutes(app, context.db, context.now);
  requireRespondentForRespondentRoutes(app, context.db, context.now);
  requireResponsibleForUnitRoutes(app, context.db, context.now);
  sessionRoutes(app, context);
  unitRoutes(app, context);
  respondentFormRoutes(app, context);
  staffRoutes(app, context);
  staffControlRoutes(app, context);
  staffRoundRoutes(app, context);
  staffFormRoutes(app, context);
  staffCollectionRoutes(app, context);
  staffWorklistRoutes(app, context);
  staffMailRoutes(app, context);
  staffPublicationRoutes(app, context);
  pxwebRoutes(app, context, options.pxwebRateLimit);
  accountsRoutes(app, context);
  compareRoutes(app, context);
  return app;
}
