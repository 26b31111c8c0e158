import { z } from 'zod';

/** The environment, read and checked in one place only. */
const schema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'a postgres:// or postgresql:// connection string')
    .optional(),
  KOSTRA_DATA_DIR: z.string().min(1).default('./.kostra'),
});

export type Config = z.infer<typeof schema>;

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse({
    DATABASE_URL: env.DATABASE_URL === '' ? undefined : env.DATABASE_URL,
    KOSTRA_DATA_DIR: env.KOSTRA_DATA_DIR === '' ? undefined : env.KOSTRA_DATA_DIR,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`environment variable ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}
