import { pickText, type LocalizedText } from '@lodestar/core';
import type { Lang } from './i18n';

/** Text in one language, or per language (`{ "zh": "客户", "en": "Customer" }`), as definitions carry it (or none). */
export type Localized = LocalizedText | undefined;

/** Picks the text for `lang` from a localized value, falling back to English, Chinese, then any (core's pickText). */
export const pick: (text: Localized, lang: Lang) => string | undefined = pickText;

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
