import type { Knex } from 'knex';
import { runPrepared } from '../db/prepared.js';
import type { EntityDefinition } from '../definitions/entity.js';
import { checkRecordExpression, recordExpressionSql, type RecordExpression } from '../formula/record-expression.js';
import { stepNames } from '../migrate/step-names.js';
import type { CompiledEntity, Model } from '../model/compile-model.js';
import { quoteIdent } from '../records/quote-ident.js';
import type { CompiledWorkflow } from '../workflow/compile-machine.js';
import type { ConditionParams, RelatedParams } from '../workflow/guard-facts-check.js';
import type { ActorOwnsParams } from '../workflow/guards/actor-owns.js';
import { UUID_RE } from '@lodestar/core';
import { dataGuardsFor, type DataGuard } from '../workflow/guard-facts.js';
import { expressionText, relatedText, type FactTitles } from '../workflow/guard-facts-text.js';
import type { GuardFact, GuardFacts } from '../workflow/guards/index.js';
import type { Text } from '@lodestar/core';

/** One statement computing every data guard a decision may ask for, with how each reads by titles. */
interface FactsQuery {
  sql: string;
  /** How many `?` before the record id's stand for the actor (actorOwns counts), in order. */
  actorBindings: number;
  facts: { key: string; label: Text }[];
}

// Keyed by the compiled workflow (one per model version), then by state and event: compiled once, not per request.
const queries = new WeakMap<CompiledWorkflow, Map<string, FactsQuery | null>>();

/**
 * Reads the data guards' facts for deciding `event` (every event when undefined) on one record: one SELECT on the
 * record's row that computes each condition (the formula fields' SQL, parents as subqueries) and each count of
 * related records. Undefined when no transition there has a data guard, so plain transitions cost no round trip.
 * `version` is the row's version the facts were read at: the caller decides on that version only.
 */
export async function loadGuardFacts(
  db: Knex,
  target: { model: Model; entity: CompiledEntity; compiled: CompiledWorkflow; id: string; actorId?: string },
  state: string,
  event?: string,
): Promise<{ facts: GuardFacts; version: number } | undefined> {
  const query = factsQuery(target.model, target.entity, target.compiled, state, event);
  if (!query) return undefined;
  // A sender that is not a user (a timer, a schedule) owns nothing: NULL matches no owner.
  const actor = target.actorId && UUID_RE.test(target.actorId) ? target.actorId : null;
  const bindings = [...Array<string | null>(query.actorBindings).fill(actor), target.id];
  const row = (await runPrepared<Record<string, unknown>>(db, query.sql, bindings))[0];
  if (!row) return undefined;
  const facts = new Map<string, GuardFact>(
    query.facts.map(({ key, label }, i) => [key, { value: row[`f${i}`] ?? null, label }]),
  );
  return { facts, version: Number(row.version) };
}

function factsQuery(
  model: Model,
  entity: CompiledEntity,
  compiled: CompiledWorkflow,
  state: string,
  event: string | undefined,
): FactsQuery | null {
  let byDecision = queries.get(compiled);
  if (!byDecision) queries.set(compiled, (byDecision = new Map()));
  const key = `${state}\u0000${event ?? ''}`;
  let query = byDecision.get(key);
  if (query === undefined) {
    const guards = dataGuardsFor(compiled, state, event);
    byDecision.set(key, (query = guards.length ? compileQuery(model, entity, guards) : null));
  }
  return query;
}

/** The SELECT over the record aliased `g`: each fact a column `f<i>`, beside the row's version. */
function compileQuery(model: Model, entity: CompiledEntity, guards: readonly DataGuard[]): FactsQuery {
  const definitions = model.set.entities;
  const entities = new Map(definitions.map((e) => [e.$id, e]));
  const names = stepNames(model.set);
  const titles: FactTitles = { entity: names.entity, field: names.field, choice: names.choice };
  const expression = (on: EntityDefinition, source: string): RecordExpression => {
    const { expression: checked } = checkRecordExpression(entities, on, source, '', 'boolean', { actor: true });
    // Published definitions were checked with the same code; a failure here is a bug, not a user's mistake.
    if (!checked) throw new Error(`data guard "${source}" on ${on.$id} does not check: validate before running`);
    return checked;
  };
  // Statements are prepared with `?` for the id; a `?` of the formula can only sit in an E'…' literal, where \x3f is one.
  // ME() reads the actor from the one-row `lodestar_me` joined to the record (its `?` is bound after the select list's).
  const sql = (parsed: RecordExpression, alias: string) =>
    recordExpressionSql(definitions, parsed, alias, 'lodestar_me.id').replaceAll('?', '\\x3f');
  const columns: string[] = [];
  const facts: FactsQuery['facts'] = [];
  let actorBindings = 0;
  guards.forEach((guard, i) => {
    if (guard.type === 'condition') {
      const parsed = expression(entities.get(entity.id)!, (guard.params as unknown as ConditionParams).check);
      columns.push(`(${sql(parsed, 'g')}) as "f${i}"`);
      facts.push({ key: guard.key, label: expressionText(entities, parsed, titles) });
      return;
    }
    if (guard.type === 'actorOwns') {
      const params = guard.params as unknown as ActorOwnsParams;
      const owned = model.entities.get(params.entity)!;
      const alias = `o${i}`;
      const parsed = params.where === undefined ? undefined : expression(owned.definition, params.where);
      const where = parsed ? ` and (${sql(parsed, alias)}) is true` : '';
      columns.push(
        `(select count(*) from ${quoteIdent(owned.table.name)} as ${alias} where ${alias}.owner_id = ?::uuid${where})::integer as "f${i}"`,
      );
      actorBindings++;
      const subject = relatedText(names.entity(params.entity), parsed && expressionText(entities, parsed, titles));
      facts.push({ key: guard.key, label: subject });
      return;
    }
    if (guard.type !== 'related') throw new Error(`no SQL for the data guard "${guard.type}"`);
    const params = guard.params as unknown as RelatedParams;
    const child = model.entities.get(params.entity)!;
    const alias = `c${i}`;
    const parsed = params.where === undefined ? undefined : expression(child.definition, params.where);
    const where = parsed ? ` and (${sql(parsed, alias)}) is true` : '';
    columns.push(
      `(select count(*) from ${quoteIdent(child.table.name)} as ${alias} where ${alias}.${quoteIdent(params.via)} = g.id${where})::integer as "f${i}"`,
    );
    const subject = relatedText(names.entity(params.entity), parsed && expressionText(entities, parsed, titles));
    facts.push({ key: guard.key, label: subject });
  });
  const select =
    `select g.version, ${columns.join(', ')} from ${quoteIdent(entity.table.name)} as g ` +
    `cross join (select ?::text as id) as lodestar_me where g.id = ?`;
  return { sql: select, facts, actorBindings: actorBindings + 1 };
}
