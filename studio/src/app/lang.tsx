import { createContext, useContext, type ReactNode } from 'react';
import { LangScope, useLang, type Lang } from '@lodestar/ui-shared';

const LangContext = createContext<{ lang: Lang; setLang(lang: Lang): void }>({ lang: 'en', setLang: () => undefined });

/** One language for every screen: the header's switch changes it everywhere at once (`useMessages` reads it). */
export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLang] = useLang();
  return (
    <LangContext.Provider value={{ lang, setLang }}>
      <LangScope lang={lang}>{children}</LangScope>
    </LangContext.Provider>
  );
}

export function useStudioLang() {
  return useContext(LangContext);
}
