/** A text a user may see, in both of the product's languages. */
export interface Text {
  en: string;
  zh: string;
}

/** One validation problem: where (JSON pointer, and file when it came from one), which rule, and why. */
export interface Issue {
  pointer: string;
  keyword: string;
  /** English; `i18n` carries it in both languages where the engine words it for users. */
  message: string;
  i18n?: Text;
  params?: Record<string, unknown>;
  file?: string;
}

/**
 * An error answer (RFC 9457 `application/problem+json`). `detail` is English; `i18n` carries it in
 * both languages when the engine words it for users. Problem types may add members (a guard's reason…).
 */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  i18n?: Text;
  issues?: Issue[];
  [member: string]: unknown;
}

/** A localized title in both languages: each language falls back to the other, then to the plain title, then to the id. */
export function toText(
  localized: string | Record<string, string> | undefined,
  plain: string | undefined,
  id: string,
): Text {
  if (typeof localized === 'string') return { en: localized, zh: localized };
  return { en: localized?.en ?? plain ?? localized?.zh ?? id, zh: localized?.zh ?? localized?.en ?? plain ?? id };
}
