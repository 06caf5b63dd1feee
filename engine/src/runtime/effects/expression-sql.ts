import type { FormulaType } from '@lodestar/core';
import type { EntityDefinition } from '../../definitions/entity.js';
import { checkRecordExpression, recordExpressionSql } from '../../formula/record-expression.js';
import type { Model } from '../../model/compile-model.js';

/**
 * The SQL of an action's formula over the row `t`, with the entity as the action's expressions see it
 * (`seen`: the entity plus `target` or `state`, see workflow/actions/related.ts). Validation checked the
 * formula when the workflow was published (an unchecked one here is a bug, not a user's error); it is parsed and compiled once per model, variant (which entity
 * is seen with what: `payment>customer`) and text.
 */
export function expressionSql(
  model: Model,
  seen: EntityDefinition,
  variant: string,
  source: string,
): { sql: string; type: FormulaType } {
  const cache = cacheOf(model);
  const key = `${variant}\n${source}`;
  let compiled = cache.sql.get(key);
  if (!compiled) {
    const definitions = definitionsSeeing(cache, model, seen, variant);
    const entities = new Map(definitions.map((e) => [e.$id, e]));
    const { expression, issues } = checkRecordExpression(entities, seen, source, '');
    if (!expression) throw new Error(`unchecked formula "${source}": ${issues.map((i) => i.message).join('; ')}`);
    // Text literals are inlined; a `?` in one must not read as a knex binding.
    const sql = recordExpressionSql(definitions, expression, 't').replaceAll('?', '\\?');
    compiled = { sql, type: expression.type };
    cache.sql.set(key, compiled);
  }
  return compiled;
}

interface Cache {
  sql: Map<string, { sql: string; type: FormulaType }>;
  sets: Map<string, EntityDefinition[]>;
}
const caches = new WeakMap<Model, Cache>();

function cacheOf(model: Model): Cache {
  let cache = caches.get(model);
  if (!cache) caches.set(model, (cache = { sql: new Map(), sets: new Map() }));
  return cache;
}

// One array per variant: recordExpressionSql compiles the set's formula fields once per array.
function definitionsSeeing(cache: Cache, model: Model, seen: EntityDefinition, variant: string): EntityDefinition[] {
  let set = cache.sets.get(variant);
  if (!set) cache.sets.set(variant, (set = model.set.entities.map((e) => (e.$id === seen.$id ? seen : e))));
  return set;
}
