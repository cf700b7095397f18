import type { MessageKey } from './message-keys.ts';

export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];
type Translation = Exclude<Language, 'en'>;

/** Each language named in itself, so an operator finds their own language whatever is showing now. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', 'zh-CN': '简体中文' };

/**
 * Messages live beside the code that shows them: each module of messages (`defineMessages`) holds its
 * English and says how to load its translations. English arrives with the module that imports it, so
 * the first page carries the text its own modules show, and every other page's text comes with that
 * page's code. A translation loads when its language is chosen (before the first render, and on a
 * switch) or, for a module that arrives later, as soon as the module does; a lazy page awaits
 * `translationsReady()` before it renders, so it never flashes English. Until then a key falls back
 * to English.
 */
const catalogs: Record<Language, Partial<Record<string, string>>> = { en: {}, 'zh-CN': {} };
type TranslationLoader = () => Promise<Record<string, string>>;
const loaders = new Map<TranslationLoader, Translation>();
const loaded = new Set<TranslationLoader>();
const pending = new Set<Promise<void>>();
/** The language the console shows: translations of modules that arrive later load into it at once. */
let active: Language = 'en';
/** The language the console shows now (for text built outside React, such as validation messages). */
export function activeLanguage(): Language {
  return active;
}
let version = 0;
const listeners = new Set<() => void>();

/** Told whenever a translation arrives, so the text on screen follows (see I18nProvider). */
export function subscribeToCatalogs(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
export function catalogVersion(): number {
  return version;
}

function loadTranslation(loader: TranslationLoader, language: Translation): Promise<void> {
  const load = loader().then(
    (messages) => {
      loaded.add(loader);
      Object.assign(catalogs[language], messages);
      version += 1;
      for (const listener of listeners) listener();
    },
    (error: unknown) => {
      // Kept in the registry: the next `loadCatalog` or page tries again.
      throw error;
    },
  );
  const tracked = load.finally(() => pending.delete(tracked));
  pending.add(tracked);
  return load;
}

/**
 * Declares a module of messages: its English (registered now) and a loader per translation, each
 * typed to have exactly the English keys. The module also adds its keys to `ConsoleMessages`.
 */
export function defineMessages<M extends Record<string, string>>(
  english: M,
  translations: { [L in Translation]: () => Promise<Record<keyof M, string>> },
): void {
  Object.assign(catalogs.en, english);
  for (const language of Object.keys(translations) as Translation[]) {
    const loader = translations[language] as TranslationLoader;
    loaders.set(loader, language);
    if (language === active) void loadTranslation(loader, language).catch(() => {});
  }
}

/** Makes this the console's language and loads its translation of every module loaded so far. */
export async function loadCatalog(language: Language): Promise<void> {
  active = language;
  if (language === 'en') return;
  await Promise.all([...loaders].filter(([loader, lang]) => lang === language && !loaded.has(loader)).map(([loader]) => loadTranslation(loader, language)));
}

/** Settles once the translations of every module loaded so far are in (lazy pages await it). */
export async function translationsReady(): Promise<void> {
  while (pending.size > 0) await Promise.all(pending);
}

/** Code loaded on demand (a page, a dialog): ready once it and the translations of the modules it brought are in. */
export function withTranslations<T>(load: () => Promise<T>): () => Promise<T> {
  return async () => {
    const loadedModule = await load();
    await translationsReady();
    return loadedModule;
  };
}

/** Called with a key no loaded module defines: tests fail on it, the console shows the key. */
let onMissingMessage: ((key: string) => void) | null = null;
export function setMissingMessageHandler(handler: ((key: string) => void) | null): ((key: string) => void) | null {
  const previous = onMissingMessage;
  onMissingMessage = handler;
  return previous;
}

/** localStorage key holding the operator's chosen language. */
export const LANGUAGE_STORAGE_KEY = 'cce-console.language';

type MessageParams = Record<string, string | number>;

/** Keys that come in `.one`/`.other` plural forms, named without the suffix. */
type PluralKey = { [K in MessageKey]: K extends `${infer Base}.other` ? (`${Base}.one` extends MessageKey ? Base : never) : never }[MessageKey];

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

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function createTranslator(language: Language): Translator {
  const plural = new Intl.PluralRules(language);
  const numberFormat = new Intl.NumberFormat(language);
  const dateTimeFormat = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
  // Looked up at each call: messages that load later (a page's) are seen at once. A key no loaded
  // module defines shows as itself rather than breaking the page.
  const formatNumber = (n: number) => numberFormat.format(n);
  const t = (key: MessageKey, params?: MessageParams) => {
    const text = catalogs[language][key] ?? catalogs.en[key];
    if (text === undefined) onMissingMessage?.(key);
    return interpolate(text ?? key, params, formatNumber);
  };
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
  const preferred = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  return preferred.some((tag) => /^zh(-|$)/i.test(tag) && !/^zh-(hant|tw|hk|mo)/i.test(tag)) ? 'zh-CN' : 'en';
}
