import { useState } from 'react';
import type { ScheduleList, ScheduleListing, ScheduleRun, ScheduleRunPage } from '@lodestar/core';
import { ApiError, sendJson, TitleRow, titleOf, useMessages, type Lang } from '@lodestar/ui-shared';
import { useDraft } from '../draft/DraftContext';
import { useStudioLang } from '../app/lang';
import { SCHEDULE_MESSAGES } from './messages';
import { usePolled } from './use-polled';
import './schedules.css';

type Messages = (typeof SCHEDULE_MESSAGES)['zh'];

const open = (run: ScheduleRun | null | undefined) => run?.status === 'queued' || run?.status === 'running';

/** The published model's schedules: next due time, last run, "run now", and the run log with live progress. */
export function SchedulesPage() {
  const t = useMessages(SCHEDULE_MESSAGES);
  const { lang } = useStudioLang();
  const { definitions } = useDraft();
  const entityTitle = (id: string) => {
    const entity = definitions.entities.find((e) => e.$id === id);
    return entity ? titleOf(entity, lang, id) : id;
  };
  const [filter, setFilter] = useState('');
  const [asked, setAsked] = useState<number>();
  const [problem, setProblem] = useState<string>();
  const schedules = usePolled<ScheduleList>('/api/v1/schedules', (data) =>
    Boolean(data?.data.some((s) => open(s.lastRun))),
  );
  const runs = usePolled<ScheduleRunPage>(
    `/api/v1/schedules/runs?limit=50${filter ? `&schedule=${encodeURIComponent(filter)}` : ''}`,
    (data) => Boolean(data?.data.some(open) || (asked && !data?.data.some((r) => r.id === asked))),
  );
  const format = new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  const when = (iso: string | null) => (iso ? format.format(new Date(iso)) : '—');
  const runNow = async (schedule: ScheduleListing) => {
    setProblem(undefined);
    try {
      const run = await sendJson<ScheduleRun>('POST', `/api/v1/schedules/${schedule.workflow}/${schedule.id}/run`);
      setAsked(run.id);
      schedules.reload();
      runs.reload();
    } catch (error) {
      setProblem(error instanceof ApiError || error instanceof Error ? error.message : String(error));
    }
  };
  const list = schedules.data?.data;
  const titleOfKey = (key: string) => {
    const found = list?.find((s) => s.key === key);
    return found ? found.title[lang] : key;
  };
  return (
    <div className="schedules-page">
      <TitleRow heading={t.heading} subheading={t.subheading} />
      {problem && (
        <div className="notice notice-error" role="alert">
          {problem}
        </div>
      )}
      {!list && !schedules.error && (
        <p className="muted" role="status">
          {t.loading}
        </p>
      )}
      {schedules.error && !list && (
        <div className="notice notice-error" role="alert">
          <strong>{t.failed}</strong>
          <span className="notice-detail">{schedules.error.message}</span>
          <button type="button" className="button" onClick={schedules.reload}>
            {t.retry}
          </button>
        </div>
      )}
      {list && list.length === 0 && <div className="notice">{t.none}</div>}
      {list && list.length > 0 && (
        <ul className="schedule-cards">
          {list.map((schedule) => (
            <li key={schedule.key} className="panel schedule-card" data-schedule={schedule.key}>
              <div className="schedule-card-head">
                <div>
                  <h2>{schedule.title[lang]}</h2>
                  <p className="muted small">
                    <code>{schedule.key}</code> · {t.onEntity(entityTitle(schedule.entity))} ·{' '}
                    {actionWord(schedule.action, t)}
                  </p>
                </div>
                <button
                  type="button"
                  className="button"
                  disabled={open(schedule.lastRun)}
                  onClick={() => void runNow(schedule)}
                >
                  {t.runNow}
                </button>
              </div>
              <dl className="schedule-facts">
                <div>
                  <dt>cron</dt>
                  <dd>
                    <code>{schedule.cron}</code>
                  </dd>
                </div>
                <div>
                  <dt>{t.timeZone}</dt>
                  <dd>{schedule.timeZone}</dd>
                </div>
                <div>
                  <dt>{t.nextRun}</dt>
                  <dd data-testid="next-run">
                    {!schedule.enabled ? t.disabled : schedule.nextDueAt ? when(schedule.nextDueAt) : t.never}
                  </dd>
                </div>
                <div>
                  <dt>{t.lastRun}</dt>
                  <dd>
                    {schedule.lastRun ? (
                      <StatusBadge run={schedule.lastRun} t={t} />
                    ) : (
                      <span className="muted">{t.notYet}</span>
                    )}
                  </dd>
                </div>
              </dl>
            </li>
          ))}
        </ul>
      )}
      <section className="panel schedule-log" aria-label={t.runLog}>
        <div className="panel-head">
          <h2>{t.runLog}</h2>
          <label className="schedule-filter">
            <span>{t.showFor}</span>
            <select value={filter} onChange={(event) => setFilter(event.target.value)}>
              <option value="">{t.allSchedules}</option>
              {list?.map((s) => (
                <option key={s.key} value={s.key}>
                  {s.title[lang]}
                </option>
              ))}
            </select>
          </label>
        </div>
        {runs.data && runs.data.data.length === 0 && <p className="panel-empty muted">{t.noRuns}</p>}
        {runs.data && runs.data.data.length > 0 && (
          <div className="schedule-log-scroll">
            <table className="data-table" aria-label={t.runLog}>
              <thead>
                <tr>
                  <th>{t.colSchedule}</th>
                  <th>{t.colStatus}</th>
                  <th>{t.colProgress}</th>
                  <th>{t.colChanged}</th>
                  <th>{t.colFailed}</th>
                  <th>{t.colRefusals}</th>
                  <th>{t.colTrigger}</th>
                  <th>{t.colStarted}</th>
                  <th>{t.colFinished}</th>
                </tr>
              </thead>
              <tbody>
                {runs.data.data.map((run) => (
                  <RunRow key={run.id} run={run} title={titleOfKey(run.schedule)} when={when} t={t} lang={lang} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}

function RunRow(props: { run: ScheduleRun; title: string; when(iso: string | null): string; t: Messages; lang: Lang }) {
  const { run, t, lang } = props;
  const share = run.total ? Math.min(1, run.processed / run.total) : run.status === 'succeeded' ? 1 : 0;
  return (
    <>
      <tr data-run={run.id} data-status={run.status}>
        <td>{props.title}</td>
        <td>
          <StatusBadge run={run} t={t} />
        </td>
        <td className="schedule-progress-cell">
          <div
            className="schedule-progress"
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={run.total ?? undefined}
            aria-valuenow={run.processed}
            aria-label={t.colProgress}
          >
            <span style={{ width: `${Math.round(share * 100)}%` }} />
          </div>
          <span className="small muted">{t.progress(run.processed, run.total)}</span>
        </td>
        <td>{run.changed}</td>
        <td>{run.failed}</td>
        <td>{run.refusals}</td>
        <td>{run.trigger === 'cron' ? t.triggerCron : t.triggerManual}</td>
        <td>{props.when(run.startedAt)}</td>
        <td>{props.when(run.finishedAt)}</td>
      </tr>
      {(run.error || run.samples.length > 0) && (
        <tr className="schedule-run-detail">
          <td colSpan={9}>
            {run.error && <p className="schedule-error">{run.error[lang]}</p>}
            {run.samples.length > 0 && (
              <details>
                <summary>{t.samplesTitle(run.samples.length)}</summary>
                <ul>
                  {run.samples.map((s, i) => (
                    <li key={i}>
                      <code>{s.recordId.slice(0, 8)}</code> {s.reason[lang]}
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </td>
        </tr>
      )}
    </>
  );
}

function StatusBadge({ run, t }: { run: ScheduleRun; t: Messages }) {
  const word = {
    queued: t.statusQueued,
    running: t.statusRunning,
    succeeded: t.statusSucceeded,
    failed: t.statusFailed,
  }[run.status];
  return <span className={`badge schedule-status schedule-status-${run.status}`}>{word}</span>;
}

function actionWord(action: ScheduleListing['action'], t: Messages): string {
  return action === 'set' ? t.actionSet : action === 'event' ? t.actionEvent : t.actionNotify;
}
