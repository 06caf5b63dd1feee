import { useCallback, useEffect, useState } from 'react';

export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];
export const LANG_NAMES: Record<Lang, string> = { zh: '中文', en: 'English' };

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
