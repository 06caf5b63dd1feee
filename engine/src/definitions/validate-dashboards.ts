import type { ErrorObject } from 'ajv';
import type { AggregateWidgetDefinition, DashboardDefinition, ReportWidgetDefinition } from '@lodestar/core';
import { issueOf, type Issue, type Text } from '../errors.js';
import { toFieldKind, type FieldKind } from '../schema/column-types.js';
import { createAjv } from './create-ajv.js';
import type { EntityDefinition } from './entity.js';
import dashboardMetaSchema from './meta/dashboard.meta.json' with { type: 'json' };
import { ADMIN_ROLE, type RolesDefinition } from './roles.js';
import { toIssues } from './validate-entity.js';
import type { WorkflowDefinition } from './workflow.js';

const ajv = createAjv();
const validateShape = ajv.compile<DashboardDefinition>(dashboardMetaSchema);
const validateReport = ajv.getSchema(`${dashboardMetaSchema.$id}#/$defs/reportWidget`)!;
const validateAggregate = ajv.getSchema(`${dashboardMetaSchema.$id}#/$defs/aggregateWidget`)!;

/** Kinds a widget may group by (as `GET /records/{entity}/groups` does), and the system attributes. */
const GROUPABLE = new Set<FieldKind>(['choice', 'text', 'boolean', 'integer', 'date', 'manyToOne', 'user']);
const MEASURABLE = new Set<FieldKind>(['number', 'money', 'integer']);
const DATED = new Set<FieldKind>(['date', 'dateTime']);
const SYSTEM_FILTERS = new Set(['id', 'state', 'record_type', 'owner_id', 'created_at', 'updated_at', 'created_by']);
const SYSTEM_DATES = new Set(['created_at', 'updated_at', 'state_entered_at']);

/** What the checks look up: entities by id, workflows by id, role ids (undefined: the set has no roles.json). */
export interface DashboardNames {
  entities: EntityDefinition[];
  workflows: WorkflowDefinition[];
  /** Every workflow id of the set, the invalid ones too: those carry their own issues, not the dashboard's. */
  workflowIds?: ReadonlySet<string>;
  roles?: RolesDefinition | undefined;
}

/**
 * Every issue of one dashboard, with pointers into its file: the shape (meta/dashboard.meta.json), then what
 * its widgets name — roles, workflows, entities, fields — and whether a measure, grouping, period or chart
 * fits the field it is given. Pure: the widgets' filters are parsed again per request by the list parser.
 */
export function validateDashboard(dashboard: unknown, names: DashboardNames): Issue[] {
  if (!validateShape(dashboard)) return shapeIssues(dashboard, validateShape.errors);
  const issues: Issue[] = [];
  const roleIds = names.roles ? new Set([ADMIN_ROLE, ...Object.keys(names.roles.roles)]) : undefined;
  (dashboard.roles ?? []).forEach((role, i) => {
    if (roleIds && !roleIds.has(role))
      issues.push(
        issueOf(`/roles/${i}`, 'unknownRole', {
          en: `role "${role}" is not defined in roles.json`,
          zh: `角色“${role}”未在 roles.json 中定义`,
        }),
      );
  });
  const seen = new Set<string>();
  dashboard.widgets.forEach((widget, i) => {
    const at = `/widgets/${i}`;
    if (seen.has(widget.id))
      issues.push(
        issueOf(`${at}/id`, 'duplicateId', {
          en: `widget id "${widget.id}" is used twice in this dashboard`,
          zh: `此仪表盘中组件 id“${widget.id}”重复`,
        }),
      );
    seen.add(widget.id);
    issues.push(...(widget.kind === 'report' ? reportIssues(widget, at, names) : aggregateIssues(widget, at, names)));
  });
  return issues;
}

/**
 * The meta-schema's errors. A widget failing its `oneOf` would list the errors of both shapes; it is checked
 * again against the one shape its `kind` names, so the author reads only what is wrong with that one.
 */
function shapeIssues(dashboard: unknown, errors: ErrorObject[] | null | undefined): Issue[] {
  const widgets = (dashboard as { widgets?: unknown } | null)?.widgets;
  const badWidgets = new Set<number>();
  const rest = (errors ?? []).filter((error) => {
    const match = /^\/widgets\/(\d+)/.exec(error.instancePath);
    if (match && Array.isArray(widgets)) badWidgets.add(Number(match[1]));
    return !match;
  });
  const issues = toIssues(rest);
  for (const i of [...badWidgets].sort((a, b) => a - b)) {
    const widget = (widgets as unknown[])[i] as { kind?: unknown } | null;
    const shape =
      widget?.kind === 'report' ? validateReport : widget?.kind === 'aggregate' ? validateAggregate : undefined;
    if (shape && !shape(widget)) issues.push(...toIssues(shape.errors, `/widgets/${i}`));
    else if (!shape)
      issues.push(
        issueOf(`/widgets/${i}/kind`, 'widgetKind', {
          en: 'kind must be "report" (a workflow report) or "aggregate" (a measure over records)',
          zh: 'kind 只能是“report”（流程报表）或“aggregate”（记录统计）',
        }),
      );
  }
  return issues;
}

