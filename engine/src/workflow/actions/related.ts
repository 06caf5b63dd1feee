import type { FormulaType } from '@lodestar/core';
import type { EntityDefinition, FieldDefinition } from '../../definitions/entity.js';
import { type Issue, issueOf } from '../../errors.js';
import { toFieldKind } from '../../schema/column-types.js';

/**
 * What updateRecord and sendEvent share: following a many-to-one path from the bound record to the
 * record it names, who the write acts as, and the extra names their expressions may read.
 */

/** A relation path: one to five many-to-one fields, dot-separated (`customer`, `opportunity.customer`). */
export const PATH_PATTERN = '^[a-zA-Z][a-zA-Z0-9_]*(\\.[a-zA-Z][a-zA-Z0-9_]*){0,4}$';

/** Who a cross-record action acts as: the user who sent the event (default), or the engine. */
export type RunAs = 'actor' | 'engine';

export const RUN_AS_SCHEMA = {
  enum: ['actor', 'engine'],
  description:
    'Whose permissions the write is judged by: "actor" (default), the user who sent the event; "engine" waives them.',
};

/** Looks entities up by id: `check` hooks get `find`, the formula checker wants a map. */
export class EntityLookup extends Map<string, EntityDefinition> {
  constructor(
    private readonly find: (id: string) => EntityDefinition | undefined,
    private readonly replaced: ReadonlyMap<string, EntityDefinition> = new Map(),
  ) {
    super();
  }
  override get(id: string): EntityDefinition | undefined {
    return this.replaced.get(id) ?? this.find(id);
  }
  override has(id: string): boolean {
    return this.get(id) !== undefined;
  }
}

/**
 * The entity at the end of a many-to-one path from `from`, or the issue (at `pointer`) naming the hop that
 * breaks it: a field that does not exist, or one that is not a many-to-one relation.
 */
export function followPath(
  from: EntityDefinition,
  path: string,
  find: (id: string) => EntityDefinition | undefined,
  pointer: string,
): { target?: EntityDefinition; issues: Issue[] } {
  let at = from;
  for (const hop of path.split('.')) {
    const field = Object.hasOwn(at.properties, hop) ? at.properties[hop] : undefined;
    if (!field) {
      const text = {
        en: `"${at.$id}" has no field "${hop}" (in the path "${path}")`,
        zh: `“${titleOf(at)}”没有字段“${hop}”（路径“${path}”）`,
      };
      return { issues: [issueOf(pointer, 'unknownField', text, { path, hop })] };
    }
    const next = toFieldKind(field) === 'manyToOne' ? find(field['x-relation']!.entity) : undefined;
    if (!next) {
      const text = {
        en: `"${hop}" of "${at.$id}" is not a many-to-one relation; a path follows only those (in "${path}")`,
        zh: `“${titleOf(at)}”的“${fieldTitle(field, hop)}”不是多对一关联字段，路径只能经过多对一关联（“${path}”）`,
      };
      return { issues: [issueOf(pointer, 'notManyToOne', text, { path, hop })] };
    }
    at = next;
  }
  return { target: at, issues: [] };
}

/** The name an expression reads the target record by (`target.paidTotal`), unless the source has a field so named. */
export const TARGET_NAME = 'target';

/**
 * The source entity as an action's expressions see it: its own fields and parents, plus `target`, a
 * many-to-one to the record being written (its current values, whatever the path's length).
 */
export function withTarget(source: EntityDefinition, target: EntityDefinition): EntityDefinition {
  if (Object.hasOwn(source.properties, TARGET_NAME)) return source;
  return {
    ...source,
    properties: {
      ...source.properties,
      [TARGET_NAME]: { type: 'string', format: 'uuid', 'x-relation': { entity: target.$id } },
    },
  };
}

/** A child entity as a `where` sees it: its fields and parents, plus its workflow `state` (text). */
export function withState(entity: EntityDefinition): EntityDefinition {
  if (Object.hasOwn(entity.properties, 'state')) return entity;
  return { ...entity, properties: { ...entity.properties, state: { type: 'string' } } };
}

/**
 * The expression types a field accepts, or why no action may set it. A date field takes a date, or a
 * moment (NOW()) as the calendar day it falls on in the company's time zone (LODESTAR_TIME_ZONE).
 */
export function settableAs(field: FieldDefinition): FormulaType[] | 'computed' | 'unsupported' {
  if (field['x-formula'] !== undefined || field['x-rollup'] !== undefined || field['x-sequence'] !== undefined)
    return 'computed';
  if (field.readOnly === true) return 'computed';
  switch (toFieldKind(field)) {
    case 'integer':
    case 'number':
    case 'money':
      return ['number'];
    case 'boolean':
      return ['boolean'];
    case 'date':
      return ['date', 'dateTime'];
    case 'dateTime':
      return ['dateTime'];
    case 'text':
    case 'longText':
    case 'email':
    case 'phone':
    case 'url':
    case 'uuid':
    case 'choice':
    case 'manyToOne':
    case 'user':
      return ['text'];
    default:
      return 'unsupported';
  }
}

/** An entity's title for messages in Chinese (its id when it has none). */
export function titleOf(entity: EntityDefinition): string {
  return entity['x-i18n']?.title?.zh ?? entity.title ?? entity.$id;
}

/** A field's title for messages in Chinese (its name when it has none). */
export function fieldTitle(field: FieldDefinition, name: string): string {
  return field['x-i18n']?.title?.zh ?? field.title ?? name;
}
