import type { DesignerMessages } from './designer-messages';
import { parseDuration } from './durations';
import type { TimerWhen } from './timer-keys';

/** A stored duration in words ("1 天", "2 个工作日"); one without a single unit as written. */
export function durationWords(text: string | undefined, m: DesignerMessages): string {
  const d = parseDuration(text);
  return d ? m.duration(d.amount, d.unit) : (text ?? '');
}

/** When a timer fires, in words: "应收日期后 1 天 09:00", "进入阶段 2 小时后". */
export function timerWords(when: TimerWhen, fieldTitle: (field: string) => string, m: DesignerMessages): string {
  switch (when.kind) {
    case 'sla':
      return m.slaWords;
    case 'enter':
      return m.enterWords(durationWords(when.duration, m));
    case 'other':
      return when.key;
    case 'date': {
      const field = fieldTitle(when.field);
      if (when.direction === 'at') return m.atWords(field, when.time);
      const d = durationWords(when.duration, m);
      return when.direction === 'after' ? m.afterWords(field, d, when.time) : m.beforeWords(field, d, when.time);
    }
  }
}
