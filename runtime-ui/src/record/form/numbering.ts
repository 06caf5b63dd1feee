import type { UiSchema } from '@rjsf/utils';
import { defineMessages, type Lang } from '@lodestar/ui-shared';
import type { FieldDefinition } from '@lodestar/core';

/** What a numbered field (`x-sequence`) says before the engine has numbered the record. */
const NUMBERING_MESSAGES = defineMessages({
  zh: { numberedOnSave: '保存后自动编号' },
  en: { numberedOnSave: 'Numbered on save' },
});

/** Whether the engine numbers this field: read-only in every form, so a form never sends it. */
export function isNumbered(field: FieldDefinition): boolean {
  return field['x-sequence'] !== undefined;
}

/** A numbered field's form settings: read-only, and on a new record the note that saving numbers it. */
export function numberedUi(ui: UiSchema, isNew: boolean, lang: Lang): UiSchema {
  return {
    ...ui,
    'ui:readonly': true,
    ...(isNew && { 'ui:placeholder': NUMBERING_MESSAGES[lang].numberedOnSave }),
  };
}
