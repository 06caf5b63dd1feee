import { isStoredDuration } from './durations';

/*
 * A state's `after` key as the designer edits it. The engine reads: "sla" (the stage's meta.sla), a
 * duration after entering the stage (ISO 8601 or "N business days"), or relative to a date field:
 * "at dueDate [HH:MM]", "after|before dueDate <duration> [HH:MM]" (engine/src/workflow/date-timers.ts).
 */
export type TimerWhen =
  | { kind: 'sla' }
  | { kind: 'enter'; duration: string }
  | { kind: 'date'; direction: 'at' | 'after' | 'before'; field: string; duration?: string; time?: string }
  /** A key this form cannot take apart (the engine reports it if it is wrong): shown as written. */
  | { kind: 'other'; key: string };

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const FIELD = /^[a-z][a-zA-Z0-9]*$/;

export function parseTimerKey(key: string): TimerWhen {
  if (key === 'sla') return { kind: 'sla' };
  if (isStoredDuration(key)) return { kind: 'enter', duration: key };
  const words = key.split(' ');
  const [direction, field] = words;
  if ((direction === 'at' || direction === 'after' || direction === 'before') && field && FIELD.test(field)) {
    const time = words.length > 2 && TIME.test(words.at(-1)!) ? words.pop() : undefined;
    const duration = words.slice(2).join(' ') || undefined;
    const durationOk = direction === 'at' ? duration === undefined : !!duration && isStoredDuration(duration);
    if (durationOk) return { kind: 'date', direction, field, ...(duration && { duration }), ...(time && { time }) };
  }
  return { kind: 'other', key };
}

export function formatTimerKey(when: TimerWhen): string {
  switch (when.kind) {
    case 'sla':
      return 'sla';
    case 'enter':
      return when.duration;
    case 'other':
      return when.key;
    case 'date':
      return [when.direction, when.field, when.direction === 'at' ? undefined : when.duration, when.time]
        .filter(Boolean)
        .join(' ');
  }
}
