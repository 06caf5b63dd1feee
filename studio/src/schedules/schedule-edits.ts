import type { WorkflowDefinition } from '@lodestar/core';

/** One entry of a workflow's `meta.schedules`, as the designer edits it. */
export type ScheduleDraft = NonNullable<WorkflowDefinition['meta']['schedules']>[number];
export type ActionKind = 'set' | 'event' | 'notify';

export function actionKindOf(schedule: ScheduleDraft): ActionKind {
  return schedule.event !== undefined ? 'event' : schedule.notify !== undefined ? 'notify' : 'set';
}

/** The schedule doing another kind of thing: the other actions' keys go, the new one starts blank. */
export function withActionKind(schedule: ScheduleDraft, kind: ActionKind, firstEvent = ''): ScheduleDraft {
  const { set: _set, event: _event, notify: _notify, ...rest } = schedule;
  if (kind === 'set') return { ...rest, set: _set ?? {} };
  if (kind === 'event') return { ...rest, event: _event ?? firstEvent };
  return { ...rest, notify: _notify ?? { role: '' } };
}

/** A free id for a new schedule (`schedule1`, `schedule2`…). */
export function newScheduleId(taken: readonly string[]): string {
  for (let n = 1; ; n++) if (!taken.includes(`schedule${n}`)) return `schedule${n}`;
}

/** `set` with one field renamed, keeping its place (JSON order is the order shown). */
export function renameSetField(set: Record<string, string>, from: string, to: string): Record<string, string> {
  return Object.fromEntries(Object.entries(set).map(([name, value]) => [name === from ? to : name, value]));
}

/** Writes the schedules into the workflow (no empty `schedules` key left behind). */
export function setSchedules(workflow: WorkflowDefinition, schedules: ScheduleDraft[]): void {
  if (schedules.length) workflow.meta.schedules = schedules;
  else delete workflow.meta.schedules;
}
