import { createContext, useContext } from 'react';
import { createTranslator, type Language, type Translator } from './i18n.ts';

export interface I18nContextValue extends Translator {
  setLanguage(language: Language): void;
}

// Without a provider (a component rendered on its own, or the last-resort error boundary) text is English.
const fallback: I18nContextValue = { ...createTranslator('en'), setLanguage: () => {} };

export const I18nContext = createContext<I18nContextValue>(fallback);

export function useI18n(): I18nContextValue {
  return useContext(I18nContext);
}
