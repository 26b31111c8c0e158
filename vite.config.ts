import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The respondent app: src/web built into dist/web, which the server serves. */
export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: { outDir: '../../dist/web', emptyOutDir: true },
  server: { proxy: { '/api': 'http://127.0.0.1:3254', '/s/': 'http://127.0.0.1:3254' } },
});
