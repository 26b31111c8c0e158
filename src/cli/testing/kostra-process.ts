import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

export const ROOT = new URL('../../../', import.meta.url).pathname;
const run = promisify(execFile);

export interface CommandResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the kostra command as a statistician would (embedded database unless `env` says otherwise). */
export async function kostraWith(env: Record<string, string>, ...args: string[]): Promise<CommandResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: '', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

export const kostra = (...args: string[]): Promise<CommandResult> => kostraWith({}, ...args);
