import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The SPA lives in src/spa; the BFF serves dist/ in production. In `npm run dev` the BFF runs on
// BFF_PORT (default 8081) and Vite proxies /api to it, so the browser still sees one origin.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
  server: {
    host: '127.0.0.1',
    port: Number(process.env.PORT ?? 8080),
    proxy: { '/api': `http://127.0.0.1:${process.env.BFF_PORT ?? 8081}` },
  },
});
