import { NotFoundError } from '../errors.js';
import { forbidden } from '../permissions/forbidden.js';
import type { ModelAccess } from '../permissions/model-access.js';
import { condition, type Fragment } from './fragment.js';
import type { CompiledEntity, Model } from '../model/compile-model.js';
import { type Stage, toStages } from './stages.js';

const AMOUNT_KINDS = new Set(['number', 'money', 'integer']);
const DATE_KINDS = new Set(['date', 'dateTime']);

/** What a report reads, resolved from the published model: every SQL identifier comes from here. */
export interface ReportTarget {
  workflow: string;
  /** The entity id, as `lodestar_history.entity` stores it. */
  entity: string;
  /** The entity's table. */
  table: string;
  /** Record types of the entity (empty when it has none), for checking the `recordType` filter. */
  recordTypes: string[];
  /** `meta.amountField` when it names a number column; undefined otherwise (amounts are then null). */
  amountField?: string;
  /** `meta.closeDateField` when it names a date or date-time column. */
  closeDate?: { field: string; kind: 'date' | 'dateTime' };
  stages: Stage[];
  /** The actor's read scope on the entity's rows (`t`); absent when every row counts. */
  scope?: Fragment;
}

/**
 * The report target of a workflow id; 404 when the model has no such workflow (or its entity is gone).
 * With an actor's access, reports count only the records the actor may read, and an amount or close
 * date field hidden from the actor is left out (amounts null), so no figure reveals what a list would not.
 */
export function toReportTarget(model: Model, workflowId: string, access?: ModelAccess): ReportTarget {
  const workflow = model.workflows.get(workflowId);
  const full = workflow && model.entities.get(workflow.meta.entity);
  if (!workflow || !full)
    throw new NotFoundError({ en: `there is no workflow "${workflowId}"`, zh: `没有流程“${workflowId}”` });
  const entity = access ? access.views.get(full.id) : full;
  if (!entity) throw forbidden(full, 'read');
  const scope = access?.condition(full.id, 'read');
  const amountField = columnOf(entity, workflow.meta.amountField, AMOUNT_KINDS);
  const closeDateField = columnOf(entity, workflow.meta.closeDateField, DATE_KINDS);
  return {
    workflow: workflow.id,
    entity: entity.id,
    table: entity.table.name,
    recordTypes: entity.recordTypes,
    ...(amountField && { amountField }),
    ...(closeDateField && {
      closeDate: { field: closeDateField, kind: entity.fields.get(closeDateField)!.kind as 'date' | 'dateTime' },
    }),
    stages: toStages(workflow),
    ...(scope && { scope: condition(scope) }),
  };
}

// A field named by the workflow's meta that is a plain column of one of the kinds; anything else is ignored.
// A formula counts when it is stored (a generated column); one computed at read time has no column here.
function columnOf(entity: CompiledEntity, name: string | undefined, kinds: Set<string>): string | undefined {
  if (name === undefined) return undefined;
  const field = entity.fields.get(name);
  return field?.column && !field.formula?.readSql && kinds.has(field.kind) ? field.column.name : undefined;
}
