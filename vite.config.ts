import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The SPA lives in src/spa; the BFF serves dist/ in production. In `npm run dev` the BFF runs on
// BFF_PORT (default 8081) and Vite proxies /api to it, so the browser still sees one origin.
export default defineConfig({
  plugins: [react()],
  // The vendor chunk (React, Mantine, TanStack, zod) is ~550 kB minified, ~170 kB gzip; the budget that matters is
  // the first page's gzip weight, which `npm run bench` measures.
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 700 },
  server: {
    host: '127.0.0.1',
    port: Number(process.env.PORT ?? 8080),
    proxy: { '/api': `http://127.0.0.1:${process.env.BFF_PORT ?? 8081}` },
  },
});
