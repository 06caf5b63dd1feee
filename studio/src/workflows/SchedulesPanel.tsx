import '../schedules/schedules.css';
import type { Issue as DefinitionIssue } from '@lodestar/core';
import { useMessages } from '@lodestar/ui-shared';
import { SCHEDULE_PANEL_MESSAGES } from '../schedules/panel-messages';
import {
  actionKindOf,
  newScheduleId,
  renameSetField,
  withActionKind,
  type ActionKind,
  type ScheduleDraft,
} from '../schedules/schedule-edits';
import { ConditionInput } from '../rules/ConditionInput';
import { Checkbox, IssueNotes, Select, TextInput } from '../ui/controls';
import { CronInput, TimeZoneSelect } from '../schedules/CronInput';
import { CRON_MESSAGES } from '../schedules/cron-messages';
import { useStudioLang } from '../app/lang';
import { useDraft } from '../draft/DraftContext';
import { eventOptions, roleOptions, withValue } from './param-options';
import type { Workflow } from './types';

/**
 * The workflow's `meta.schedules` as forms: when (cron, time zone), which records (a formula) and what to
 * do (set fields by formulas, send an event, mail a report). Issues the engine finds show under each one.
 */
export function SchedulesPanel({
  workflow,
  fields,
  issues,
  onChange,
}: {
  workflow: Workflow;
  fields: { value: string; label: string }[];
  issues: DefinitionIssue[];
  onChange(schedules: ScheduleDraft[]): void;
}) {
  const t = useMessages(SCHEDULE_PANEL_MESSAGES);
  const schedules = workflow.meta.schedules ?? [];
  const events = [...new Set(Object.values(workflow.states).flatMap((s) => Object.keys(s.on ?? {})))];
  const { lang } = useStudioLang();
  const { definitions } = useDraft();
  const eventTitles = new Map(
    eventOptions({ ...definitions, workflows: [workflow] }, workflow.meta.entity, lang).map((o) => [o.value, o.label]),
  );
  const replace = (i: number, next: ScheduleDraft) => onChange(schedules.map((s, at) => (at === i ? next : s)));
  const add = () =>
    onChange([
      ...schedules,
      { id: newScheduleId(schedules.map((s) => s.id)), cron: '0 2 * * *', timeZone: 'Asia/Shanghai', set: {} },
    ]);
  return (
    <section className="panel wf-schedules" aria-label={t.heading}>
      <div className="panel-head">
        <div>
          <h2>{t.heading}</h2>
          <p className="subtitle muted small">{t.intro}</p>
        </div>
        <button type="button" className="button button-quiet" onClick={add}>
          + {t.add}
        </button>
      </div>
      {schedules.length === 0 && <p className="panel-empty muted">{t.none}</p>}
      {schedules.map((schedule, i) => (
        <ScheduleForm
          key={i}
          schedule={schedule}
          fields={fields}
          events={events}
          eventTitles={eventTitles}
          issues={issues.filter(
            (x) => x.pointer === `/meta/schedules/${i}` || x.pointer.startsWith(`/meta/schedules/${i}/`),
          )}
          prefix={`/meta/schedules/${i}`}
          onChange={(next) => replace(i, next)}
          onRemove={() => onChange(schedules.filter((_, at) => at !== i))}
        />
      ))}
    </section>
  );
}

