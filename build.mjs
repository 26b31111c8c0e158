// Bundles a TypeScript entry point into one ES module, so that it starts without compiling TypeScript at
// every run: by default the kostra command into dist/cli/kostra.mjs (and chunks beside it). The output keeps the source's
// depth below the repository, so paths to data/ and node_modules/ stay true.
// Usage: node build.mjs [ENTRY OUTFILE]
import { basename, dirname, extname } from 'node:path';
import { build } from 'esbuild';

const [entry = 'src/cli/main.ts', outfile = 'dist/cli/kostra.mjs'] = process.argv.slice(2);

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
