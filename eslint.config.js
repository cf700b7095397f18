// One lint config for the whole repository: TypeScript rules, React hooks rules, import cycles and
// the architecture's one-way import boundaries (see ../shared/design/architecture.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import pluginQuery from '@tanstack/eslint-plugin-query';
import globals from 'globals';

const restrict = (patterns) => ['error', { patterns }];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [importX.createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
      // Cycles are a property of our code; parsing minified dependencies (PGlite's WASM glue) only costs time.
      'import-x/ignore': ['node_modules'],
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-expect-error': 'allow-with-description', 'ts-ignore': true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      'import-x/no-duplicates': 'error',
    },
  },
  {
    files: ['src/spa/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // A message module adds its keys to `ConsoleMessages` with `interface … extends Record<…> {}`.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
    },
  },
  // TanStack Query's own rules (query keys name every input, stable clients, options in order), strict.
  ...pluginQuery.configs['flat/recommended-strict'].map((config) => ({ ...config, files: ['src/spa/**/*.{ts,tsx}'] })),
  // Boundaries: contract depends on zod only; the SPA never reaches the BFF or simulator;
  // the simulator never imports the BFF; the BFF reaches the simulator only at its composition root.
  {
    files: ['src/contract/**/*.ts'],
    ignores: ['src/contract/**/*.test.ts', 'src/contract/test-support.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['**/spa/**', '**/bff/**', '**/simulator/**', 'node:*', 'react', 'fastify'], message: 'src/contract depends on zod only.' },
      ]),
    },
  },
  {
    files: ['src/spa/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': restrict([{ group: ['**/bff/**', '**/simulator/**', 'node:*'], message: 'The SPA talks to the BFF over HTTP only.' }]) },
  },
  {
    files: ['src/spa/features/*/**'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['**/bff/**', '**/simulator/**', 'node:*'], message: 'The SPA talks to the BFF over HTTP only.' },
        // `../x/` from a feature's top level is a sibling feature; any path through app/ or features/ leaves the feature.
        { regex: '^\\.\\./[^./][^/]*/', message: 'A feature never imports another feature or app/.' },
        { regex: '(^|/)(app|features)/', message: 'A feature never imports another feature or app/.' },
      ]),
    },
  },
  {
    // Resources (what any page may need about a kind of thing) build on shared/ and the contract only.
    files: ['src/spa/resources/**'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['**/bff/**', '**/simulator/**', 'node:*'], message: 'The SPA talks to the BFF over HTTP only.' },
        { group: ['**/features/**', '**/app/**'], message: 'A resource imports only shared/ and the contract.' },
        // `../x/` from a resource's top level is a sibling resource.
        { regex: '^\\.\\./[^./][^/]*/', message: 'A resource never imports another resource.' },
      ]),
    },
  },
  {
    files: ['src/spa/shared/**'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['**/bff/**', '**/simulator/**', 'node:*'], message: 'The SPA talks to the BFF over HTTP only.' },
        { group: ['**/features/**', '**/resources/**', '**/app/**'], message: 'shared/ imports neither features, resources nor app/.' },
      ]),
    },
  },
  {
    files: ['src/simulator/**/*.ts'],
    rules: { 'no-restricted-imports': restrict([{ group: ['**/bff/**', '**/spa/**'], message: 'The simulator depends on the contract only.' }]) },
  },
  {
    files: ['src/bff/**/*.ts'],
    ignores: ['src/bff/server.ts', 'src/bff/compose.ts', 'src/bff/**/*.test.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['**/simulator/**', '**/spa/**'], message: 'The BFF reaches the simulator only at its composition root (compose.ts).' },
      ]),
    },
  },
);
