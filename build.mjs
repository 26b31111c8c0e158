// Bundles a TypeScript entry point into one ES module, so that it starts without compiling TypeScript at
// every run: by default the kostra command into dist/cli/kostra.mjs (and chunks beside it). The output keeps the source's
// depth below the repository, so paths to data/ and node_modules/ stay true.
// Usage: node build.mjs [--if-stale] [ENTRY OUTFILE]
// --if-stale (as `npm run kostra` runs it): nothing is built when the bundle is newer than every source file
// and package-lock.json, so a command does not pay for a build it does not need.
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { build } from 'esbuild';

const ifStale = process.argv.includes('--if-stale');
const [entry = 'src/cli/main.ts', outfile = 'dist/cli/kostra.mjs'] = process.argv
  .slice(2)
  .filter((a) => a !== '--if-stale');

const newest = (path) =>
  statSync(path).isDirectory()
    ? Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))))
    : statSync(path).mtimeMs;
const builtAt = (() => {
  try {
    return statSync(outfile).mtimeMs;
  } catch {
    return 0;
  }
})();
if (ifStale && builtAt > Math.max(newest('src'), newest('build.mjs'), newest('package-lock.json')))
  process.exit(0);

await build({
  entryPoints: { [basename(outfile, extname(outfile))]: entry },
  // Code split at dynamic imports, so a command loads only what it uses; chunks sit beside the entry, at the
  // same depth.
  outdir: dirname(outfile),
  outExtension: { '.js': '.mjs' },
  splitting: true,
  chunkNames: '[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // PGlite loads its WebAssembly and data files from its own package; pg is loaded only for a server.
  external: ['@electric-sql/pglite', 'pg', '@node-rs/argon2', 'nodemailer', 'highs'],
  banner: {
    js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
