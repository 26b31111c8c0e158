import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * Every text file of the build also as Brotli (.br) and gzip (.gz) beside it, compressed once at build time
 * at the highest level, so the server sends the smaller file to a browser that accepts it and spends no
 * time compressing per request (fonts are compressed already).
 */
function precompress(): Plugin {
  return {
    name: 'kostra-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir ?? '';
      for (const name of Object.keys(bundle).filter((n) => /\.(js|css|html|svg|json)$/.test(n))) {
        const file = join(dir, name);
        const content = readFileSync(file);
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
        writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
      }
    },
  };
}

/** The respondent app: src/web built into dist/web, which the server serves. */
export default defineConfig({
  root: 'src/web',
  plugins: [react(), precompress()],
  build: { outDir: '../../dist/web', emptyOutDir: true },
  server: { proxy: { '/api': 'http://127.0.0.1:3254', '/s/': 'http://127.0.0.1:3254' } },
});
