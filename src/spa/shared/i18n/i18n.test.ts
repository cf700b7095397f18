import { describe, expect, it } from 'vitest';
import { CLUSTER_PHASES, clusterPhaseMeanings } from '../../../contract/clusters.ts';
import { en, type MessageKey } from './en.ts';
import { enPages } from './en-pages.ts';
import { createTranslator, initialLanguage, LANGUAGE_STORAGE_KEY } from './i18n.ts';
import { zhCN } from './zh-CN.ts';

const english: Record<MessageKey, string> = { ...en, ...enPages };
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('messages', () => {
  it('English and Simplified Chinese have exactly the same keys', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(english).sort());
    // The first page's catalog and the other pages' do not overlap.
    expect(Object.keys(en).filter((key) => key in enPages)).toEqual([]);
  });

  it('every message is translated, not empty, and keeps the same placeholders', () => {
    for (const key of Object.keys(english) as MessageKey[]) {
      expect(zhCN[key].trim(), key).not.toBe('');
      expect(placeholders(zhCN[key]), key).toEqual(placeholders(english[key]));
    }
    // Text that is the same in both languages is almost always a forgotten translation.
    const untranslated = (Object.keys(english) as MessageKey[]).filter((key) => english[key] === zhCN[key]);
    expect(untranslated).toEqual([]);
  });

  it('has a label and the reference\'s meaning for each of the 19 cluster phases', () => {
    expect(CLUSTER_PHASES).toHaveLength(19);
    for (const phase of CLUSTER_PHASES) {
      expect(en[`phase.${phase}.meaning`]).toBe(clusterPhaseMeanings[phase]);
      expect(en[`phase.${phase}.label`]).toBeTruthy();
      expect(zhCN[`phase.${phase}.label`]).toMatch(/\p{Script=Han}/u);
      expect(zhCN[`phase.${phase}.meaning`]).toMatch(/\p{Script=Han}/u);
    }
  });
});

describe('translator', () => {
  it('fills parameters and chooses plural forms by the language\'s rules', () => {
    const t = createTranslator('en');
    expect(t.t('clusters.alias', { alias: 'payments' })).toBe('Alias: payments');
    expect(t.tn('clusters.count', 1)).toBe('1 cluster');
    expect(t.tn('clusters.count', 2000)).toBe('2,000 clusters');
    expect(createTranslator('zh-CN').tn('clusters.count', 1)).toBe('1 个集群');
  });

  it('leaves a placeholder without a parameter as written', () => {
    expect(createTranslator('en').t('planned.charts.description')).toContain('{name}-{version}.tgz');
  });

  it('formats dates in the chosen language', () => {
    const date = new Date('2024-05-29T17:35:40Z');
    expect(createTranslator('zh-CN').formatDateTime(date)).toBe(new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium', timeStyle: 'short' }).format(date));
    expect(createTranslator('zh-CN').formatDateTime(date)).not.toBe(createTranslator('en').formatDateTime(date));
  });
});

describe('initial language', () => {
  it('is the stored choice when there is one', () => {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, 'zh-CN');
    expect(initialLanguage()).toBe('zh-CN');
  });

  it('ignores a stored value that is not a language', () => {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, 'klingon');
    expect(initialLanguage()).toBe('en');
  });

  it('follows a browser that prefers Simplified Chinese, not Traditional', () => {
    const languages = Object.getOwnPropertyDescriptor(window.navigator, 'languages');
    try {
      Object.defineProperty(window.navigator, 'languages', { configurable: true, value: ['zh-CN', 'en'] });
      expect(initialLanguage()).toBe('zh-CN');
      Object.defineProperty(window.navigator, 'languages', { configurable: true, value: ['zh-TW', 'en'] });
      expect(initialLanguage()).toBe('en');
    } finally {
      if (languages) Object.defineProperty(window.navigator, 'languages', languages);
      else delete (window.navigator as { languages?: unknown }).languages;
    }
  });
});
