import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('./crash-child.ts', import.meta.url));

export interface ChildServer {
  readonly process: ChildProcess;
  readonly address: string;
  readonly tokens: readonly { municipality: string; token: string }[];
}

/** Starts the server in a child process (crash-child.ts) with the given environment. */
export async function startChildServer(env: Record<string, string>): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const first = await Promise.race([
    once(lines, 'line') as Promise<[string]>,
    once(child, 'exit').then(([code]) => {
      throw new Error(`the server exited with ${String(code)} before it listened`);
    }),
  ]);
  const { address, tokens } = JSON.parse(first[0]) as Omit<ChildServer, 'process'>;
  return { process: child, address, tokens };
}

export async function killHard(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGKILL');
  await exited;
}

/** A draft as the form sends it, told apart by its comment. */
export function draftBody(marker: string): string {
  return JSON.stringify({
    comments: marker,
    tables: {
      business_types: {
        methods: ['RESPONSIBILITY'],
        rows: {
          AMBULANT: { fewer_than_5: false, amounts: { AGD10: 100, AGD4: 90, AGD16: 80, AGD2: 95 } },
        },
      },
    },
  });
}

export async function signIn(address: string, token: string): Promise<string> {
  const res = await fetch(`${address}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
  });
  if (res.status !== 204) throw new Error(`sign-in answered ${res.status}`);
  return res.headers.getSetCookie()[0]!.split(';')[0]!;
}

export interface Acknowledged {
  readonly version: number;
  readonly comments: string;
}

/**
 * Autosave as many respondents do: each municipality saves one draft after another, each carrying the
 * version the last one was given. Runs until `stop` resolves; records every save the server acknowledged
 * (200) and counts the other answers by status (0: no answer at all).
 */
export async function autosaveUntil(
  address: string,
  cookies: ReadonlyMap<string, string>,
  stop: Promise<unknown>,
  acknowledged = new Map<string, Acknowledged>(),
): Promise<{ acknowledged: Map<string, Acknowledged>; statuses: Map<number, number> }> {
  let stopped = false;
  void stop.then(() => (stopped = true));
  const statuses = new Map<number, number>();
  const count = (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1);
  await Promise.all(
    [...cookies].map(async ([municipality, cookie]) => {
      const form = await fetch(`${address}/api/respondent/form`, { headers: { cookie } });
      let version = ((await form.json()) as { version: number }).version;
      for (let n = 0; !stopped; n += 1) {
        const comments = `${municipality} draft ${n}`;
        try {
          const res = await fetch(`${address}/api/respondent/form`, {
            method: 'PUT',
            headers: { 'content-type': 'application/json', cookie, 'if-match': String(version) },
            body: draftBody(comments),
          });
          count(res.status);
          const json = (await res.json()) as { version?: number };
          if (res.status === 200 && json.version !== undefined) {
            version = json.version;
            acknowledged.set(municipality, { version, comments });
          } else if (res.status === 412) {
            // Behind after an unanswered save that did land: start again from the latest.
            const latest = await fetch(`${address}/api/respondent/form`, { headers: { cookie } });
            if (latest.ok) version = ((await latest.json()) as { version: number }).version;
          } else await new Promise((r) => setTimeout(r, 20));
        } catch {
          count(0);
          await new Promise((r) => setTimeout(r, 20));
        }
      }
    }),
  );
  return { acknowledged, statuses };
}

/** Every acknowledged save is there: the latest version is at least the acknowledged one, and is it if equal. */
export async function missingSaves(
  address: string,
  cookies: ReadonlyMap<string, string>,
  acknowledged: ReadonlyMap<string, Acknowledged>,
): Promise<string[]> {
  const missing: string[] = [];
  for (const [municipality, ack] of acknowledged) {
    const res = await fetch(`${address}/api/respondent/form`, {
      headers: { cookie: cookies.get(municipality)! },
    });
    const form = (await res.json()) as { version: number; response: { comments: string } | null };
    if (
      form.version < ack.version ||
      (form.version === ack.version && form.response?.comments !== ack.comments)
    )
      missing.push(`${municipality}: acknowledged v${ack.version}, found v${form.version}`);
  }
  return missing;
}
