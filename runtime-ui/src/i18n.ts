import { useCallback, useEffect, useState } from 'react';

export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];
export const LANG_NAMES: Record<Lang, string> = { zh: '中文', en: 'English' };

/** Text in one language, or per language (`{ "zh": "客户", "en": "Customer" }`), as definitions carry it. */
export type Localized = string | Record<string, string> | undefined;

const STORAGE_KEY = 'lodestar.lang';

function storedLang(): Lang | undefined {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'zh' || value === 'en' ? value : undefined;
  } catch {
    return undefined; // storage disabled (private mode, sandboxed iframe)
  }
}

/** The user's choice if they made one, else Chinese for a Chinese browser, else English. */
export function initialLang(): Lang {
  return storedLang() ?? (navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en');
}

/** The current language, and a setter that remembers the user's choice. */
export function useLang(): [Lang, (lang: Lang) => void] {
  const [lang, setLangState] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // not remembered; the switch still works for this page
    }
  }, []);
  return [lang, setLang];
}

/** Picks the text for `lang` from a localized value, falling back to English, Chinese, then any. */
export function pick(text: Localized, lang: Lang): string | undefined {
  if (text === undefined || typeof text === 'string') return text;
  return text[lang] ?? text.en ?? text.zh ?? Object.values(text)[0];
}

interface Titled {
  title?: string;
  description?: string;
  'x-i18n'?: { title?: Record<string, string>; description?: Record<string, string> };
}

/** A definition's title in `lang`: `x-i18n.title[lang]`, else its plain `title`, else the fallback. */
export function titleOf(definition: Titled, lang: Lang, fallback: string): string {
  return definition['x-i18n']?.title?.[lang] ?? definition.title ?? fallback;
}

export function descriptionOf(definition: Titled, lang: Lang): string | undefined {
  return definition['x-i18n']?.description?.[lang] ?? definition.description;
}
