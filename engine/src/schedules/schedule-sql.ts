import type { EntityDefinition } from '../definitions/entity.js';
import type { WorkflowDefinition } from '../definitions/workflow.js';
import { auditInsertFromCte, jsonParam, type SqlFragment } from '../audit/audit-sql.js';
import { checkRecordExpression, recordExpressionSql } from '../formula/record-expression.js';
import type { CompiledEntity } from '../model/compile-model.js';
import { quoteIdent } from '../records/quote-ident.js';
import { toSqlType } from '../schema/table-spec.js';
import { escape, listTransitions } from '../workflow/transitions.js';
import { rankedDefinitions, rankSql } from './schedule-rank.js';
import type { ScheduleSpec } from './schedule-specs.js';

/**
 * The SQL of one schedule over its entity's table `t`: which records match, keyset batches of their ids,
 * and the set-based UPDATE of a `set` schedule. Pure: the schedule runner executes what this writes.
 */
export interface ScheduleQuery {
  /** `where …` over `t`: the workflow's record type, the states that accept the event, the schedule's filter. */
  where: SqlFragment;
  table: string;
}

/** The condition every record a run touches meets (valid definitions only: checked at publish). */
export function matchSql(
  spec: ScheduleSpec,
  entity: CompiledEntity,
  definitions: readonly EntityDefinition[],
  workflow: WorkflowDefinition,
): ScheduleQuery {
  const parts: string[] = ['true'];
  const bindings: SqlFragment['bindings'] = [];
  if (spec.recordType) {
    parts.push('t.record_type = ?');
    bindings.push(spec.recordType);
  }
  if (spec.action.kind === 'event') {
    // Only records standing where the event means something: a record in another stage is not a refusal.
    const states = statesAccepting(workflow, spec.action.event);
    const initial = states.includes(workflow.initial);
    parts.push(`(t.state in (${states.map(() => '?').join(', ') || 'null'})${initial ? ' or t.state is null' : ''})`);
    bindings.push(...states);
  }
  if (spec.where) parts.push(`coalesce(${expressionSql(spec.where, entity, definitions, 't')}, false)`);
  return { where: { sql: parts.join(' and '), bindings }, table: quoteIdent(entity.table.name) };
}

/** How many records match now (a run's total). */
export function countSql(query: ScheduleQuery): SqlFragment {
  return {
    sql: `select count(*)::int as n from ${query.table} as t where ${query.where.sql}`,
    bindings: query.where.bindings,
  };
}

/** The next `size` matching ids after `after` (null: from the start), in id order. */
export function batchIdsSql(query: ScheduleQuery, after: string | null, size: number): SqlFragment {
  return {
    sql: `select t.id from ${query.table} as t where ${after ? 't.id > ?::uuid and ' : ''}${query.where.sql} order by t.id limit ?`,
    bindings: [...(after ? [after] : []), ...query.where.bindings, size],
  };
}

/**
 * ONE statement setting the next batch: the first `size` matching ids after `after` in id order (the keyset
 * cursor), locked and still matching, every value computed in SQL; it writes only records where a value changes (version + 1, updated_by null: the engine) with one
 * 'update' audit row each holding the changed fields, and answers `changed` and `failed` (records whose new
 * value does not fit the field: a choice outside its values, text too long, a number out of range, a
 * required field blank; they keep their values).
 */
