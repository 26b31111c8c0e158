import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase, type Db } from '../store/database.ts';
import { buildApp } from './app.ts';

/** The web build as the server finds it: hashed assets, each text file also as .br and .gz. */
async function webRoot(): Promise<{ dir: string; script: string; page: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'kostra-web-'));
  await mkdir(join(dir, 'assets'));
  const script = `console.log(${JSON.stringify('KOSTRA '.repeat(200))});\n`;
  const page =
    '<!doctype html><html lang="nb"><title>KOSTRA</title><script src="/assets/index-Ab1_cD2-.js"></script></html>\n';
  for (const [name, text] of [
    ['assets/index-Ab1_cD2-.js', script],
    ['index.html', page],
  ] as const) {
    await writeFile(join(dir, name), text);
    await writeFile(join(dir, `${name}.br`), brotliCompressSync(text));
    await writeFile(join(dir, `${name}.gz`), gzipSync(text));
  }
  return { dir, script, page };
}

describe('the web app’s files: compressed once at build time, hashed assets kept for a year', () => {
  let db: Db;
  let app: FastifyInstance;
  let root: Awaited<ReturnType<typeof webRoot>>;
  beforeAll(async () => {
    db = await openDatabase();
    root = await webRoot();
    app = await buildApp({ db, cookieSecret: 'static-secret-static-secret-static!', webRoot: root.dir });
  });
  afterAll(async () => {
    await app.close();
    await db.destroy();
    await rm(root.dir, { recursive: true });
  });
  const get = (url: string, encoding?: string) =>
    app.inject({ url, headers: encoding === undefined ? {} : { 'accept-encoding': encoding } });

  test('a hashed asset: Brotli where accepted, else gzip, else as it is; immutable for a year', async () => {
    const br = await get('/assets/index-Ab1_cD2-.js', 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(root.script);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers['vary']).toBe('accept-encoding');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.rawPayload.length).toBeLessThan(root.script.length / 5);

    const gz = await get('/assets/index-Ab1_cD2-.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(root.script);

    const plain = await get('/assets/index-Ab1_cD2-.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(root.script);
  });

  test('the page that names the assets is asked for again every time, by its path or a path of the app', async () => {
    for (const url of ['/', '/staff', '/tabeller']) {
      const page = await get(url, 'br');
      expect(page.statusCode, url).toBe(200);
      expect(page.headers['cache-control'], url).toBe('no-cache');
      expect(page.headers['content-type'], url).toMatch(/^text\/html/);
      expect(page.headers['content-encoding'], url).toBe('br');
      expect(brotliDecompressSync(page.rawPayload).toString(), url).toBe(root.page);
    }
    // The API is never served from these files.
    expect((await get('/api/nothing-here', 'br')).headers['content-type']).toMatch(/problem\+json/);
  });
});
