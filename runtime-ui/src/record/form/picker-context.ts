import type { EntityDefinition } from '@lodestar/core';

/** The records a picker offers first: those of `target` whose `field` holds `value` (a record of `parent`). */
export interface PickerContext {
  field: string;
  value: string;
  parent: string;
}

interface FormFacts {
  /** The entity the form edits, and the record's id once it exists. */
  entity: EntityDefinition;
  recordId?: string | undefined;
  /** The form's values as typed so far. */
  values: Record<string, unknown>;
  /** The field the picker fills (never its own context). */
  field: string;
}

/** The many-to-one fields of an entity, with the entity each points at. */
function manyToOne(entity: EntityDefinition): [string, string][] {
  return Object.entries(entity.properties ?? {}).flatMap(([name, property]) => {
    const relation = (property as { 'x-relation'?: { entity?: string }; type?: unknown })['x-relation'];
    const single = (property as { type?: unknown }).type === 'string';
    return relation?.entity && single ? [[name, relation.entity] as [string, string]] : [];
  });
}

/**
 * What narrows a picker of `target` by what the form already holds, as a salesperson expects: an opportunity's
 * contacts come from its customer first (contact.customer = the opportunity's customer), a customer's primary
 * contact from that customer (contact.customer = this record). Undefined when nothing relates them.
 */
export function pickerContextOf(target: EntityDefinition, form: FormFacts): PickerContext | undefined {
  const own = manyToOne(form.entity).filter(([name]) => name !== form.field);
  for (const [field, parent] of manyToOne(target)) {
    if (parent === form.entity.$id && form.recordId) return { field, value: form.recordId, parent };
    for (const [name, points] of own) {
      const value = form.values[name];
      if (points === parent && typeof value === 'string' && value) return { field, value, parent };
    }
  }
  return undefined;
}
