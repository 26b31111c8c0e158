import * as z from 'zod';

/** The environment, read and checked in one place only. */
const schema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'a postgres:// or postgresql:// connection string')
    .optional(),
  KOSTRA_DATA_DIR: z.string().min(1).default('./.kostra'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3254),
  HOST: z.string().min(1).default('127.0.0.1'),
  /** The mail server for invitations and reminders, e.g. smtp://127.0.0.1:25. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'an smtp:// or smtps:// address')
    .optional(),
  MAIL_FROM: z.string().default('KOSTRA <kostra@ssb.no>'),
  /** The server's address as municipalities reach it, for the links in e-mails. */
  PUBLIC_URL: z.url().optional(),
  /**
   * Behind a reverse proxy: whose X-Forwarded-For to believe, so that sign-in throttling and the PxWeb
   * rate limit count the client, not the proxy. `true` (any), a number of hops, or addresses and CIDRs
   * separated by commas (`127.0.0.1,10.0.0.0/8`). Unset: the connection's own address counts.
   */
  TRUST_PROXY: z
    .string()
    .regex(
      /^(true|\d{1,2}|[\d.:a-fA-F/]+(,\s*[\d.:a-fA-F/]+)*)$/,
      'true, a number of hops, or addresses separated by commas',
    )
    .transform((v) => (v === 'true' ? true : /^\d+$/.test(v) ? Number(v) : v))
    .optional(),
  /** When set and no statistician exists yet, the server makes the first admin, user name "admin". */
  KOSTRA_ADMIN_PASSWORD: z.string().min(12, 'at least 12 characters').optional(),
});

export type Config = z.infer<typeof schema>;

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse({
    DATABASE_URL: env.DATABASE_URL === '' ? undefined : env.DATABASE_URL,
    KOSTRA_DATA_DIR: env.KOSTRA_DATA_DIR === '' ? undefined : env.KOSTRA_DATA_DIR,
    PORT: env.PORT === '' ? undefined : env.PORT,
    HOST: env.HOST === '' ? undefined : env.HOST,
    SMTP_URL: env.SMTP_URL === '' ? undefined : env.SMTP_URL,
    MAIL_FROM: env.MAIL_FROM === '' ? undefined : env.MAIL_FROM,
    PUBLIC_URL: env.PUBLIC_URL === '' ? undefined : env.PUBLIC_URL,
    KOSTRA_ADMIN_PASSWORD: env.KOSTRA_ADMIN_PASSWORD === '' ? undefined : env.KOSTRA_ADMIN_PASSWORD,
    TRUST_PROXY: env.TRUST_PROXY === '' ? undefined : env.TRUST_PROXY,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`environment variable ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

/** The database the configuration names: a server when DATABASE_URL is set, else PGlite in the data folder. */
export function configuredDatabase(config: Config = readConfig()) {
  return { url: config.DATABASE_URL, dataDir: config.DATABASE_URL ? undefined : config.KOSTRA_DATA_DIR };
}
