import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precompress } from './scripts/precompress.ts';

// The SPA lives in src/spa; the BFF serves dist/ in production. In `npm run dev` the BFF runs on
// BFF_PORT (default 8081) and Vite proxies /api to it, so the browser still sees one origin.
export default defineConfig({
  // precompress(): every built text file gets .br and .gz siblings, which the BFF serves by Accept-Encoding.
  plugins: [react(), precompress()],
  // The budget that matters is the first page's JavaScript as transferred (brotli), which `npm run bench` measures
  // in Chromium; the vendor chunk alone is above Vite's default warning size uncompressed.
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 700 },
  server: {
    host: '127.0.0.1',
    port: Number(process.env.PORT ?? 8080),
    proxy: { '/api': `http://127.0.0.1:${process.env.BFF_PORT ?? 8081}` },
  },
});
