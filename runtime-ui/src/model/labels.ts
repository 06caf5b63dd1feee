import { pick, titleOf, type Lang } from '@lodestar/ui-shared';
import {
  choiceLabel,
  recordLabel,
  recordTypeLabel,
  stateLabel,
  SYSTEM_TITLES,
  type EntityDefinition,
  type WorkflowDefinition,
} from '@lodestar/core';

export function entityTitle(entity: EntityDefinition, lang: Lang): string {
  return titleOf(entity, lang, entity.$id);
}

/** A field's title in `lang` (system attributes included), falling back to its name. */
export function fieldTitle(entity: EntityDefinition, field: string, lang: Lang): string {
  const definition = entity.properties[field];
  if (definition) return titleOf(definition, lang, field);
  return SYSTEM_TITLES[field]?.[lang] ?? field;
}

/** The label of a choice value: `x-i18n.enum[value][lang]` when the definition has one, else the value. */
export function choiceTitle(entity: EntityDefinition, field: string, value: unknown, lang: Lang): string {
  return choiceLabel(entity.properties[field], value, lang);
}

/** A record type's title, else its key. */
export const recordTypeTitle = recordTypeLabel;

export function workflowTitle(workflow: WorkflowDefinition, lang: Lang): string {
  return pick(workflow.meta.title, lang) ?? workflow.id;
}

/** A stage's title, else its name. */
export const stateTitle = stateLabel;

export function eventTitle(
  workflow: WorkflowDefinition | undefined,
  from: string | null | undefined,
  event: string,
  lang: Lang,
): string {
  const on = from ? workflow?.states[from]?.on?.[event] : undefined;
  const transition = Array.isArray(on) ? on[0] : on;
  return (typeof transition === 'object' ? pick(transition.meta?.title, lang) : undefined) ?? event;
}

/** A record's display title: its title field, else its id. */
export const recordTitle = recordLabel;