function reportIssues(widget: ReportWidgetDefinition, at: string, names: DashboardNames): Issue[] {
  const workflow = names.workflows.find((w) => w.id === widget.workflow);
  if (!workflow && names.workflowIds?.has(widget.workflow)) return [];
  if (!workflow)
    return [
      issueOf(`${at}/workflow`, 'unknownWorkflow', {
        en: `there is no workflow "${widget.workflow}"`,
        zh: `没有流程“${widget.workflow}”`,
      }),
    ];
  if ((widget.report === 'forecast' || widget.report === 'winRate') && !workflow.meta.amountField)
    return [
      issueOf(`${at}/report`, 'noAmount', {
        en: `the ${widget.report} report needs an amount: workflow "${workflow.id}" has no meta.amountField`,
        zh: `${widget.report === 'forecast' ? '预测' : '赢率'}报表需要金额：流程“${workflow.id}”没有设置 meta.amountField`,
      }),
    ];
  return [];
}

/** A field of an entity as a widget names it: a system attribute or a property, with its kind. */
interface Named {
  kind: FieldKind | 'system';
  name: string;
}

function aggregateIssues(widget: AggregateWidgetDefinition, at: string, names: DashboardNames): Issue[] {
  const { entities } = names;
  const entity = entities.find((e) => e.$id === widget.entity);
  if (!entity)
    return [
      issueOf(`${at}/entity`, 'unknownEntity', {
        en: `there is no entity "${widget.entity}"`,
        zh: `没有实体“${widget.entity}”`,
      }),
    ];
  const issues: Issue[] = [];
  const push = (pointer: string, keyword: string, text: Text) => issues.push(issueOf(`${at}${pointer}`, keyword, text));
  const { fn, field } = widget.measure;
  if (fn === 'count' && field !== undefined)
    push('/measure/field', 'countField', {
      en: 'count counts records: leave out measure.field',
      zh: '计数统计的是记录条数：请去掉 measure.field',
    });
  if (fn !== 'count') {
    const measured = field === undefined ? undefined : fieldOf(entity, field);
    if (field === undefined)
      push('/measure', 'required', {
        en: `${fn} needs measure.field: the number, money or integer field to ${fn}`,
        zh: `${FN_ZH[fn]}需要 measure.field：一个数字、金额或整数字段`,
      });
    else if (!measured) push('/measure/field', 'unknownField', notAField(field, entity));
    else if (measured.kind === 'system' || !MEASURABLE.has(measured.kind))
      push('/measure/field', 'notNumeric', {
        en: `"${field}" is not a number, money or integer field: it cannot be ${fn === 'avg' ? 'averaged' : fn === 'sum' ? 'summed' : `${fn}-ed`}`,
        zh: `“${field}”不是数字、金额或整数字段，不能${FN_ZH[fn]}`,
      });
  }
  if (widget.groupBy !== undefined) {
    const problem = groupProblem(entity, widget.groupBy, names);
    if (problem) push('/groupBy', problem.keyword, problem.text);
  }
  if (widget.period) {
    const name = widget.period.field;
    const dated = fieldOf(entity, name);
    if (!dated) push('/period/field', 'unknownField', notAField(name, entity));
    else if (dated.kind === 'system' ? !SYSTEM_DATES.has(name) : !DATED.has(dated.kind))
      push('/period/field', 'notDate', {
        en: `"${name}" is not a date or date-time field: a period needs one`,
        zh: `“${name}”不是日期或日期时间字段，不能按时间段统计`,
      });
  }
  for (const path of Object.keys(widget.filter ?? {})) {
    const problem = filterProblem(entity, path, entities);
    if (problem) push(`/filter/${path.replace(/~/g, '~0').replace(/\//g, '~1')}`, 'unknownField', problem);
  }
  const grouped = widget.groupBy !== undefined || widget.period !== undefined;
  if (widget.chart === 'number' && grouped)
    push('/chart', 'chartShape', {
      en: 'a number shows one figure: leave out groupBy and period, or choose bar, line, pie or table',
      zh: '数字卡片只显示一个数：请去掉 groupBy 和 period，或改用柱状图、折线图、饼图或表格',
    });
  if (widget.chart !== 'number' && !grouped)
    push('/chart', 'chartShape', {
      en: `a ${widget.chart} chart needs groupBy or period; one figure is shown as "number"`,
      zh: `${CHART_ZH[widget.chart]}需要 groupBy 或 period；只显示一个数请用“number”（数字卡片）`,
    });
  if (widget.chart === 'pie' && widget.groupBy !== undefined && widget.period !== undefined)
    push('/chart', 'chartShape', {
      en: 'a pie shows one grouping: use groupBy or period, not both (or choose bar, line or table)',
      zh: '饼图只能按一个维度分组：groupBy 和 period 只能选一个（或改用柱状图、折线图、表格）',
    });
  return issues;
}

