import type { ClusterPhase } from '../../../contract/clusters.ts';
import { en, type MessageKey, type Messages } from './en.ts';

export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language named in itself, so an operator finds their own language whatever is showing now. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', 'zh-CN': '简体中文' };

/**
 * The English the first page shows (the shell and the cluster list) is built in; the rest of English
 * loads with the first page that needs it (`loadPageMessages`), and other languages load whole on
 * demand (~8 KB gzip each; an operator reads one language), before the first render and on a switch.
 * Until a catalog is loaded its language falls back to English.
 */
const catalogs: Partial<Record<Language, Partial<Messages>>> = { en: { ...en } };
const loaders: Record<Exclude<Language, 'en'>, () => Promise<Messages>> = {
  'zh-CN': async () => (await import('./zh-CN.ts')).zhCN,
};

export async function loadCatalog(language: Language): Promise<void> {
  if (catalogs[language]) return;
  catalogs[language] = await loaders[language as Exclude<Language, 'en'>]();
}

let pageMessages: Promise<void> | undefined;

/** Loads the English messages of the pages beyond the first; every such page awaits this before it renders. */
export function loadPageMessages(): Promise<void> {
  pageMessages ??= import('./en-pages.ts').then(
    ({ enPages }) => void Object.assign(catalogs.en!, enPages),
    (error: unknown) => {
      pageMessages = undefined; // a later page tries again
      throw error;
    },
  );
  return pageMessages;
}

/** Code beyond the first page (a page, a dialog): it and the pages' English messages load together. */
export function withPageMessages<T>(load: () => Promise<T>): () => Promise<T> {
  return async () => (await Promise.all([load(), loadPageMessages()]))[0];
}

/** localStorage key holding the operator's chosen language. */
export const LANGUAGE_STORAGE_KEY = 'cce-console.language';

// Compile-time check: every documented phase has a label and a meaning, so a badge never shows a raw key.
type PhaseKey = `phase.${ClusterPhase}.label` | `phase.${ClusterPhase}.meaning`;
const _everyPhaseTranslated: Record<PhaseKey, string> = en;
void _everyPhaseTranslated;

export type MessageParams = Record<string, string | number>;

/** Keys that come in `.one`/`.other` plural forms, named without the suffix. */
export type PluralKey = { [K in MessageKey]: K extends `${infer Base}.other` ? (`${Base}.one` extends MessageKey ? Base : never) : never }[MessageKey];

export interface Translator {
  language: Language;
  t(key: MessageKey, params?: MessageParams): string;
  /** Plural message chosen by the language's plural rules; `{count}` is filled in. */
  tn(key: PluralKey, count: number, params?: MessageParams): string;
  /** Date and time in the language's conventions (medium date, short time). */
  formatDateTime(date: Date): string;
}

/**
 * Fills `{name}` placeholders. Numbers are written the one way the language writes them (`2,001` in
 * English), whether a message counts clusters or says "42 of 2,001".
 */
function interpolate(template: string, params: MessageParams | undefined, formatNumber: (n: number) => string): string {
  if (!params) return template;
  // Placeholders without a matching parameter stay as written: some messages show a literal `{name}`.
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!(name in params)) return whole;
    const value = params[name];
    return typeof value === 'number' ? formatNumber(value) : String(value);
  });
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function createTranslator(language: Language): Translator {
  const plural = new Intl.PluralRules(language);
  const numberFormat = new Intl.NumberFormat(language);
  const dateTimeFormat = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
  // Looked up at each call: a catalog that loads later (the pages' English) is seen at once. A key no
  // loaded catalog has shows as itself rather than breaking the page.
  const formatNumber = (n: number) => numberFormat.format(n);
  const t = (key: MessageKey, params?: MessageParams) => interpolate(catalogs[language]?.[key] ?? catalogs.en?.[key] ?? key, params, formatNumber);
  return {
    language,
    t,
    tn(key, count, params) {
      const form = plural.select(count) === 'one' ? 'one' : 'other';
      return t(`${key}.${form}` as MessageKey, { ...params, count: numberFormat.format(count) });
    },
    formatDateTime: (date) => dateTimeFormat.format(date),
  };
}

function readStoredLanguage(): Language | undefined {
  try {
    const stored = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(stored) ? stored : undefined;
  } catch {
    // Storage can be disabled (privacy settings); the console still works, it just does not remember.
    return undefined;
  }
}

export function storeLanguage(language: Language): void {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // See readStoredLanguage.
  }
}

/** The stored choice, else Simplified Chinese for a browser that prefers Chinese, else English. */
export function initialLanguage(): Language {
  const stored = readStoredLanguage();
  if (stored) return stored;
  const preferred = typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language];
  return preferred.some((tag) => /^zh(-|$)/i.test(tag) && !/^zh-(hant|tw|hk|mo)/i.test(tag)) ? 'zh-CN' : 'en';
}
