import type {
  AggregateWidgetDefinition,
  DashboardDefinition,
  DashboardWidget,
  DefinitionSet,
  EntityDefinition,
  FieldDefinition,
  ReportWidgetDefinition,
} from '@lodestar/core';

/*
 * Edits of the draft's dashboards and the choices a widget form offers (pure). Which field may be measured,
 * grouped by or bucketed by period is read from the draft's own definitions, as the engine's validator
 * reads them; the engine stays the judge (its issues come back with every save).
 */

/** A dashboard's file as the engine names it in issues of a draft. */
export const dashboardFile = (id: string) => `dashboards/${id}.dashboard.json`;

export function dashboardsOf(set: DefinitionSet): DashboardDefinition[] {
  return set.dashboards ?? [];
}

/** The dashboard `id` of the set, edited in place; a no-op when it is gone. */
export function editDashboard(set: DefinitionSet, id: string, edit: (d: DashboardDefinition) => void): void {
  const dashboard = set.dashboards?.find((d) => d.id === id);
  if (dashboard) edit(dashboard);
}

/** A new dashboard with one number widget over the first entity, so it validates from the start. */
export function newDashboard(set: DefinitionSet, id: string, title: { zh: string; en: string }): DashboardDefinition {
  const entity = set.entities[0]?.$id ?? '';
  const dashboard: DashboardDefinition = { id, title, widgets: [newAggregate(entity, [])] };
  set.dashboards = [...dashboardsOf(set), dashboard];
  return dashboard;
}

export function removeDashboard(set: DefinitionSet, id: string): void {
  set.dashboards = dashboardsOf(set).filter((d) => d.id !== id);
  if (!set.dashboards.length) delete set.dashboards;
}

function widgetId(prefix: string, taken: DashboardWidget[]): string {
  const used = new Set(taken.map((w) => w.id));
  for (let n = 1; ; n++) if (!used.has(`${prefix}-${n}`)) return `${prefix}-${n}`;
}

export function newAggregate(entity: string, taken: DashboardWidget[]): AggregateWidgetDefinition {
  return {
    id: widgetId('chart', taken),
    kind: 'aggregate',
    title: { zh: '记录数', en: 'Records' },
    entity,
    measure: { fn: 'count' },
    chart: 'number',
  };
}

export function newReport(workflow: string, taken: DashboardWidget[]): ReportWidgetDefinition {
  return { id: widgetId('report', taken), kind: 'report', report: 'funnel', workflow };
}

/** What a field can do in a widget, from its JSON Schema (as the engine's field kinds classify it). */
function roleOf(field: FieldDefinition): 'number' | 'group' | 'date' | 'groupDate' | 'relation' | undefined {
  const f = field as unknown as Record<string, unknown>;
  if (f.type === 'array') return undefined;
  if (f['x-relation']) return 'relation';
  if (f.type === 'number') return 'number';
  if (f.type === 'integer') return 'number';
  if (f.format === 'date') return 'groupDate';
  if (f.format === 'date-time') return 'date';
  if (f.type === 'boolean' || f.enum || f['x-user']) return 'group';
  if (f.type === 'string' && !f.format && !f['x-multiline'] && !f['x-formula']) return 'group';
  return undefined;
}

const fieldsOf = (entity: EntityDefinition | undefined) => Object.entries(entity?.properties ?? {});

/** Fields a measure other than count may take: numbers, money, integers. */
export function measurableFields(entity: EntityDefinition | undefined): string[] {
  return fieldsOf(entity)
    .filter(([, f]) => roleOf(f) === 'number')
    .map(([name]) => name);
}

/** Fields a period may bucket: dates and date-times, and the record's own timestamps. */
export function periodFields(entity: EntityDefinition | undefined): string[] {
  const own = fieldsOf(entity)
    .filter(([, f]) => roleOf(f) === 'date' || roleOf(f) === 'groupDate')
    .map(([name]) => name);
  return [...own, 'created_at', 'updated_at'];
}

/**
 * `groupBy` choices: the entity's groupable fields, its stage (when a workflow runs on it), owner and record
 * type, and `relation.field` for each groupable field of a many-to-one's entity.
 */
export function groupChoices(set: DefinitionSet, entity: EntityDefinition | undefined): string[] {
  if (!entity) return [];
  const own = fieldsOf(entity)
    .filter(([, f]) => ['group', 'groupDate', 'relation', 'number'].includes(roleOf(f) ?? ''))
    .filter(([, f]) => f.type !== 'number')
    .map(([name]) => name);
  const system = [
    ...(set.workflows.some((w) => w.meta.entity === entity.$id) ? ['state'] : []),
    'owner_id',
    ...(entity['x-entity'].recordTypes ? ['record_type'] : []),
  ];
  const through = fieldsOf(entity)
    .filter(([, f]) => roleOf(f) === 'relation')
    .flatMap(([name, f]) => {
      const target = set.entities.find((e) => e.$id === f['x-relation']?.entity);
      return fieldsOf(target)
        .filter(([, g]) => roleOf(g) === 'group' || roleOf(g) === 'groupDate')
        .map(([far]) => `${name}.${far}`);
    });
  return [...own, ...system, ...through];
}
