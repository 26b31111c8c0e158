import { mkdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  accessibilityViolations,
  browserAvailable,
  pageWidth,
  startHarness,
  type Harness,
} from './harness.ts';

/** Screenshots a reviewer can look at, under the test output (not in the repository). */
const SHOTS = new URL('../../test-output/screenshots/', import.meta.url).pathname;

const EXPECTED = {
  nb: { footer: 'Om tjenesten', privacy: 'Personvern', accessibility: 'Tilgjengelighetserklæring' },
  nn: { footer: 'Om tenesta', privacy: 'Personvern', accessibility: 'Tilgjengelegheitserklæring' },
  en: { footer: 'About the service', privacy: 'Privacy', accessibility: 'Accessibility statement' },
} as const;

describe.skipIf(!browserAvailable())('every page ends with the footer, in the bundled typeface', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await mkdir(SHOTS, { recursive: true });
  }, 60_000);
  afterAll(async () => h.close());

  for (const width of [1280, 768, 390])
    for (const language of ['nb', 'nn', 'en'] as const)
      test(`at ${width} px in ${language}: footer, statements, title, Inter, nothing from elsewhere`, async () => {
        const page = await h.browser.newPage({ viewport: { width, height: 900 } });
        const elsewhere: string[] = [];
        page.on('request', (r) => {
          const url = new URL(r.url());
          if (url.hostname !== '127.0.0.1') elsewhere.push(r.url());
        });
        const t = EXPECTED[language];
        // The app's script and style come compressed, named by their hash and kept for a year.
        const assets: { url: string; encoding?: string; cache?: string }[] = [];
        page.on('response', (r) => {
          if (/\/assets\/index-[^/]+\.(js|css)$/.test(r.url()))
            assets.push({
              url: r.url(),
              encoding: r.headers()['content-encoding'],
              cache: r.headers()['cache-control'],
            });
        });
        await page.goto(`${h.base}/personvern${language === 'nb' ? '' : `?lang=${language}`}`);
        await page.getByRole('heading', { level: 1, name: t.privacy }).waitFor();
        expect(await page.title()).toBe(`${t.privacy} – KOSTRA`);
        expect(await page.locator('html').getAttribute('lang')).toBe(language);
        const footer = page.getByRole('contentinfo', { name: t.footer });
        await footer.getByRole('link', { name: t.accessibility }).click();
        await page.getByRole('heading', { level: 1, name: t.accessibility }).waitFor();
        expect(await page.title()).toBe(`${t.accessibility} – KOSTRA`);
        expect(await page.getByRole('link', { name: 'uustatus.no' }).count()).toBe(1);
        // The theme's Inter is loaded from the product itself, and the page is set in it.
        // (A script as text: the tests are typed without the DOM's types.)
        const fonts = await page.evaluate<{ loaded: number; body: string }>(`(async () => {
          await document.fonts.ready;
          const inter = [...document.fonts].filter((f) => f.family.replace(/"/g, '') === 'Inter');
          return {
            loaded: inter.filter((f) => f.status === 'loaded').length,
            body: getComputedStyle(document.querySelector('h1')).fontFamily,
          };
        })()`);
        expect([...new Set(assets.map((a) => a.url.split('.').pop()))].sort()).toEqual(['css', 'js']);
        for (const asset of assets) {
          // Brotli where the browser asks for it (Chromium does over HTTPS), gzip otherwise.
          expect(asset.encoding, asset.url).toMatch(/^(br|gzip)$/);
          expect(asset.cache, asset.url).toBe('public, max-age=31536000, immutable');
        }
        expect(fonts.loaded).toBeGreaterThan(0);
        expect(fonts.body).toMatch(/^"?Inter/);
        // No sideways scroll at any width.
        expect(await pageWidth(page)).toBeLessThanOrEqual(width);
        expect(await accessibilityViolations(page)).toEqual([]);
        await page.screenshot({ path: `${SHOTS}statement-${width}-${language}.png`, fullPage: true });
        // The published tables end with the same footer.
        await page.goto(`${h.base}/tabeller`);
        await page.getByRole('contentinfo', { name: 'Om tjenesten' }).waitFor();
        expect(await page.title()).toBe('Publiserte tabeller – KOSTRA');
        // The public pages never scroll sideways: a wide table scrolls in its own box.
        for (const path of ['/tabeller', '/regnskap', '/sammenlign']) {
          if (path !== '/tabeller') await page.goto(`${h.base}${path}`);
          await page.getByRole('contentinfo').waitFor();
          await page.getByRole('heading', { level: 1 }).waitFor();
          expect(await pageWidth(page), path).toBeLessThanOrEqual(width);
        }
        expect(elsewhere).toEqual([]);
        await page.close();
      });
});
