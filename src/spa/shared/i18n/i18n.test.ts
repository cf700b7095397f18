import { describe, expect, it, vi } from 'vitest';
import type { MessageKey } from './message-keys.ts';
import {
  createTranslator,
  defineMessages,
  initialLanguage,
  LANGUAGE_STORAGE_KEY,
  loadCatalog,
  setMissingMessageHandler,
  translationsReady,
  withTranslations,
} from './i18n.ts';

// Messages of this test only: the translator is the same for every module's messages.
const testMessages = {
  'test.alias': 'Alias: {alias}',
  'test.count.one': '{count} cluster',
  'test.count.other': '{count} clusters',
  'test.file': 'Upload {name}-{version}.tgz',
  'test.matching': '{matching} of {total} clusters',
};
defineMessages(testMessages, {
  'zh-CN': async () => ({
    'test.alias': '别名：{alias}',
    'test.count.one': '{count} 个集群',
    'test.count.other': '{count} 个集群',
    'test.file': '上传 {name}-{version}.tgz',
    'test.matching': '{total} 个集群中的 {matching} 个',
  }),
});
const key = (k: keyof typeof testMessages) => k as MessageKey;
const plural = (k: 'test.count') => k as unknown as Parameters<ReturnType<typeof createTranslator>['tn']>[0];

describe('message modules', () => {
  it('load their translation when the language is chosen, and a module that arrives later loads its own', async () => {
    await loadCatalog('zh-CN');
    expect(createTranslator('zh-CN').t(key('test.alias'), { alias: 'payments' })).toBe('别名：payments');

    const late = vi.fn(async () => ({ 'test.late': '迟到' }));
    const page = withTranslations(async () => {
      defineMessages({ 'test.late': 'Late' }, { 'zh-CN': late });
      return 'page';
    });
    await expect(page()).resolves.toBe('page');
    expect(late).toHaveBeenCalledTimes(1);
    expect(createTranslator('zh-CN').t('test.late' as MessageKey)).toBe('迟到');
    await translationsReady();
  });

  it('reports a key no loaded module defines, and shows the key', () => {
    const missing: string[] = [];
    setMissingMessageHandler((k) => missing.push(k));
    try {
      expect(createTranslator('en').t('nowhere.defined' as MessageKey)).toBe('nowhere.defined');
    } finally {
      setMissingMessageHandler(null);
    }
    expect(missing).toEqual(['nowhere.defined']);
  });
});

describe('translator', () => {
  it("fills parameters and chooses plural forms by the language's rules", () => {
    const t = createTranslator('en');
    expect(t.t(key('test.alias'), { alias: 'payments' })).toBe('Alias: payments');
    expect(t.tn(plural('test.count'), 1)).toBe('1 cluster');
    expect(t.tn(plural('test.count'), 2000)).toBe('2,000 clusters');
    expect(createTranslator('zh-CN').tn(plural('test.count'), 1)).toBe('1 个集群');
  });

  it('writes every number one way, in a count or in "42 of 2,001"', () => {
    const t = createTranslator('en');
    expect(t.t(key('test.matching'), { matching: 42, total: 2001 })).toBe('42 of 2,001 clusters');
    expect(t.tn(plural('test.count'), 2001)).toBe('2,001 clusters');
    // Strings are left as they are: an id or a version is never regrouped.
    expect(t.t(key('test.alias'), { alias: '20010' })).toBe('Alias: 20010');
  });

  it('leaves a placeholder without a parameter as written', () => {
    expect(createTranslator('en').t(key('test.file'))).toBe('Upload {name}-{version}.tgz');
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
