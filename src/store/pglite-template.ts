import { PGlite } from '@electric-sql/pglite';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';

const PGLITE_VERSION = await readFile(
  join(dirname(new URL(import.meta.url).pathname), '../../node_modules/@electric-sql/pglite/package.json'),
  'utf8',
)
  .then((text) => (JSON.parse(text) as { version: string }).version)
  .catch(() => 'unknown');
const CACHE_DIR = join(dirname(new URL(import.meta.url).pathname), '../../node_modules/.cache/kostra');
const TEMPLATE = join(CACHE_DIR, `pglite-${PGLITE_VERSION}-initdb.tar.gz`);

/**
 * A fresh in-memory PGlite. Creating one runs initdb in WebAssembly (about 2 s here); loading a copy of
 * a freshly initialised data directory takes a fifth of that, so the first start keeps such a copy in
 * node_modules/.cache and later ones load it. The copy holds no data of ours, only an empty cluster of
 * this PGlite version, and a missing or unreadable copy just means initdb runs again.
 */
export async function createMemoryPGlite(): Promise<PGlite> {
  const template = await readFile(TEMPLATE).catch(() => undefined);
  if (template) {
    try {
      return await PGlite.create({ loadDataDir: new Blob([gunzipSync(template)]) });
    } catch {
      // A damaged copy: fall through and make a new one.
    }
  }
  const pglite = await PGlite.create();
  await saveTemplate(pglite).catch(() => undefined);
  return pglite;
}

async function saveTemplate(pglite: PGlite): Promise<void> {
  const tar = Buffer.from(await (await pglite.dumpDataDir('none')).arrayBuffer());
  await mkdir(CACHE_DIR, { recursive: true });
  const partial = `${TEMPLATE}.${process.pid}.partial`;
  await writeFile(partial, gzipSync(tar, { level: 1 }));
  await rename(partial, TEMPLATE);
}
