import { createContext, useContext, type ReactNode } from 'react';
import { useLang, type Lang } from '@lodestar/ui-shared';

const LangContext = createContext<{ lang: Lang; setLang(lang: Lang): void }>({ lang: 'en', setLang: () => undefined });

/** One language for every screen: the header's switch changes it everywhere at once. */
export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLang] = useLang();
  return <LangContext.Provider value={{ lang, setLang }}>{children}</LangContext.Provider>;
}

export function useStudioLang() {
  return useContext(LangContext);
}

/** The messages of a screen in the current language. */
export function useMessages<T>(messages: Record<Lang, T>): T {
  return messages[useContext(LangContext).lang];
}
