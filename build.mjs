// Bundles a TypeScript entry point into one ES module, so that it starts without compiling TypeScript at
// every run: by default the kostra command into dist/cli/kostra.mjs. The output keeps the source's
// depth below the repository, so paths to data/ and node_modules/ stay true.
// Usage: node build.mjs [ENTRY OUTFILE]
import { build } from 'esbuild';

const [entry = 'src/cli/main.ts', outfile = 'dist/cli/kostra.mjs'] = process.argv.slice(2);

await build({
  entryPoints: [entry],
  outfile,
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