const FN_ZH: Record<string, string> = { count: '计数', sum: '求和', avg: '求平均', min: '求最小值', max: '求最大值' };
const CHART_ZH: Record<string, string> = { bar: '柱状图', line: '折线图', pie: '饼图', table: '表格', number: '数字' };

/** Why `groupBy` cannot group, or undefined when it can: a groupable field, or relation.field through a many-to-one. */
function groupProblem(
  entity: EntityDefinition,
  path: string,
  names: DashboardNames,
): { keyword: string; text: Text } | undefined {
  const { entities } = names;
  const [head, tail, ...rest] = path.split('.');
  const named = fieldOf(entity, head!);
  if (!named) return { keyword: 'unknownField', text: notAField(head!, entity) };
  if (tail === undefined) {
    if (named.kind === 'system' ? groupableSystem(entity, head!, names.workflows) : GROUPABLE.has(named.kind))
      return undefined;
    return { keyword: 'ungroupable', text: ungroupable(path) };
  }
  const target = named.kind === 'manyToOne' ? relationTarget(entity, head!, entities) : undefined;
  if (!target || rest.length)
    return {
      keyword: 'ungroupable',
      text: {
        en: `"${path}" cannot be grouped by: relation.field reaches one many-to-one relation and one field of its entity`,
        zh: `不能按“${path}”分组：relation.field 只能经过一个多对一关联，取关联实体的一个字段`,
      },
    };
  const far = fieldOf(target, tail);
  if (!far) return { keyword: 'unknownField', text: notAField(tail, target) };
  if (far.kind === 'system' || !GROUPABLE.has(far.kind) || far.kind === 'manyToOne')
    return { keyword: 'ungroupable', text: ungroupable(path) };
  return undefined;
}

function groupableSystem(entity: EntityDefinition, name: string, workflows: WorkflowDefinition[]): boolean {
  if (name === 'owner_id') return true;
  if (name === 'state') return workflows.some((w) => w.meta.entity === entity.$id);
  if (name === 'record_type') return entity['x-entity'].recordTypes !== undefined;
  return false;
}

function ungroupable(path: string): Text {
  return {
    en: `"${path}" cannot be grouped by: choose a choice, text, yes/no, integer, date, relation or user field, or state, owner_id or record_type`,
    zh: `不能按“${path}”分组：只能按选项、文本、是否、整数、日期、关联、用户字段，或阶段（state）、负责人（owner_id）、类型（record_type）分组`,
  };
}

/** Why a filter key names nothing, or undefined: a field, a system attribute, or relation.field. */
function filterProblem(entity: EntityDefinition, path: string, entities: EntityDefinition[]): Text | undefined {
  const [head, tail] = path.split('.');
  const named = fieldOf(entity, head!);
  if (!named) return notAField(head!, entity);
  if (tail === undefined) return undefined;
  const target = named.kind === 'manyToOne' ? relationTarget(entity, head!, entities) : undefined;
  if (!target)
    return {
      en: `"${head}" is not a many-to-one relation: filter[${path}] cannot reach through it`,
      zh: `“${head}”不是多对一关联字段，不能按“${path}”筛选`,
    };
  return fieldOf(target, tail) ? undefined : notAField(tail, target);
}

function fieldOf(entity: EntityDefinition, name: string): Named | undefined {
  if (SYSTEM_FILTERS.has(name) || SYSTEM_DATES.has(name)) return { kind: 'system', name };
  const field = entity.properties[name];
  const kind = field ? toFieldKind(field) : undefined;
  return kind ? { kind, name } : undefined;
}

function relationTarget(entity: EntityDefinition, name: string, entities: EntityDefinition[]) {
  const id = entity.properties[name]?.['x-relation']?.entity;
  return entities.find((e) => e.$id === id);
}

function notAField(name: string, entity: EntityDefinition): Text {
  return {
    en: `"${name}" is not a field of ${entity.$id}`,
    zh: `“${name}”不是 ${entity.$id} 的字段`,
  };
}

/** Every dashboard of a set: each one's issues in its file, and ids used twice. */
export function validateDashboards(
  dashboards: unknown[],
  names: DashboardNames,
  fileOf: (dashboard: unknown, index: number) => string,
): Issue[] {
  const issues: Issue[] = [];
  const ids = new Set<string>();
  dashboards.forEach((dashboard, i) => {
    const file = fileOf(dashboard, i);
    issues.push(...validateDashboard(dashboard, names).map((issue) => ({ file, ...issue })));
    const id = (dashboard as { id?: unknown } | null)?.id;
    if (typeof id !== 'string') return;
    if (ids.has(id))
      issues.push({
        file,
        ...issueOf('/id', 'duplicateId', {
          en: `dashboard id "${id}" is defined more than once`,
          zh: `仪表盘 id“${id}”重复定义`,
        }),
      });
    ids.add(id);
  });
  return issues;
}
