import { useCallback, useLayoutEffect, useMemo, useState, type ReactNode } from 'react';
import { I18nContext, type I18nContextValue } from './i18n-context.ts';
import { createTranslator, initialLanguage, loadCatalog, storeLanguage, type Language } from './i18n.ts';

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

  const value = useMemo<I18nContextValue>(() => ({ ...createTranslator(language), setLanguage }), [language, setLanguage]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
