import type { Expr, FormulaType } from '@lodestar/core';
import type { EntityDefinition, FieldDefinition } from '../definitions/entity.js';
import type { WorkflowDefinition } from '../definitions/workflow.js';
import { issueOf, type Issue } from '../errors.js';
import { checkRecordExpression } from '../formula/record-expression.js';
import { toFieldKind, type FieldKind } from '../schema/column-types.js';
import { escape, listTransitions } from '../workflow/transitions.js';
import { cronProblem, isTimeZone } from './due-times.js';
import { RANK_NAMES, rankedEntity } from './schedule-rank.js';
import type { Schedule } from './schedule-specs.js';

/** The formula type a settable field takes; kinds missing here (relations, people, lists, JSON) cannot be set. */
const SETTABLE: Partial<Record<FieldKind, FormulaType>> = {
  text: 'text',
  longText: 'text',
  email: 'text',
  phone: 'text',
  url: 'text',
  choice: 'text',
  integer: 'number',
  number: 'number',
  money: 'number',
  boolean: 'boolean',
  date: 'date',
  dateTime: 'dateTime',
};

/**
 * The issues of a workflow's `meta.schedules`: unique ids, exactly one action, a cron croner parses, a
 * time zone the runtime knows, a yes/no `where` over the bound entity, fields to `set` that exist, are
 * stored values the engine may write and get a value of their type (a choice only its own values), and an
 * `event` some state of the workflow accepts. Pointers lead into the workflow (`/meta/schedules/0/cron`).
 */
export function checkSchedules(workflow: WorkflowDefinition, entities: readonly EntityDefinition[]): Issue[] {
  const schedules = workflow.meta.schedules ?? [];
  const entity = entities.find((e) => e.$id === workflow.meta.entity);
  if (!schedules.length || !entity) return [];
  const byId = new Map(entities.map((e) => [e.$id, e]));
  const events = acceptedEvents(workflow);
  const seen = new Set<string>();
  const issues: Issue[] = [];
  schedules.forEach((schedule, i) => {
    const at = `/meta/schedules/${i}`;
    if (seen.has(schedule.id))
      issues.push(
        issueOf(`${at}/id`, 'duplicateId', {
          en: `schedule id "${schedule.id}" is used twice in this workflow`,
          zh: `定时任务标识“${schedule.id}”在本流程中重复`,
        }),
      );
    seen.add(schedule.id);
    issues.push(...checkTiming(schedule, at));
    issues.push(...checkAction(schedule, at));
    if (schedule.where !== undefined)
      issues.push(...checkRecordExpression(byId, entity, schedule.where, `${at}/where`, 'boolean').issues);
    if (schedule.rank !== undefined) issues.push(...checkRank(byId, entity, schedule, `${at}/rank`));
    // A ranked schedule's formulas also read rankPosition and rankShare (schedule-rank.ts).
    const scope = schedule.rank !== undefined ? rankedEntity(entity) : entity;
    for (const [name, source] of Object.entries(schedule.set ?? {}))
      issues.push(...checkSet(byId, scope, name, source, `${at}/set/${escape(name)}`));
    if (schedule.event !== undefined && !events.has(schedule.event))
      issues.push(
        issueOf(
          `${at}/event`,
          'unknownEvent',
          {
            en: `no state of this workflow accepts the event "${schedule.event}"`,
            zh: `本流程没有哪个阶段接受事件“${schedule.event}”`,
          },
          { event: schedule.event },
        ),
      );
  });
  return issues;
}

function checkTiming(schedule: Schedule, at: string): Issue[] {
  const issues: Issue[] = [];
  const problem = cronProblem(schedule.cron);
  if (problem)
    issues.push(
      issueOf(
        `${at}/cron`,
        'cron',
        {
          en: `the cron expression does not parse (${problem}): five fields, minute hour day month weekday, e.g. "0 2 * * *"`,
          zh: `定时表达式无法识别：应为五段（分 时 日 月 星期），例如“0 2 * * *”表示每天 2:00`,
        },
        { detail: problem },
      ),
    );
  if (schedule.timeZone !== undefined && !isTimeZone(schedule.timeZone))
    issues.push(
      issueOf(`${at}/timeZone`, 'timeZone', {
        en: `"${schedule.timeZone}" is not an IANA time zone (such as Asia/Shanghai)`,
        zh: `“${schedule.timeZone}”不是有效的时区名称（例如 Asia/Shanghai）`,
      }),
    );
  return issues;
}

/** `rank`: only before a `set`, `by` a number formula, and no field of the entity named like a rank name. */
function checkRank(
  entities: ReadonlyMap<string, EntityDefinition>,
  entity: EntityDefinition,
  schedule: Schedule,
  at: string,
): Issue[] {
  const issues: Issue[] = [];
  if (schedule.set === undefined)
    issues.push(
      issueOf(at, 'scheduleRank', {
        en: 'a ranking only serves a "set": its formulas read rankPosition and rankShare',
        zh: '排名只用于“set”（写字段）：由其中的公式读取 rankPosition 与 rankShare',
      }),
    );
  for (const name of RANK_NAMES.filter((n) => Object.hasOwn(entity.properties, n)))
    issues.push(
      issueOf(at, 'scheduleRank', {
        en: `"${entity.$id}" has a field "${name}", which a ranked schedule's formulas would read as the rank: rename the field`,
        zh: `“${entity.$id}”有字段“${name}”，与排名的名称相同，带排名的定时任务无法区分：请给该字段改名`,
      }),
    );
  issues.push(...checkRecordExpression(entities, entity, schedule.rank!.by, `${at}/by`, 'number').issues);
  return issues;
}

