import { describe, expect, it } from 'vitest';
import { CLUSTER_PHASES, clusterPhaseMeanings } from '../../contract/clusters.ts';

/*
 * Every module of messages in the console (`*-messages.ts`) and its Simplified Chinese
 * (`*-messages-zh-cn.ts`), found the way the console's features are: by file name, so a new module
 * is checked without being listed here.
 */
type Catalog = Record<string, string>;
const englishModules = import.meta.glob<Record<string, Catalog>>(['../**/*-messages.ts'], { eager: true });
const chineseModules = import.meta.glob<{ zhCN: Catalog }>(['../**/*-messages-zh-cn.ts'], { eager: true });

const modules = Object.entries(englishModules).map(([path, exports]) => {
  const english = Object.values(exports).find((value): value is Catalog => typeof value === 'object' && value !== null);
  const chinese = chineseModules[path.replace(/\.ts$/, '-zh-cn.ts')]?.zhCN;
  return { path, english: english ?? {}, chinese: chinese ?? {} };
});
const english: Catalog = Object.assign({}, ...modules.map((m) => m.english));
const chinese: Catalog = Object.assign({}, ...modules.map((m) => m.chinese));
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('messages', () => {
  it('finds the modules of the shell, the resources and the features', () => {
    expect(modules.map((m) => m.path)).toEqual(
      expect.arrayContaining([
        './shell-messages.ts',
        '../shared/i18n/shared-messages.ts',
        '../resources/clusters/cluster-messages.ts',
        '../features/clusters/clusters-messages.ts',
      ]),
    );
    expect(Object.keys(chineseModules)).toHaveLength(modules.length);
  });

  it('each module has its Chinese with exactly its keys, and no key is defined twice', () => {
    for (const { path, english: en, chinese: zh } of modules) expect(Object.keys(zh).sort(), path).toEqual(Object.keys(en).sort());
    const count = modules.reduce((n, m) => n + Object.keys(m.english).length, 0);
    expect(Object.keys(english)).toHaveLength(count);
  });

  it('every message is translated, not empty, and keeps the same placeholders', () => {
    for (const key of Object.keys(english)) {
      expect(chinese[key]!.trim(), key).not.toBe('');
      expect(placeholders(chinese[key]!), key).toEqual(placeholders(english[key]!));
    }
    // Text that is the same in both languages is almost always a forgotten translation (unless it has no words, e.g. '{name} {version}' or '—').
    const hasWords = (text: string) => /\p{L}/u.test(text.replace(/\{\w+\}/g, ''));
    expect(Object.keys(english).filter((key) => english[key] === chinese[key] && hasWords(english[key]!))).toEqual([]);
  });

  it("has a label and the reference's meaning for each of the 19 cluster phases", () => {
    expect(CLUSTER_PHASES).toHaveLength(19);
    for (const phase of CLUSTER_PHASES) {
      expect(english[`clusterPhase.${phase}.meaning`]).toBe(clusterPhaseMeanings[phase]);
      expect(english[`clusterPhase.${phase}.label`]).toBeTruthy();
      expect(chinese[`clusterPhase.${phase}.label`]).toMatch(/\p{Script=Han}/u);
      expect(chinese[`clusterPhase.${phase}.meaning`]).toMatch(/\p{Script=Han}/u);
    }
  });

  it('speaks of the product, never of development plans', () => {
    const planning = /later (release|issue)|coming soon|not yet implemented|TODO/i;
    expect(Object.entries(english).filter(([, text]) => planning.test(text))).toEqual([]);
  });
});
