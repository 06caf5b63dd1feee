import type { Lang } from '@lodestar/ui-shared';
import type { DisplayKind } from '../fields/kinds';
import { choiceTitle, recordTypeTitle, stateTitle } from '../model/labels';
import type { EntityDefinition, WorkflowDefinition } from '@lodestar/core';

/** How a field is filtered, by kind. */
export type FilterStyle = 'contains' | 'range' | 'dateRange' | 'choice' | 'oneOf' | 'boolean' | 'related' | 'user';

export function filterStyle(kind: DisplayKind): FilterStyle | null {
  switch (kind) {
    case 'text':
    case 'longText':
    case 'email':
    case 'phone':
    case 'url':
    case 'textList':
      return 'contains';
    case 'integer':
    case 'number':
    case 'money':
      return 'range';
    case 'date':
    case 'dateTime':
      return 'dateRange';
    case 'choice':
    case 'recordType':
    case 'state':
      return 'choice';
    case 'multiChoice':
      return 'oneOf'; // contains any of the checked values (`any`)
    case 'boolean':
      return 'boolean';
    case 'manyToOne':
      return 'related';
    case 'user':
      return 'user';
    default:
      return null; // ids, JSON and many-to-many relations
  }
}

export interface ChoiceOption {
  value: string;
  label: string;
}

/** The values a choice-like field can take, with their labels. */
export function choiceOptions(
  entity: EntityDefinition,
  field: string,
  kind: DisplayKind,
  lang: Lang,
  workflows: WorkflowDefinition[],
): ChoiceOption[] {
  if (kind === 'recordType') {
    return Object.keys(entity['x-entity'].recordTypes ?? {}).map((value) => ({
      value,
      label: recordTypeTitle(entity, value, lang),
    }));
  }
  if (kind === 'state') {
    const seen = new Map<string, string>();
    for (const w of workflows)
      for (const state of Object.keys(w.states)) if (!seen.has(state)) seen.set(state, stateTitle(w, state, lang));
    return [...seen].map(([value, label]) => ({ value, label }));
  }
  const definition = entity.properties[field];
  const values = definition?.enum ?? definition?.items?.enum ?? [];
  return values.map((v) => ({ value: String(v), label: choiceTitle(entity, field, v, lang) }));
}
