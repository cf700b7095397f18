import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Two projects: DOM tests for the SPA (jsdom) and node tests for contract, BFF and simulator.
// One jsdom config for everything would load the DOM setup file into server tests.
export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'web',
          environment: 'jsdom',
          // Each page's modules are transformed on first import; on a busy 2-core machine that alone
          // can take seconds, which says nothing about the console.
          testTimeout: 15_000,
          globals: true,
          setupFiles: ['src/spa/test-setup.ts'],
          // The real BFF and simulator the component tests run against (src/testing/world-server.ts).
          globalSetup: ['src/testing/web-global-setup.ts'],
          include: ['src/spa/**/*.test.{ts,tsx}'],
        },
      },
      {
        test: {
          name: 'node',
          environment: 'node',
          // The BFF's tests open an embedded PostgreSQL (PGlite, ~3 s to initialise on a busy 2-core
          // machine) and hash passwords with scrypt: a generous limit keeps them from flaking on CI.
          testTimeout: 30_000,
          hookTimeout: 60_000,
          globals: true,
          include: ['src/contract/**/*.test.ts', 'src/bff/**/*.test.ts', 'src/simulator/**/*.test.ts', 'scripts/**/*.test.ts'],
        },
      },
    ],
  },
});