function checkAction(schedule: Schedule, at: string): Issue[] {
  const declared = ['set', 'event', 'notify'].filter((key) => schedule[key as keyof Schedule] !== undefined);
  if (declared.length === 1) return [];
  return [
    issueOf(
      at,
      'scheduleAction',
      declared.length === 0
        ? {
            en: 'a schedule does one thing: give it "set", "event" or "notify"',
            zh: '定时任务需要指定要做的事：“set”（写字段）、“event”（发送事件）或“notify”（发送报告）之一',
          }
        : {
            en: `a schedule does one thing, but this one has ${declared.map((d) => `"${d}"`).join(' and ')}`,
            zh: `一个定时任务只能做一件事，这里同时写了${declared.map((d) => `“${d}”`).join('和')}`,
          },
      { declared },
    ),
  ];
}

function checkSet(
  entities: ReadonlyMap<string, EntityDefinition>,
  entity: EntityDefinition,
  name: string,
  source: string,
  pointer: string,
): Issue[] {
  const field = Object.hasOwn(entity.properties, name) ? entity.properties[name] : undefined;
  if (!field)
    return [
      issueOf(pointer, 'unknownField', {
        en: `"${entity.$id}" has no field "${name}"`,
        zh: `“${entity.$id}”没有字段“${name}”`,
      }),
    ];
  const computed = computedBy(field);
  if (computed)
    return [
      issueOf(pointer, 'notSettable', {
        en: `"${name}" is ${computed.en}: its value is computed, a schedule cannot set it`,
        zh: `“${name}”是${computed.zh}，值由系统计算，定时任务不能写入`,
      }),
    ];
  const kind = toFieldKind(field);
  const wants = kind && SETTABLE[kind];
  if (!wants)
    return [
      issueOf(pointer, 'notSettable', {
        en: `"${name}" is not a text, number, money, yes/no, date or date-time field: a schedule cannot set it`,
        zh: `“${name}”不是文本、数字、金额、是/否、日期或日期时间字段，定时任务不能写入`,
      }),
    ];
  const checked = checkRecordExpression(entities, entity, source, pointer, wants);
  if (checked.issues.length || !checked.expression || kind !== 'choice') return checked.issues;
  const outside = literalResults(checked.expression.expr)?.filter((value) => !field.enum!.includes(value));
  if (!outside?.length) return [];
  return [
    issueOf(
      pointer,
      'enum',
      {
        en: `"${name}" is a choice of ${field.enum!.map((v) => `"${String(v)}"`).join(', ')}; the value can be ${outside.map((v) => `"${v}"`).join(', ')}`,
        zh: `“${name}”只能是${field.enum!.map((v) => `“${String(v)}”`).join('、')}之一，这个表达式可能得到${outside.map((v) => `“${v}”`).join('、')}`,
      },
      { outside },
    ),
  ];
}

function computedBy(field: FieldDefinition): { en: string; zh: string } | undefined {
  if (field['x-formula'] !== undefined) return { en: 'a formula field', zh: '公式字段' };
  if (field['x-rollup'] !== undefined) return { en: 'a roll-up', zh: '汇总字段' };
  if (field['x-sequence'] !== undefined) return { en: 'a numbered field', zh: '自动编号字段' };
  return undefined;
}

/**
 * The texts an expression can result in when every outcome is a literal (`IF(m > 1000, "A", "B")`), or
 * undefined when some outcome is computed (then the run checks each value, counting misfits as failed).
 */
function literalResults(expr: Expr): string[] | undefined {
  if (expr.kind === 'text') return [expr.value];
  if (expr.kind !== 'call') return undefined;
  const outcomes = outcomesOf(expr.name, expr.args);
  if (!outcomes) return undefined;
  const all: string[] = [];
  for (const outcome of outcomes) {
    const values = literalResults(outcome);
    if (!values) return undefined;
    all.push(...values);
  }
  return all;
}

function outcomesOf(name: string, args: Expr[]): Expr[] | undefined {
  switch (name.toUpperCase()) {
    case 'IF':
      return args.slice(1);
    case 'IFS':
      return args.filter((_, i) => i % 2 === 1);
    case 'SWITCH':
      return args.slice(1).filter((_, i) => i % 2 === 1 || i === args.length - 2);
    case 'COALESCE':
      return args;
    default:
      return undefined;
  }
}

/** Events some state accepts through `on`. */
function acceptedEvents(workflow: WorkflowDefinition): Set<string> {
  const events = new Set<string>();
  for (const [name, state] of Object.entries(workflow.states))
    for (const entry of listTransitions(state, `/states/${escape(name)}`))
      if (entry.kind === 'on') events.add(entry.key);
  return events;
}
