import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * The first page ships only `en.ts`; the rest of English loads with the first page beyond it. A key
 * of `en-pages.ts` used on the first page would show as its raw key until then, so this follows the
 * static imports the bundler follows — from main.tsx and from the pages the router loads without the
 * pages' messages — and checks that every message key those modules name is built in.
 */

const SPA = resolve(import.meta.dirname, '../src/spa');

/** The keys of a catalog file (`  'clusters.title': …,`). */
function catalogKeys(file: string): Set<string> {
  return new Set([...readFileSync(resolve(SPA, file), 'utf8').matchAll(/^\s+'([\w.$-]+)':/gm)].map((m) => m[1]!));
}
const BUILT_IN = catalogKeys('shared/i18n/en.ts');
const ALL_KEYS = [...BUILT_IN, ...catalogKeys('shared/i18n/en-pages.ts')];

/** Relative modules a file imports for their values (`import type` brings no code). */
function staticImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const specifiers = [...source.matchAll(/^(?:import|export)\s+(?!type\s)(?:[\s\S]*?\sfrom\s+)?'(\.[^']+)';/gm)].map((m) => m[1]!);
  return specifiers.filter((s) => /\.tsx?$/.test(s)).map((s) => resolve(dirname(file), s));
}

/** Pages the router loads without `withPageMessages`, i.e. with the built-in catalog only. */
function firstPageEntries(): string[] {
  const router = resolve(SPA, 'app/router.tsx');
  const source = readFileSync(router, 'utf8');
  const pages = [...source.matchAll(/lazyPage\(async \(\) => \(await import\('([^']+)'\)\)/g)].map((m) => resolve(dirname(router), m[1]!));
  return [resolve(SPA, 'main.tsx'), ...pages];
}

function firstPageModules(): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !file.startsWith(SPA) || /\/i18n\/(en|en-pages|zh-CN)\.ts$/.test(file)) return;
    seen.add(file);
    staticImports(file).forEach(visit);
  };
  firstPageEntries().forEach(visit);
  return [...seen];
}

/** The message keys a module names: plain literals, plural bases (`tn('x.count')`) and templates (`phase.${p}.label`). */
function keysNamedIn(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const named = new Set<string>();
  for (const [, literal] of source.matchAll(/'([A-Za-z][\w-]*(?:\.[\w-]+)+)'/g)) {
    for (const key of ALL_KEYS) if (key === literal || key === `${literal}.one` || key === `${literal}.other`) named.add(key);
  }
  for (const [, template] of source.matchAll(/`([A-Za-z][\w.${}\s?:'-]*)`/g)) {
    if (!template!.includes('${')) continue;
    const pattern = new RegExp(`^${template!.split(/\$\{[^}]*\}/).map((part: string) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')).join('[\\w-]+')}$`);
    for (const key of ALL_KEYS) if (pattern.test(key)) named.add(key);
  }
  return [...named];
}

describe('first-page messages', () => {
  it('reads both catalogs', () => {
    expect(BUILT_IN.has('clusters.title')).toBe(true);
    expect(ALL_KEYS).toContain('clusterDetail.tab.overview');
  });

  it('finds the first page\'s modules (shell, cluster list) and none of the later pages', () => {
    const modules = firstPageModules().map((file) => file.slice(SPA.length + 1));
    expect(modules).toEqual(expect.arrayContaining(['main.tsx', 'app/app-layout.tsx', 'features/clusters/clusters-page.tsx', 'features/clusters/clusters-table.tsx']));
    expect(modules).not.toContain('features/clusters/cluster-detail-page.tsx');
    expect(modules).not.toContain('features/clusters/delete-cluster-dialog.tsx');
  });

  it('every message key the first page names is in the built-in catalog', () => {
    const missing = firstPageModules().flatMap((file) => keysNamedIn(file).filter((key) => !BUILT_IN.has(key)).map((key) => `${file.slice(SPA.length + 1)}: ${key}`));
    expect(missing).toEqual([]);
  });
});
