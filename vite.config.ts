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
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 700,
    // Pages load lazily, and Rolldown puts every module shared by a different set of pages into a chunk of its own:
    // 45 files for the first page, many under 1 KB, each paying ≈ 1 KB of response headers over HTTP/1.1.
    // Common chunks under 8 KB are inlined into the chunks that use them instead (a little code is duplicated across
    // lazy pages): the first page fetches 12 files and ≈ 30 KB less. Experimental in Rolldown (versions are pinned;
    // the journeys and `npm run bench` would show a change). It needs entry signatures not preserved (nothing imports
    // the SPA's entry) and enables strict execution order.
    rolldownOptions: {
      preserveEntrySignatures: false,
      output: { codeSplitting: { experimentalInlineCommonChunks: { maxSize: 8 * 1024 } } },
    },
  },
  server: {
    host: '127.0.0.1',
    port: Number(process.env.PORT ?? 8080),
    proxy: { '/api': `http://127.0.0.1:${process.env.BFF_PORT ?? 8081}` },
  },
});
