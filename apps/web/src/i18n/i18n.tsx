'use client';

import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { en, type MessageKey } from './en';
import { hi } from './hi';

export type Lang = 'en' | 'hi';
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

const dictionaries: Record<Lang, Record<MessageKey, string>> = { en, hi };
export const LANG_STORAGE_KEY = 'lp.lang';

export function storedLang(): Lang | null {
  if (typeof window === 'undefined') return null;
  const v = window.localStorage.getItem(LANG_STORAGE_KEY);
  return v === 'en' || v === 'hi' ? v : null;
}

export function translate(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  const text = dictionaries[lang][key] ?? en[key];
  return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : text;
}

/** Looks a dynamic key (a status or badge from the API) up, falling back to the raw value. */
export function hasKey(key: string): key is MessageKey {
  return key in en;
}

interface I18n {
  lang: Lang;
  /** BCP 47 locale for Intl formatting. */
  locale: 'en-IN' | 'hi-IN';
  t: Translate;
  setLang: (lang: Lang) => void;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>('en');

  useEffect(() => {
    const saved = storedLang();
    if (saved) setLangState(saved);
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback((next: Lang) => {
    window.localStorage.setItem(LANG_STORAGE_KEY, next);
    setLangState(next);
  }, []);

  const value = useMemo<I18n>(
    () => ({ lang, locale: lang === 'hi' ? 'hi-IN' : 'en-IN', t: (key, vars) => translate(lang, key, vars), setLang }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
