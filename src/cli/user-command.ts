import { createInterface } from 'node:readline';
import { configuredDatabase } from '../config.ts';
import { openDatabase } from '../store/database.ts';
import { addStatistician } from '../app/staff-users.ts';
import { UsageError } from './usage-error.ts';

/** The password from KOSTRA_PASSWORD, or the first line of standard input (never an argument: ps shows those). */
async function readPassword(): Promise<string> {
  const fromEnv = process.env.KOSTRA_PASSWORD;
  if (fromEnv) return fromEnv;
  if (process.stdin.isTTY) process.stderr.write('Password: ');
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return '';
}

/** `kostra user add --username U --name "Full Name" --role statistician|admin`. */
export async function userCommand(
  action: string | undefined,
  options: { username?: string | undefined; name?: string | undefined; role?: string | undefined },
): Promise<void> {
  if (action !== 'add') throw new UsageError('user takes the action "add"');
  if (!options.username || !options.name) throw new UsageError('user add needs --username and --name');
  const role = options.role ?? 'statistician';
  if (role !== 'statistician' && role !== 'admin') throw new UsageError('--role is statistician or admin');
  const password = await readPassword();
  const db = await openDatabase(configuredDatabase());
  try {
    const user = await addStatistician(db, {
      username: options.username,
      displayName: options.name,
      role,
      password,
    });
    console.log(`added ${user.username} (${user.role})`);
  } finally {
    await db.destroy();
  }
}
