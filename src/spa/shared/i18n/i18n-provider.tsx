import { useCallback, useEffect, useLayoutEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { I18nContext, type I18nContextValue } from './i18n-context.ts';
import { catalogVersion, createTranslator, initialLanguage, loadCatalog, storeLanguage, subscribeToCatalogs, type Language } from './i18n.ts';

export function I18nProvider({ children, language: forced }: { children: ReactNode; language?: Language }) {
  const [language, setLanguageState] = useState<Language>(() => forced ?? initialLanguage());

  const setLanguage = useCallback((next: Language) => {
    storeLanguage(next);
    // Switch once the catalog is in, so the page never shows a mix of languages.
    void loadCatalog(next).then(() => setLanguageState(next));
  }, []);

  // Layout effect: screen readers and the browser's hyphenation/fonts see the new language before paint.
  useLayoutEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  // The language is loaded before the first render (main.tsx); a translation that arrives later (a
  // module that came after it) re-renders the text that uses it.
  useEffect(() => {
    void loadCatalog(language).catch(() => {});
  }, [language]);
  const loadedVersion = useSyncExternalStore(subscribeToCatalogs, catalogVersion);

  // eslint-disable-next-line react-hooks/exhaustive-deps -- a new translator whenever a translation arrives
  const value = useMemo<I18nContextValue>(() => ({ ...createTranslator(language), setLanguage }), [language, setLanguage, loadedVersion]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