function ScheduleForm(props: {
  schedule: ScheduleDraft;
  fields: { value: string; label: string }[];
  events: string[];
  /** Each event's title, from its transitions. */
  eventTitles: Map<string, string>;
  issues: DefinitionIssue[];
  prefix: string;
  onChange(next: ScheduleDraft): void;
  onRemove(): void;
}) {
  const t = useMessages(SCHEDULE_PANEL_MESSAGES);
  const c = useMessages(CRON_MESSAGES);
  const { lang } = useStudioLang();
  const { definitions } = useDraft();
  const { schedule, onChange } = props;
  const kind = actionKindOf(schedule);
  const title =
    typeof schedule.title === 'string' ? { zh: schedule.title, en: schedule.title } : (schedule.title ?? {});
  const setTitle = (lang: 'zh' | 'en', value: string) => {
    const next = { ...title, [lang]: value };
    if (!next.zh) delete next.zh;
    if (!next.en) delete next.en;
    const { title: _old, ...rest } = schedule;
    onChange(Object.keys(next).length ? { ...rest, title: next } : rest);
  };
  const optional = (key: 'where' | 'timeZone', value: string) => {
    const { [key]: _old, ...rest } = schedule;
    onChange(value ? { ...rest, [key]: value } : rest);
  };
  const set = schedule.set ?? {};
  const unused = props.fields.filter((f) => !(f.value in set));
  return (
    <div className="wf-schedule" data-schedule={schedule.id}>
      <IssueNotes issues={props.issues} prefix={props.prefix} testId="schedule-issues" />
      <div className="wf-schedule-grid">
        <TextInput label={t.titleZh} value={title.zh ?? ''} onChange={(v) => setTitle('zh', v)} />
        <TextInput label={t.titleEn} value={title.en ?? ''} onChange={(v) => setTitle('en', v)} />
        <CronInput
          label={t.cron}
          hint={t.cronHint}
          value={schedule.cron}
          onChange={(cron) => onChange({ ...schedule, cron })}
        />
        <TimeZoneSelect
          label={t.timeZone}
          lang={lang}
          value={schedule.timeZone ?? ''}
          onChange={(v) => optional('timeZone', v)}
        />
        <Checkbox
          label={t.enabled}
          checked={schedule.enabled !== false}
          onChange={(on) => {
            const { enabled: _old, ...rest } = schedule;
            onChange(on ? rest : { ...rest, enabled: false });
          }}
        />
      </div>
      <ConditionInput
        label={t.where}
        hint={t.whereHint}
        value={schedule.where ?? ''}
        onChange={(v) => optional('where', v ?? '')}
      />
      <Select
        label={t.action}
        value={kind}
        options={[
          { value: 'set', label: t.actionSet },
          { value: 'event', label: t.actionEvent },
          { value: 'notify', label: t.actionNotify },
        ]}
        onChange={(next) => onChange(withActionKind(schedule, next as ActionKind, props.events[0]))}
      />
      {kind === 'set' && (
        <div className="wf-schedule-set">
          {Object.entries(set).map(([name, value]) => (
            <div className="wf-schedule-row" key={name}>
              <Select
                label={t.field}
                value={name}
                options={[props.fields.find((f) => f.value === name) ?? { value: name, label: name }, ...unused]}
                onChange={(to) => onChange({ ...schedule, set: renameSetField(set, name, to) })}
              />
              <TextInput
                label={t.value}
                value={value}
                mono
                onChange={(v) => onChange({ ...schedule, set: { ...set, [name]: v } })}
              />
              <button
                type="button"
                className="button button-quiet"
                aria-label={`${t.remove} ${name}`}
                onClick={() =>
                  onChange({ ...schedule, set: Object.fromEntries(Object.entries(set).filter(([n]) => n !== name)) })
                }
              >
                ×
              </button>
            </div>
          ))}
          {unused.length > 0 && (
            <button
              type="button"
              className="button button-quiet"
              onClick={() => onChange({ ...schedule, set: { ...set, [unused[0]!.value]: '' } })}
            >
              + {t.addField}
            </button>
          )}
        </div>
      )}
      {kind === 'event' && (
        <Select
          label={t.event}
          value={schedule.event ?? ''}
          options={props.events.map((e) => ({ value: e, label: props.eventTitles.get(e) || e }))}
          onChange={(event) => onChange({ ...schedule, event })}
        />
      )}
      {kind === 'notify' && (
        <Select
          label={t.role}
          value={schedule.notify?.role ?? ''}
          onChange={(role) => onChange({ ...schedule, notify: { ...schedule.notify, role } })}
          options={[
            { value: '', label: '—' },
            ...withValue(roleOptions(definitions, lang), schedule.notify?.role ?? ''),
          ]}
        />
      )}
      <details className="wf-advanced">
        <summary>{c.advanced}</summary>
        <TextInput
          label={c.scheduleId}
          value={schedule.id}
          mono
          hint={c.idHint}
          onChange={(id) => onChange({ ...schedule, id })}
        />
      </details>
      <div className="wf-panel-actions">
        <span />
        <button type="button" className="button button-quiet" onClick={props.onRemove}>
          {t.remove}
        </button>
      </div>
    </div>
  );
}
