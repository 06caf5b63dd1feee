import { useEffect, useState } from 'react';
import { SaveStatus, type SaveState } from './SaveStatus';
import { ApiError, getJson, sendJson, TitleRow, useMessages, type ApiIssue } from '@lodestar/ui-shared';
import { useStudioLang } from '../app/lang';
import { Select, TextInput } from '../ui/controls';
import { nextDay, toSaved, weekdayOf, type CalendarDay, type CalendarYear } from './calendar-edits';
import { CALENDAR_MESSAGES } from './messages';
import { WorkingHoursPanel } from './WorkingHoursPanel';
import './calendar.css';

type Loaded = { year: number; days: CalendarDay[] } | { year: number; error: string };

/**
 * The business calendar: the working hours of a business day, then one year at a time the statutory days off
 * and make-up workdays (调休), which business-day and business-hour timers and SLAs count on. Edits stay on the page until saved; the engine judges them.
 */
export function CalendarPage() {
  const t = useMessages(CALENDAR_MESSAGES);
  const { lang } = useStudioLang();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const [loaded, setLoaded] = useState<Loaded>();
  const [days, setDays] = useState<CalendarDay[]>([]);
  const [dirty, setDirty] = useState(false);
  const [status, setStatus] = useState<SaveState>('idle');
  const [issues, setIssues] = useState<ApiIssue[]>([]);
  const [problem, setProblem] = useState<string>();
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setLoaded(undefined);
    getJson<CalendarYear>(`/api/v1/admin/calendar/${year}`, controller.signal).then(
      (answer) => {
        setLoaded({ year, days: answer.days });
        setDays(answer.days);
        setDirty(false);
        setIssues([]);
        setStatus('idle');
      },
      (error: Error) => !controller.signal.aborted && setLoaded({ year, error: error.message }),
    );
    return () => controller.abort();
  }, [year, attempt]);

  const edit = (next: CalendarDay[]) => {
    setDays(next);
    setDirty(true);
    setStatus('idle');
  };
  const change = (index: number, patch: Partial<CalendarDay>) =>
    edit(days.map((day, i) => (i === index ? { ...day, ...patch } : day)));
  const save = async () => {
    setStatus('saving');
    setIssues([]);
    setProblem(undefined);
    try {
      const answer = await sendJson<CalendarYear>('PUT', `/api/v1/admin/calendar/${year}`, { days: toSaved(days) });
      setDays(answer.days);
      setDirty(false);
      setStatus('saved');
    } catch (error) {
      setStatus('idle');
      if (error instanceof ApiError && error.issues.length) setIssues(error.issues);
      else setProblem(error instanceof Error ? error.message : String(error));
    }
  };
  const weekday = new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { weekday: 'long', timeZone: 'UTC' });
  const weekdayText = (date: string) =>
    weekdayOf(date) === undefined ? '' : weekday.format(new Date(`${date}T00:00:00Z`));
  const issueOf = (index: number) =>
    issues
      .filter((issue) => issue.pointer.startsWith(`/days/${index}/`) || issue.pointer === `/days/${index}`)
      .map((issue) => issue.i18n?.[lang] ?? issue.message)
      .join('；');
  const holidays = days.filter((d) => d.kind === 'holiday').length;

  return (
    <div className="calendar-page">
      <TitleRow heading={t.heading} subheading={t.subheading} />
      <WorkingHoursPanel />
      <div className="calendar-year">
        <button type="button" className="button button-quiet" onClick={() => setYear(year - 1)}>
          ‹ {t.previousYear}
        </button>
        <h2 data-testid="calendar-year">{t.yearLabel(year)}</h2>
        <button type="button" className="button button-quiet" onClick={() => setYear(year + 1)}>
          {t.nextYear} ›
        </button>
      </div>
      {!loaded && (
        <p className="muted" role="status">
          {t.loading}
        </p>
      )}
      {loaded && 'error' in loaded && (
        <div className="notice notice-error" role="alert">
          <strong>{t.failed}</strong>
          <span className="notice-detail">{loaded.error}</span>
          <button type="button" className="button" onClick={() => setAttempt((n) => n + 1)}>
            {t.retry}
          </button>
        </div>
      )}
      {loaded && 'days' in loaded && (
        <section className="panel" aria-label={t.days}>
          <div className="panel-head">
            <h2>{t.days}</h2>
            <span className="muted small" data-testid="calendar-summary">
              {t.summary(holidays, days.length - holidays)}
            </span>
          </div>
          {days.length === 0 && <p className="panel-empty muted">{t.empty}</p>}
          <ul className="calendar-days">
            {days.map((day, i) => (
              <li key={i} className="calendar-day" data-day={day.date}>
                <TextInput
                  label={t.date}
                  type="date"
                  value={day.date}
                  hint={<span className="calendar-day-weekday">{weekdayText(day.date)}</span>}
                  onChange={(date) => change(i, { date })}
                />
                <Select
                  label={t.kind}
                  value={day.kind}
                  options={[
                    { value: 'holiday', label: t.holiday },
                    { value: 'workday', label: t.workday },
                  ]}
                  onChange={(kind) => change(i, { kind: kind as CalendarDay['kind'] })}
                />
                <TextInput
                  label={t.nameZh}
                  value={day.name?.zh ?? ''}
                  onChange={(zh) => change(i, { name: { en: day.name?.en ?? '', zh } })}
                />
                <TextInput
                  label={t.nameEn}
                  value={day.name?.en ?? ''}
                  onChange={(en) => change(i, { name: { zh: day.name?.zh ?? '', en } })}
                />
                <button
                  type="button"
                  className="link-button danger"
                  aria-label={t.removeDay(day.date)}
                  onClick={() => edit(days.filter((_, j) => j !== i))}
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
            <button type="button" className="button button-quiet" onClick={() => edit([...days, nextDay(year, days)])}>
              {t.add}
            </button>
            <SaveStatus
              dirty={dirty}
              status={status}
              hasIssues={issues.length > 0}
              problem={problem}
              labels={{ save: t.save, saved: t.saved, problems: t.problems }}
              onSave={save}
            />
          </div>
        </section>
      )}
    </div>
  );
}
