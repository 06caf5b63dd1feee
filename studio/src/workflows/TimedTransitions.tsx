import { useMessages } from '@lodestar/ui-shared';
import { useStudioLang } from '../app/lang';
import { Select, TextInput } from '../ui/controls';
import { ActionsEditor } from './ActionsEditor';
import { DESIGNER_MESSAGES } from './designer-messages';
import { DurationInput } from './DurationInput';
import { stateTitle } from './model';
import type { FieldOption } from './ParamsForm';
import { listTimers, removeTimer, setTimer, type Timer } from './timed-edits';
import { formatTimerKey, parseTimerKey, type TimerWhen } from './timer-keys';
import { timerWords } from './timer-words';
import type { Library, Transition, Workflow } from './types';

interface Props {
  workflow: Workflow;
  name: string;
  library: Library;
  fields: FieldOption[];
  /** The bound entity's date and date-time fields, which date-relative timers count from. */
  dateFields: FieldOption[];
  onEdit(change: (w: Workflow) => void): void;
}

type WhenKind = 'enter' | 'sla' | 'at' | 'before' | 'after';

function kindOf(when: TimerWhen): WhenKind | 'other' {
  return when.kind === 'date' ? when.direction : when.kind;
}

/** A stage's timed transitions (`after`): when each fires, in words and as a form, where it goes, what it does. */
export function TimedTransitions({ workflow, name, library, fields, dateFields, onEdit }: Props) {
  const m = useMessages(DESIGNER_MESSAGES);
  const { lang } = useStudioLang();
  const timers = listTimers(workflow.states[name]!);
  const targets = Object.keys(workflow.states).map((n) => ({ value: n, label: stateTitle(workflow, n, lang) }));
  const fieldTitle = (f: string) => dateFields.find((d) => d.value === f)?.label ?? f;
  const write = (timer: Timer | undefined, when: TimerWhen, transition: Transition) =>
    onEdit((w) => setTimer(w, name, timer, formatTimerKey(when), transition));
  const firstOther = Object.keys(workflow.states).find((n) => n !== name) ?? name;
  const add = () => write(undefined, { kind: 'enter', duration: 'P1D' }, { target: firstOther });
  return (
    <section className="wf-timed" aria-label={m.timed}>
      <h3 className="wf-subhead">{m.timed}</h3>
      <p className="muted small">{m.timedHint}</p>
      {timers.map((timer, i) => {
        const when = parseTimerKey(timer.key);
        const kind = kindOf(when);
        const date = when.kind === 'date' ? when : undefined;
        const toKind = (next: WhenKind): TimerWhen => {
          if (next === 'sla') return { kind: 'sla' };
          const duration = (when.kind === 'enter' ? when.duration : date?.duration) ?? 'P1D';
          if (next === 'enter') return { kind: 'enter', duration };
          return {
            kind: 'date',
            direction: next,
            field: date?.field ?? dateFields[0]?.value ?? 'dueDate',
            duration,
            time: date?.time,
          };
        };
        const target = timer.transition.target ?? '';
        return (
          <fieldset className="wf-timer" key={i} data-timer={i} data-timer-key={timer.key}>
            <legend>{m.timer(i + 1)}</legend>
            <p className="wf-timer-words" data-testid="timer-words">
              ⏱ {timerWords(when, fieldTitle, m)} → {target ? stateTitle(workflow, target, lang) : '—'}
            </p>
            {kind === 'other' ? (
              <p className="muted small">{m.other(timer.key)}</p>
            ) : (
              <Select
                label={m.when}
                value={kind}
                options={(['enter', 'sla', 'at', 'before', 'after'] as const).map((k) => ({
                  value: k,
                  label: m.whenKinds[k]!,
                }))}
                onChange={(v) => write(timer, toKind(v as WhenKind), timer.transition)}
              />
            )}
            {when.kind === 'enter' && (
              <DurationInput
                label={m.wait}
                value={when.duration}
                optional={false}
                onChange={(d) => d && write(timer, { kind: 'enter', duration: d }, timer.transition)}
              />
            )}
            {date && (
              <>
                {dateFields.length === 0 ? (
                  <p className="issue-text small">{m.noDateField}</p>
                ) : (
                  <Select
                    label={m.dateField}
                    value={date.field}
                    options={[
                      ...dateFields,
                      ...(dateFields.some((f) => f.value === date.field)
                        ? []
                        : [{ value: date.field, label: `${date.field} ⚠` }]),
                    ]}
                    onChange={(field) => write(timer, { ...date, field }, timer.transition)}
                  />
                )}
                {date.direction !== 'at' && (
                  <DurationInput
                    label={m.wait}
                    value={date.duration}
                    optional={false}
                    onChange={(d) => d && write(timer, { ...date, duration: d }, timer.transition)}
                  />
                )}
                <TextInput
                  label={m.timeOfDay}
                  type="time"
                  value={date.time ?? ''}
                  onChange={(v) =>
                    write(timer, { ...date, time: /^\d\d:\d\d$/.test(v) ? v : undefined }, timer.transition)
                  }
                />
              </>
            )}
            <Select
              label={m.target}
              value={target}
              options={targets}
              onChange={(next) => write(timer, when, { ...timer.transition, target: next })}
            />
            <ActionsEditor
              actions={timer.transition.actions ?? []}
              entries={library.actions}
              fields={fields}
              onChange={(actions) => {
                const { actions: _old, ...rest } = timer.transition;
                const next = actions.length ? { ...rest, actions } : rest;
                write(timer, when, next);
              }}
            />
            <button
              type="button"
              className="link-button danger"
              onClick={() => onEdit((w) => removeTimer(w, name, timer))}
            >
              {m.removeTimed(i + 1)}
            </button>
          </fieldset>
        );
      })}
      <button type="button" className="button button-quiet" onClick={add} disabled={!firstOther}>
        + {m.addTimed}
      </button>
    </section>
  );
}
