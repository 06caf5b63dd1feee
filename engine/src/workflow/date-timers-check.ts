import type { EntityDefinition } from '../definitions/entity.js';
import type { WorkflowDefinition } from '../definitions/workflow.js';
import type { Issue, Text } from '../errors.js';
import { toFieldKind } from '../schema/column-types.js';
import { looksLikeDateKey, parseDateKey, parseTimerDuration, type TimerDuration } from './date-timers.js';
import { escape } from './transitions.js';

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * Date-relative timer keys (see date-timers.ts) against the bound entity: the field exists, is a stored
 * date or date-time (a formula or roll-up changes without a write that could move the timer), and the
 * duration and time of day are valid. Business-day keys and meta.sla need no entity.
 */
export function checkDateTimers(workflow: WorkflowDefinition, entities: readonly EntityDefinition[]): Issue[] {
  const entity = entities.find((e) => e.$id === workflow.meta.entity);
  const issues: Issue[] = [];
  for (const [name, state] of Object.entries(workflow.states)) {
    const warn = warnProblem(state.meta?.sla, state.meta?.slaWarnAt);
    if (warn)
      issues.push({
        pointer: `/states/${escape(name)}/meta/slaWarnAt`,
        keyword: warn.keyword,
        message: warn.text.en,
        i18n: warn.text,
      });
    for (const key of Object.keys(state.after ?? {})) {
      if (!looksLikeDateKey(key)) continue;
      const problem = keyProblem(key, entity);
      if (problem)
        issues.push({
          pointer: `/states/${escape(name)}/after/${escape(key)}`,
          keyword: problem.keyword,
          message: problem.text.en,
          i18n: problem.text,
        });
    }
  }
  return issues;
}

/** meta.slaWarnAt: a duration in the grammar of meta.sla, on a state with an SLA, shorter than it when comparable. */
function warnProblem(sla: unknown, warnAt: unknown): { keyword: string; text: Text } | undefined {
  if (warnAt === undefined) return undefined;
  const warn = typeof warnAt === 'string' ? parseTimerDuration(warnAt) : undefined;
  if (!warn)
    return {
      keyword: 'duration',
      text: {
        en: `slaWarnAt "${String(warnAt)}" is not a duration: write an ISO-8601 duration (PT1H, P1D), "N business hours" or "N business days"`,
        zh: `提前提醒时间“${String(warnAt)}”不是有效的时长：请写 ISO-8601 时长（如 PT1H、P1D）、“N business hours”（N 个工作小时）或“N business days”（N 个工作日）`,
      },
    };
  const limit = typeof sla === 'string' ? parseTimerDuration(sla) : undefined;
  if (!limit)
    return {
      keyword: 'slaWarnAt',
      text: {
        en: 'slaWarnAt warns before the SLA is due: the state needs meta.sla',
        zh: '提前提醒是在时限到期前发出的：此阶段需要先设置时限（meta.sla）',
      },
    };
  if (longer(warn, limit))
    return {
      keyword: 'slaWarnAt',
      text: {
        en: `slaWarnAt "${warn.text}" is not shorter than the SLA "${limit.text}": the warning would come before the stage starts`,
        zh: `提前提醒时间“${warn.text}”不短于时限“${limit.text}”，提醒会早于进入阶段`,
      },
    };
  return undefined;
}

/** A duration's length in one comparable unit: milliseconds, business hours or business days. */
function lengthOf(duration: TimerDuration): { unit: string; amount: number } {
  if (duration.kind === 'iso') return { unit: 'ms', amount: duration.days * 86_400_000 + duration.ms };
  if (duration.kind === 'businessHours') return { unit: 'hours', amount: duration.hours };
  return { unit: 'days', amount: duration.days };
}

/** Whether `warn` is at least as long as `limit` when both are counted the same way (else: not known, false). */
function longer(warn: TimerDuration, limit: TimerDuration): boolean {
  const a = lengthOf(warn);
  const b = lengthOf(limit);
  return a.unit === b.unit && a.amount >= b.amount;
}

function keyProblem(key: string, entity: EntityDefinition | undefined): { keyword: string; text: Text } | undefined {
  const words = key.split(' ');
  const field = words[1] ?? '';
  if (words.length > 2 && TIME.test(words[words.length - 1]!)) words.pop();
  const duration = words.slice(2).join(' ');
  if (duration && !parseTimerDuration(duration))
    return {
      keyword: 'duration',
      text: {
        en: `"${duration}" is not a duration: write an ISO-8601 duration (P1D, PT4H), "N business days" or "N business hours"`,
        zh: `“${duration}”不是有效的时长：请写 ISO-8601 时长（如 P1D、PT4H）、“N business days”（N 个工作日）或“N business hours”（N 个工作小时）`,
      },
    };
  if (!parseDateKey(key))
    return {
      keyword: 'unknownDelay',
      text: {
        en: `timer "${key}" should read "at <date field> [HH:MM]" or "after|before <date field> <duration> [HH:MM]"`,
        zh: `计时“${key}”的写法应为“at 日期字段 [HH:MM]”或“after|before 日期字段 时长 [HH:MM]”`,
      },
    };
  if (!entity) return undefined;
  const definition = entity.properties[field];
  const entityTitle = entity['x-i18n']?.title?.zh ?? entity.title ?? entity.$id;
  if (!definition)
    return {
      keyword: 'unknownField',
      text: {
        en: `timer field "${field}" does not exist on entity "${entity.$id}"`,
        zh: `“${entityTitle}”上没有字段“${field}”，无法按它计时`,
      },
    };
  const title = definition['x-i18n']?.title?.zh ?? definition.title ?? field;
  const kind = toFieldKind(definition);
  if (kind !== 'date' && kind !== 'dateTime')
    return {
      keyword: 'dateField',
      text: {
        en: `timer field "${field}" is ${kind ?? 'not a supported field'}, not a date or date-time`,
        zh: `计时字段“${title}”不是日期或日期时间字段`,
      },
    };
  if (definition['x-formula'] !== undefined || definition['x-rollup'] !== undefined)
    return {
      keyword: 'dateField',
      text: {
        en: `timer field "${field}" is computed; a timer follows a stored date, which every write can move`,
        zh: `计时字段“${title}”是计算出来的（公式或汇总），请改用可填写的日期字段`,
      },
    };
  return undefined;
}
