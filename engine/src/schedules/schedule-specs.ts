import type { Text } from '@lodestar/core';
import type { WorkflowDefinition } from '../definitions/workflow.js';

/** One entry of a workflow's `meta.schedules`. */
export type Schedule = NonNullable<WorkflowDefinition['meta']['schedules']>[number];

/** The time zone of a schedule that names none (the company's, as for numbering and rules). */
export const DEFAULT_SCHEDULE_TIME_ZONE = 'Asia/Shanghai';

/** What a schedule does to each matching record. */
export type ScheduleAction =
  | { kind: 'set'; set: Record<string, string> }
  | { kind: 'event'; event: string }
  | { kind: 'notify'; role: string; subject?: Text };

/** One schedule of a published workflow, with the workflow's binding and its defaults filled in. */
export interface ScheduleSpec {
  /** `<workflow>/<schedule id>`: unique across the model, the runs table's key. */
  key: string;
  workflow: string;
  id: string;
  title: Text;
  cron: string;
  timeZone: string;
  entity: string;
  recordType?: string;
  where?: string;
  /** A `set` schedule's ranking of the matching records (rankPosition, rankShare in its formulas). */
  rank?: { by: string };
  action: ScheduleAction;
  enabled: boolean;
}

/** Every schedule of a (valid) set of workflows, in definition order. */
export function scheduleSpecsOf(workflows: readonly WorkflowDefinition[]): ScheduleSpec[] {
  return workflows.flatMap((workflow) =>
    (workflow.meta.schedules ?? []).flatMap((schedule) => {
      const action = actionOf(schedule);
      if (!action) return [];
      return [
        {
          key: `${workflow.id}/${schedule.id}`,
          workflow: workflow.id,
          id: schedule.id,
          title: textOf(schedule.title, schedule.id),
          cron: schedule.cron,
          timeZone: schedule.timeZone ?? DEFAULT_SCHEDULE_TIME_ZONE,
          entity: workflow.meta.entity,
          ...(workflow.meta.recordType && { recordType: workflow.meta.recordType }),
          ...(schedule.where && { where: schedule.where }),
          ...(schedule.rank && { rank: { by: schedule.rank.by } }),
          action,
          enabled: schedule.enabled !== false,
        },
      ];
    }),
  );
}

/** The one action a schedule declares; undefined when it declares none or several (a definition issue). */
export function actionOf(schedule: Schedule): ScheduleAction | undefined {
  const declared = [schedule.set, schedule.event, schedule.notify].filter((a) => a !== undefined).length;
  if (declared !== 1) return undefined;
  if (schedule.set) return { kind: 'set', set: schedule.set };
  if (schedule.event) return { kind: 'event', event: schedule.event };
  const notify = schedule.notify!;
  return { kind: 'notify', role: notify.role, ...(notify.subject && { subject: textOf(notify.subject, '') }) };
}

/** A definition's text (one string, or per language) in both languages. */
export function textOf(value: string | Record<string, string> | undefined, fallback: string): Text {
  if (typeof value === 'string') return { en: value, zh: value };
  const en = value?.en ?? value?.zh ?? fallback;
  return { en, zh: value?.zh ?? en };
}
