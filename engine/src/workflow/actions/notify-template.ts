import type { Text } from '../../errors.js';

/** A `{{field}}` placeholder: a field name, spaces inside the braces allowed. */
const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** A notify text as written: one text for both languages (the older form) or each language's own. */
export type NotifyText = string | Text;

/** The same text in both languages when it was written once. */
export function bothLanguages(text: NotifyText): Text {
  return typeof text === 'string' ? { zh: text, en: text } : text;
}

/** The field names a template's placeholders name, in order of appearance, each once. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/** The template with each placeholder replaced by the field's value as `valueOf` words it. */
export function renderTemplate(template: string, valueOf: (field: string) => string): string {
  return template.replace(PLACEHOLDER, (_, field: string) => valueOf(field));
}
