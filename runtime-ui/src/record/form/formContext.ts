import type { Registry } from '@rjsf/utils';
import type { Lang } from '@lodestar/ui-shared';
import { RECORD_MESSAGES, type RecordMessages } from '../messages';
import type { DuplicateHints } from './duplicateHints';

/** What the form's widgets and templates need beyond their props: the language. */
export interface RecordFormContext {
  lang: Lang;
  /** The entity the form edits, and the possible duplicates of what is typed, by field. */
  entity?: string;
  duplicateHints?: DuplicateHints;
  /** The record's id once it exists, and the form's values as typed so far (read when a picker searches). */
  recordId?: string | undefined;
  values?: () => Record<string, unknown>;
}

export function formTexts(registry: Registry): RecordMessages {
  const context = registry.formContext as RecordFormContext | undefined;
  return RECORD_MESSAGES[context?.lang ?? 'zh'];
}

export function formLang(registry: Registry): Lang {
  return (registry.formContext as RecordFormContext | undefined)?.lang ?? 'zh';
}
