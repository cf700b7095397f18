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
          globals: true,
          setupFiles: ['src/spa/test-setup.ts'],
          include: ['src/spa/**/*.test.{ts,tsx}'],
        },
      },
      {
        test: {
          name: 'node',
          environment: 'node',
          globals: true,
          include: ['src/contract/**/*.test.ts', 'src/bff/**/*.test.ts', 'src/simulator/**/*.test.ts', 'scripts/**/*.test.ts'],
        },
      },
    ],
  },
});
