/*
 * How to add a message (both apps, every feature folder):
 * 1. Open the catalogue of your folder (`<folder>/messages.ts`, one `defineMessages({ zh: {…}, en: {…} })`), or
 *    start one with that shape when the folder has none.
 * 2. Add the key to `zh` AND to `en`, natural in each language: the type refuses a key, or a signature, that only
 *    one language has.
 * 3. Plain text is a string: `save: '保存'` / `save: 'Save'`.
 * 4. Text with values is a typed function: `rows: (n: number) => \`影响 ${n} 行\`` / `(n: number) => \`${n} row${n === 1 ? '' : 's'}\``.
 *    Never `{placeholder}` strings: the compiler checks a function's arguments, nobody checks a placeholder.
 * 5. In a component, read the catalogue with `const t = useMessages(FOLDER_MESSAGES)` (the language of the screen);
 *    in a plain function that is given `lang` (a formatter), index it: `FOLDER_MESSAGES[lang]`.
 * Texts that come from the engine (`{ en, zh }` objects, problem+json `i18n`) are shown as they are, never re-worded.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { initialLang, type Lang } from './i18n';

/** One message: text, a typed function that words its values, or a group of messages (a library's labels). */
export type Message = string | ((...args: never[]) => unknown) | MessageGroup;
export interface MessageGroup {
  readonly [key: string]: Message;
}

/** A feature's messages in every language, with the same keys and signatures. */
export type Catalogue<M extends MessageGroup> = Readonly<Record<Lang, M>>;

/** The messages of one language of a catalogue (`MessagesOf<typeof LIST_MESSAGES>`). */
export type MessagesOf<C> = C extends Catalogue<infer M> ? M : never;

/** A catalogue: `zh` sets the keys and signatures, and `en` must have exactly the same. */
export function defineMessages<M extends MessageGroup>(catalogue: { zh: M; en: NoInfer<M> }): Catalogue<M> {
  return catalogue;
}

const LangContext = createContext<Lang | undefined>(undefined);

/** The language of every screen below it; each app sets it once, at its top, from the user's choice. */
export function LangScope({ lang, children }: { lang: Lang; children: ReactNode }) {
  return <LangContext.Provider value={lang}>{children}</LangContext.Provider>;
}

/** The catalogue's messages in the screen's language (before any `LangScope`: the browser's or stored choice). */
export function useMessages<M extends MessageGroup>(catalogue: Catalogue<M>): M {
  return catalogue[useContext(LangContext) ?? initialLang()];
}
