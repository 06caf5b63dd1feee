import { parseFormula, fieldNodes } from '@lodestar/core';
import type { EntityDefinition } from '../definitions/entity.js';
import { isSystemColumn } from '../definitions/identifiers.js';
import { issueOf, type Issue } from '../errors.js';
import { checkRecordExpression } from '../formula/record-expression.js';
import { toFieldKind } from '../schema/column-types.js';
import type { FieldUse } from './reference.js';

/** What a guard's `check` hook is given: the bound entity and a lookup of the others. */
export interface EntityLookup {
  bound: EntityDefinition | undefined;
  find(id: string): EntityDefinition | undefined;
}

/** The params of the `condition` guard. */
export interface ConditionParams {
  check: string;
  message?: { en: string; zh: string };
}

/** The params of the `related` guard: how many `entity` records whose `via` points here match `where`. */
export interface RelatedParams {
  entity: string;
  via: string;
  where?: string;
  min?: number;
  max?: number;
  message?: { en: string; zh: string };
}

/**
 * The fields of the bound entity an expression names (the relation of a `customer.level` hop included), for the
 * library's `fields` hook: validation reports unknown ones, and a refusal is reworded for readers who may not
 * see one of them. An expression that does not parse names none (its check reports it).
 */
export function expressionFields(source: string, pointer: string): FieldUse[] {
  const { expr } = parseFormula(source);
  if (!expr) return [];
  const names = new Set(fieldNodes(expr).map((node) => node.path[0]!));
  return [...names].map((field) => ({ pointer, field }));
}

/** Issues of a condition's expression over the bound entity: it must read existing fields and be yes/no. */
export function checkCondition({ check }: ConditionParams, entities: EntityLookup): Issue[] {
  const { bound } = entities;
  // Unknown own fields are the `fields` hook's to report, once.
  if (!bound || !knowsOwnFields(bound, check)) return [];
  return checkRecordExpression(lookupMap(entities), bound, check, '/check', 'boolean', { actor: true }).issues;
}

/** Issues of a related guard: `via` must point at the bound entity, `where` be yes/no over the child, min ≤ max. */
export function checkRelated(params: RelatedParams, entities: EntityLookup): Issue[] {
  const { bound } = entities;
  const child = entities.find(params.entity);
  const via = child && Object.hasOwn(child.properties, params.via) ? child.properties[params.via] : undefined;
  // An unknown entity or field is the `fields` hook's to report.
  if (!bound || !child || !via) return [];
  const issues: Issue[] = [];
  if (toFieldKind(via) !== 'manyToOne' || via['x-relation']?.entity !== bound.$id)
    issues.push(
      issueOf(
        '/via',
        'relatedVia',
        {
          en: `"${params.via}" of "${params.entity}" is not a many-to-one relation to "${bound.$id}"`,
          zh: `“${params.entity}”的字段“${params.via}”不是指向“${bound.$id}”的多对一关联`,
        },
        { entity: params.entity, via: params.via },
      ),
    );
  if (params.where !== undefined)
    issues.push(
      ...checkRecordExpression(lookupMap(entities), child, params.where, '/where', 'boolean', { actor: true }).issues,
    );
  if (params.min !== undefined && params.max !== undefined && params.min > params.max)
    issues.push(
      issueOf('/max', 'relatedRange', {
        en: `max (${params.max}) is below min (${params.min}): no count passes`,
        zh: `最多（${params.max}）小于最少（${params.min}），任何数量都不满足`,
      }),
    );
  return issues;
}

function knowsOwnFields(entity: EntityDefinition, source: string): boolean {
  return expressionFields(source, '').every(
    ({ field }) => Object.hasOwn(entity.properties, field) || isSystemColumn(field),
  );
}

// record-expression reads entities through `get` only; the check hook offers a lookup.
function lookupMap(entities: EntityLookup): ReadonlyMap<string, EntityDefinition> {
  return { get: (id: string) => entities.find(id) } as unknown as ReadonlyMap<string, EntityDefinition>;
}
