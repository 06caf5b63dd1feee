import { useEffect, useState } from 'react';
import { SaveStatus, type SaveState } from './SaveStatus';
import { ApiError, getJson, sendJson, useMessages, type ApiIssue } from '@lodestar/ui-shared';
import { useStudioLang } from '../app/lang';
import { TextInput } from '../ui/controls';
import { CALENDAR_MESSAGES } from './messages';

/** One working period of a business day as the engine answers it (GET /admin/calendar/hours): `HH:MM`. */
export interface WorkingPeriod {
  from: string;
  to: string;
}

/**
 * The working hours of every business day ("N business hours" counts only these, e.g. 09:00–12:00 and
 * 13:30–18:00). Edits stay here until saved; the engine judges the periods and moves pending SLAs.
 */
export function WorkingHoursPanel() {
  const t = useMessages(CALENDAR_MESSAGES);
  const { lang } = useStudioLang();
  const [periods, setPeriods] = useState<WorkingPeriod[]>();
  const [failed, setFailed] = useState<string>();
  const [dirty, setDirty] = useState(false);
  const [status, setStatus] = useState<SaveState>('idle');
  const [issues, setIssues] = useState<ApiIssue[]>([]);
  const [problem, setProblem] = useState<string>();
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setFailed(undefined);
    getJson<{ periods: WorkingPeriod[] }>('/api/v1/admin/calendar/hours', controller.signal).then(
      (answer) => setPeriods(answer.periods),
      (error: Error) => !controller.signal.aborted && setFailed(error.message),
    );
    return () => controller.abort();
  }, [attempt]);

  const edit = (next: WorkingPeriod[]) => {
    setPeriods(next);
    setDirty(true);
    setStatus('idle');
  };
  const save = async () => {
    setStatus('saving');
    setIssues([]);
    setProblem(undefined);
    try {
      const answer = await sendJson<{ periods: WorkingPeriod[] }>('PUT', '/api/v1/admin/calendar/hours', { periods });
      setPeriods(answer.periods);
      setDirty(false);
      setStatus('saved');
    } catch (error) {
      setStatus('idle');
      if (error instanceof ApiError && error.issues.length) setIssues(error.issues);
      else setProblem(error instanceof Error ? error.message : String(error));
    }
  };
  const issueOf = (index: number) =>
    issues
      .filter((issue) => issue.pointer.startsWith(`/periods/${index}/`) || issue.pointer === `/periods/${index}`)
      .map((issue) => issue.i18n?.[lang] ?? issue.message)
      .join('；');

  return (
    <section className="panel calendar-hours" aria-label={t.hours} data-testid="working-hours">
      <div className="panel-head">
        <h2>{t.hours}</h2>
        <span className="muted small">
          {t.hoursHint} <code>4 business hours</code>
        </span>
      </div>
      {failed && (
        <div className="notice notice-error" role="alert">
          <strong>{t.hoursFailed}</strong>
          <span className="notice-detail">{failed}</span>
          <button type="button" className="button" onClick={() => setAttempt((n) => n + 1)}>
            {t.retry}
          </button>
        </div>
      )}
      {!periods && !failed && (
        <p className="muted" role="status">
          {t.loading}
        </p>
      )}
      {periods && (
        <>
          <ul className="calendar-periods">
            {periods.map((period, i) => (
              <li key={i} className="calendar-period" data-period={i}>
                <TextInput
                  label={t.periodFrom}
                  type="time"
                  value={period.from}
                  onChange={(from) => edit(periods.map((p, j) => (j === i ? { ...p, from } : p)))}
                />
                <TextInput
                  label={t.periodTo}
                  type="time"
                  value={period.to}
                  onChange={(to) => edit(periods.map((p, j) => (j === i ? { ...p, to } : p)))}
                />
                <button
                  type="button"
                  className="link-button danger"
                  disabled={periods.length === 1}
                  aria-label={t.removePeriod(period.from, period.to)}
                  onClick={() => edit(periods.filter((_, j) => j !== i))}
                >
                  {t.remove}
                </button>
                {issueOf(i) && (
                  <p className="calendar-day-problem" role="alert">
                    {issueOf(i)}
                  </p>
                )}
              </li>
            ))}
          </ul>
          <div className="calendar-actions">
            <button
              type="button"
              className="button button-quiet"
              disabled={periods.length >= 6}
              onClick={() => edit([...periods, { from: periods.at(-1)?.to ?? '09:00', to: '18:00' }])}
            >
              {t.addPeriod}
            </button>
            <SaveStatus
              dirty={dirty}
              status={status}
              hasIssues={issues.length > 0}
              problem={problem}
              labels={{ save: t.saveHours, saved: t.hoursSaved, problems: t.hoursProblems }}
              onSave={save}
            />
          </div>
        </>
      )}
    </section>
  );
}
