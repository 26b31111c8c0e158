import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ensureDemoRound } from '../app/demo-round.ts';
import { buildApp } from '../server/app.ts';
import { openDatabase, type Db } from '../store/database.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const WEB_ROOT = fileURLToPath(new URL('../../dist/web/', import.meta.url));

/** Browser tests need Debian's chromium and the built web app; with CI=true their absence fails the run. */
export function browserAvailable(): boolean {
  const ready = existsSync(CHROMIUM) && existsSync(`${WEB_ROOT}index.html`);
  if (!ready && process.env.CI === 'true')
    throw new Error(
      `CI=true but ${existsSync(CHROMIUM) ? 'dist/web is not built (npm run build)' : `no browser at ${CHROMIUM}`}`,
    );
  return ready;
}

export interface Harness {
  readonly db: Db;
  readonly base: string;
  readonly tokens: ReadonlyMap<string, string>;
  readonly browser: Browser;
  /** Moves the server's clock; the browser keeps its own. */
  setNow(date: Date): void;
  close(): Promise<void>;
}

/** The real server with the demo round on an in-memory database, on a free loopback port, and a browser. */
export async function startHarness(options: { smtpUrl?: string } = {}): Promise<Harness> {
  const db = await openDatabase();
  let now = new Date();
  const tokens = new Map((await ensureDemoRound(db, now)).map((t) => [t.municipality, t.token]));
  let address = '';
  const app: FastifyInstance = await buildApp({
    db,
    cookieSecret: 'e2e-secret-e2e-secret-e2e-secret-e2e',
    now: () => now,
    webRoot: WEB_ROOT,
    ...(options.smtpUrl
      ? {
          mail: {
            smtpUrl: options.smtpUrl,
            from: 'KOSTRA <kostra@ssb.no>',
            // The links point at the port the server gets below.
            get baseUrl() {
              return address;
            },
          },
        }
      : {}),
  });
  address = await app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    db,
    base: address,
    tokens,
    browser,
    setNow: (date) => {
      now = date;
    },
    async close() {
      await browser.close();
      await app.close();
      await db.destroy();
    },
  };
}

/** Opens an invitation link as its e-mail would, and signs in on the page it shows. */
export async function openInvitation(page: Page, link: string): Promise<void> {
  await page.goto(link);
  await page.getByRole('button', { name: 'Logg inn / Sign in' }).click();
}

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** WCAG 2.1 A and AA violations axe-core finds on the page as it is now. */
export async function accessibilityViolations(
  page: Page,
): Promise<{ id: string; help: string; nodes: number; where: string[] }[]> {
  // A dialog fading in is checked once it is shown: finite animations end first (at most 2 s).
  await page.evaluate(async () => {
    const doc = (
      globalThis as unknown as {
        document: {
          getAnimations: () => {
            finished: Promise<unknown>;
            effect: { getTiming: () => { iterations?: number } } | null;
          }[];
        };
      }
    ).document;
    const finite = doc.getAnimations().filter((a) => a.effect?.getTiming().iterations !== Infinity);
    await Promise.race([Promise.all(finite.map((a) => a.finished)), new Promise((r) => setTimeout(r, 2000))]);
  });
  // Evaluated, not added as a script tag: the pages' Content-Security-Policy allows no inline script.
  await page.evaluate(await readFile(AXE, 'utf8'));
  const result = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run: (
            o: unknown,
          ) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    return axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
  });
  // Where: the first few elements' selectors, so that a failure names them.
  return result.violations.map((v) => ({
    id: v.id,
    help: v.help,
    nodes: v.nodes.length,
    where: v.nodes.slice(0, 3).flatMap((n) => n.target),
  }));
}

/** What has the keyboard focus on the page: its id and its text. */
export function focused(page: Page): Promise<{ id: string; text: string }> {
  return page.evaluate(() => {
    const active = (
      globalThis as unknown as {
        document: { activeElement: { id: string; textContent: string | null } | null };
      }
    ).document.activeElement;
    return { id: active?.id ?? '', text: active?.textContent ?? '' };
  });
}

/** How wide the page is laid out: wider than the viewport means it scrolls sideways. */
export function pageWidth(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
        .documentElement.scrollWidth,
  );
}