export function setBatchSql(
  spec: ScheduleSpec & { action: { kind: 'set' } },
  entity: CompiledEntity,
  definitions: readonly EntityDefinition[],
  query: ScheduleQuery,
  batch: { after: string | null; size: number },
  detail: unknown,
): SqlFragment {
  const names = Object.keys(spec.action.set);
  // A ranked schedule's formulas read rankPosition and rankShare as columns of `t` (schedule-rank.ts).
  const scope = spec.rank ? rankedDefinitions(definitions, entity.id) : definitions;
  const values = names.map((name, i) => `${expressionSql(spec.action.set[name]!, entity, scope, 't')} as v${i}`);
  const befores = names.map((name, i) => `t.${quoteIdent(name)} as b${i}`);
  const fits = names.map((name, i) => fitSql(entity, name, `c.v${i}`));
  const columns = names.map((name, i) => `${quoteIdent(name)} = c.v${i}::${columnType(entity, name)}`);
  const differs = names.map((name, i) => `t.${quoteIdent(name)} is distinct from c.v${i}::${columnType(entity, name)}`);
  // Only the fields whose value changed go into the audit row: a null entry is dropped by jsonb_strip_nulls
  // (cheaper than building every pair and filtering them with jsonb_each).
  const changed = {
    sql: `jsonb_strip_nulls(jsonb_build_object(${names
      .map(
        (_, i) =>
          `?::text, case when moved.b${i} is distinct from moved.a${i} then jsonb_build_array(to_jsonb(moved.b${i}), to_jsonb(moved.a${i})) end`,
      )
      .join(', ')}))`,
    bindings: names,
  };
  const audit = auditInsertFromCte({
    cte: 'moved',
    actorId: null,
    entity: entity.id,
    action: 'update',
    recordIdSql: 'moved.id::text',
    changesSql: changed,
    detailSql: jsonParam(detail),
  });
  const locked = `${query.table} as t join ids on ids.id = t.id where ${query.where.sql} for update of t`;
  const batchSql = spec.rank
    ? `ranked as (${rankSql(query.table, query.where.sql, expressionSql(spec.rank.by, entity, definitions, 't'))}), ` +
      `locked as (select t.* from ${locked}), ` +
      `batch as (select t.id, ${[...befores, ...values].join(', ')} from (select l.*, r."rankPosition", r."rankShare" ` +
      `from locked as l left join ranked as r on r.id = l.id) as t), `
    : `batch as (select t.id, ${[...befores, ...values].join(', ')} from ${locked}), `;
  return {
    sql:
      `with ids as (select t.id from ${query.table} as t where ${batch.after ? 't.id > ?::uuid and ' : ''}${query.where.sql} ` +
      `order by t.id limit ?), ` +
      batchSql +
      `checked as (select c.*, (${fits.join(' and ') || 'true'}) as fits from batch as c), ` +
      `moved as (update ${query.table} as t set ${columns.join(', ')}, version = t.version + 1, updated_at = now(), updated_by = null ` +
      `from checked as c where t.id = c.id and c.fits and (${differs.join(' or ')}) ` +
      `returning t.id, ${names.map((name, i) => `c.b${i}, t.${quoteIdent(name)} as a${i}`).join(', ')}), ` +
      `audited as (${audit.sql}) ` +
      `select (select count(*)::int from moved) as changed, (select count(*)::int from checked where not fits) as failed, ` +
      `(select count(*)::int from ids) as matched, (select ids.id::text from ids order by ids.id desc limit 1) as last_id, ` +
      `(select array_agg(f.id::text) from (select id from checked where not fits order by id limit 20) as f) as failed_ids`,
    bindings: [
      ...(batch.after ? [batch.after] : []),
      ...query.where.bindings,
      batch.size,
      ...(spec.rank ? query.where.bindings : []),
      ...query.where.bindings,
      ...audit.bindings,
    ],
  };
}

/** Whether a computed value fits its field, in SQL over `value`: what the record validator would refuse. */
function fitSql(entity: CompiledEntity, name: string, value: string): string {
  const field = entity.fields.get(name)!;
  const definition = field.definition;
  const checks: string[] = [];
  if (entity.definition.required?.includes(name)) checks.push(`${value} is not null`);
  if (definition.enum) checks.push(`(${value} is null or ${value} in (${definition.enum.map(literal).join(', ')}))`);
  if (definition.maxLength !== undefined)
    checks.push(`(${value} is null or length(${value}) <= ${definition.maxLength})`);
  if (definition.minLength !== undefined)
    checks.push(`(${value} is null or length(${value}) >= ${definition.minLength})`);
  if (field.kind === 'integer') {
    const type = columnType(entity, name);
    const bound = type === 'integer' ? '2147483647' : '9223372036854775807';
    checks.push(`(${value} is null or (${value} = trunc(${value}) and abs(${value}) <= ${bound}))`);
  }
  if (field.kind === 'money') {
    const scale = definition['x-scale'] ?? 2;
    checks.push(`(${value} is null or abs(round(${value}, ${scale})) < 1e${18 - scale})`);
  }
  if (field.kind === 'number') checks.push(`(${value} is null or abs(${value}) < 1e300)`);
  if (definition.minimum !== undefined) checks.push(`(${value} is null or ${value} >= ${definition.minimum})`);
  if (definition.maximum !== undefined) checks.push(`(${value} is null or ${value} <= ${definition.maximum})`);
  if (definition.exclusiveMinimum !== undefined)
    checks.push(`(${value} is null or ${value} > ${definition.exclusiveMinimum})`);
  if (definition.exclusiveMaximum !== undefined)
    checks.push(`(${value} is null or ${value} < ${definition.exclusiveMaximum})`);
  return checks.length ? checks.join(' and ') : 'true';
}

function columnType(entity: CompiledEntity, name: string): string {
  const column = entity.fields.get(name)?.column;
  if (!column) throw new Error(`schedule: ${entity.id}.${name} has no column`);
  return toSqlType(column.type);
}

function literal(value: string | number): string {
  // knex reads every `?` as a placeholder, even inside a literal.
  return typeof value === 'number' ? String(value) : `'${value.replace(/'/g, "''").replaceAll('?', '\\?')}'`;
}

function expressionSql(
  source: string,
  entity: CompiledEntity,
  definitions: readonly EntityDefinition[],
  alias: string,
): string {
  const byId = new Map(definitions.map((e) => [e.$id, e]));
  const { expression, issues } = checkRecordExpression(byId, byId.get(entity.id) ?? entity.definition, source, '');
  if (!expression) throw new Error(`schedule expression does not check: ${issues[0]?.message ?? source}`);
  return recordExpressionSql(definitions, expression, alias).replaceAll('?', '\\?');
}

/** The states with an `on` transition for the event. */
export function statesAccepting(workflow: WorkflowDefinition, event: string): string[] {
  return Object.entries(workflow.states)
    .filter(([name, state]) =>
      listTransitions(state, `/states/${escape(name)}`).some((t) => t.kind === 'on' && t.key === event),
    )
    .map(([name]) => name);
}
