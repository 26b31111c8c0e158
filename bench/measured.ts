import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = new URL('../', import.meta.url).pathname;

export interface Measure {
  /** From the child's own start (after Node's boot) to its exit. */
  readonly seconds: number;
  /** The whole command as a user waits for it: spawning Node, its boot, the run, the exit. */
  readonly wallSeconds: number;
  readonly peakMiB: number;
  readonly stdout: string;
}

/**
 * Runs a built module (dist/) in a child process that reports its own wall time and peak memory
 * (bench/measure-child.mjs), with Node's flags as the command sets them for itself.
 * An exit code in `accepted` (besides 0) still measures: a control that finds warnings exits 1.
 */
export async function measured(
  module: string,
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; accepted?: readonly number[] } = {},
): Promise<Measure> {
  const started = performance.now();
  const { stdout, stderr } = await run(process.execPath, ['bench/measure-child.mjs', module, ...args], {
    cwd: ROOT,
    env: options.env ?? process.env,
    maxBuffer: 1 << 26,
  }).catch((e: unknown) => {
    const failed = e as { stdout: string; stderr: string; code: number };
    if (options.accepted?.includes(failed.code)) return failed;
    throw e;
  });
  const wallSeconds = (performance.now() - started) / 1000;
  const { seconds, peakMiB } = JSON.parse(stderr.trim().split('\n').at(-1)!) as Pick<
    Measure,
    'seconds' | 'peakMiB'
  >;
  return { seconds, wallSeconds, peakMiB, stdout };
}

export const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
