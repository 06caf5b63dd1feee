import type { AggregateWidgetDefinition } from '@lodestar/core';
import { NotFoundError, type Issue } from '../errors.js';
import type { CompiledEntity, Model } from '../model/compile-model.js';
import { forbidden } from '../permissions/forbidden.js';
import type { ModelAccess } from '../permissions/model-access.js';
import { attributesOf } from '../records/attributes.js';
import { toListQuery } from '../records/list-query.js';
import { notAField, paramIssue, throwIfIssues, type QueryParams } from '../records/query-params.js';
import { stageHiddenGroupIssue, stageHiddenQueryIssues } from '../records/stage-fields.js';
import type { Attribute, ListQuery } from '../records/types.js';

/** A grouping key: a column of the widget's entity, or a column of the record a many-to-one points at. */
export interface GroupKey {
  attribute: Attribute;
  /** Through a many-to-one: the relation on the widget's entity and the related entity (as the caller sees it). */
  via?: { relation: Attribute; target: CompiledEntity };
}

/** An aggregate widget resolved against the model as the caller sees it: every SQL identifier comes from here. */
export interface AggregateQuery {
  /** The widget's entity as the caller sees it (hidden fields are unknown). */
  entity: CompiledEntity;
  /** The widget's filter, parsed by the list parser: the same conditions a list with that URL would apply. */
  list: ListQuery;
  fn: AggregateWidgetDefinition['measure']['fn'];
  /** The measured attribute; absent for count. */
  measure?: Attribute;
  group?: GroupKey;
  period?: { attribute: Attribute; unit: 'week' | 'month' | 'quarter' };
  /** The day a record falls on for the filter bar's period: the widget's period field, else its creation. */
  dated?: Attribute;
}

/**
 * Resolves an aggregate widget for a caller: 404 when its entity is gone, 403 when the caller may not read it
 * (or the related entity a grouping reaches into), and a 400 naming the widget part when a field is unknown to
 * the caller — a field hidden from them is unknown, exactly as in lists, so no figure reveals it.
 */
export function toAggregateQuery(
  model: Model,
  widget: AggregateWidgetDefinition,
  access: ModelAccess | undefined,
  me: string | undefined,
): AggregateQuery {
  const full = model.entities.get(widget.entity);
  if (!full) throw new NotFoundError({ en: `there is no entity "${widget.entity}"`, zh: `没有实体“${widget.entity}”` });
  const entities = access?.views ?? model.entities;
  const entity = entities.get(full.id);
  if (!entity) throw forbidden(full, 'read');
  const issues: Issue[] = [];
  const attribute = (param: string, name: string, on: CompiledEntity = entity) => {
    const found = attributesOf(on).byName.get(name);
    if (!found || found.junction) issues.push(paramIssue(param, 'unknownField', notAField(name, on), { field: name }));
    return found && !found.junction ? found : undefined;
  };
  const measure = widget.measure.field === undefined ? undefined : attribute('measure', widget.measure.field);
  const group = widget.groupBy === undefined ? undefined : groupKey(model, entities, entity, widget.groupBy, attribute);
  const dated = widget.period && attribute('period', widget.period.field);
  const day = dated ?? attributesOf(entity).byName.get('created_at');
  let list: ListQuery | undefined;
  try {
    list = toListQuery(filterParams(widget), { entity, entities, me });
  } catch (error) {
    const listIssues = (error as { issues?: Issue[] }).issues;
    if (!listIssues) throw error;
    issues.push(...listIssues);
  }
  throwIfIssues(issues);
  throwIfIssues([
    ...stageHiddenQueryIssues(model, full, list!),
    ...(measure ? stageHiddenGroupIssue(model, full, 'measure', measure.name) : []),
    ...(group && !group.via ? stageHiddenGroupIssue(model, full, 'groupBy', group.attribute.name) : []),
    ...(group?.via
      ? stageHiddenGroupIssue(model, model.entities.get(group.via.target.id)!, 'groupBy', group.attribute.name)
      : []),
    ...(dated ? stageHiddenGroupIssue(model, full, 'period', dated.name) : []),
  ]);
  return {
    entity,
    list: list!,
    fn: widget.measure.fn,
    ...(measure && { measure }),
    ...(group && { group }),
    ...(dated && widget.period && { period: { attribute: dated, unit: widget.period.unit } }),
    ...(day && { dated: day }),
  };
}

/** The widget's filter as list query parameters: `{ "amount": { "gte": 100 } }` → `filter[amount][gte]=100`. */
export function filterParams(widget: AggregateWidgetDefinition): QueryParams {
  const params: QueryParams = {};
  for (const [path, ops] of Object.entries(widget.filter ?? {}))
    for (const [op, value] of Object.entries(ops)) params[`filter[${path}][${op}]`] = String(value);
  return params;
}

function groupKey(
  model: Model,
  entities: ReadonlyMap<string, CompiledEntity>,
  entity: CompiledEntity,
  path: string,
  attribute: (param: string, name: string, on?: CompiledEntity) => Attribute | undefined,
): GroupKey | undefined {
  const [head, tail] = path.split('.');
  const first = attribute('groupBy', head!);
  if (!first || tail === undefined) return first && { attribute: first };
  const targetId = first.kind === 'manyToOne' ? first.target : undefined;
  const fullTarget = targetId === undefined ? undefined : model.entities.get(targetId);
  if (!fullTarget) return void attribute('groupBy', path);
  const target = entities.get(fullTarget.id);
  if (!target) throw forbidden(fullTarget, 'read');
  const far = attribute('groupBy', tail, target);
  return far && { attribute: far, via: { relation: first, target } };
}
