import { useEffect, useRef, useState } from 'react';
import { api } from './api/client';
import { currentLabel, DEMO_TEXT, failureText, stepName, type DemoChoice, type DemoJobAnswer } from './demo-progress';
import { ApiError } from './http';
import { useMessages } from './messages';

const POLL_MS = 1000;

/**
 * The first run's sample company being prepared: the engine's job (POST /admin/demo/job) installs the
 * preset's templates, then loads the sample data; this page reads it back each second and shows which step
 * runs, a progress bar and the steps. A failure says what was done and what was not, with a retry.
 */
export function DemoProgress({ choice, onDone }: { choice: DemoChoice; onDone: () => void }) {
  const t = useMessages(DEMO_TEXT);
  const [job, setJob] = useState<DemoJobAnswer>();
  const [problem, setProblem] = useState<string>();
  const [attempt, setAttempt] = useState(0);
  const done = useRef(onDone);
  done.current = onDone;

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const follow = (answer: DemoJobAnswer & { id: string }) => {
      if (stopped) return;
      setJob(answer);
      if (answer.status === 'done') done.current();
      else if (answer.status === 'running') timer = setTimeout(() => poll(answer.id), POLL_MS);
    };
    const fail = (failure: unknown) => {
      if (!stopped) setProblem(failure instanceof ApiError ? failure.message : String(failure));
    };
    // Followed by its id, with no session look-up: on the embedded database the load holds the only connection.
    const poll = (id: string) => api('get', '/admin/demo/job/{id}', { params: { id } }).then(follow, fail);
    setJob(undefined);
    setProblem(undefined);
    api('post', '/admin/demo/job', { body: choice === 'standard' ? {} : { preset: choice } }).then(follow, fail);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [choice, attempt]);

  const failed = job?.status === 'failed' || problem !== undefined;
  const percent = job?.percent ?? 0;
  return (
    <div className="auth-page">
      <div className="auth-card demo-progress" aria-busy={!failed}>
        <h1>{failed ? t.failed : t.preparing}</h1>
        {!failed && (
          <>
            <p className="auth-progress" role="status">
              <span className="auth-spinner" aria-hidden="true" />
              {currentLabel(job, t)}
            </p>
            <div
              className="demo-bar"
              role="progressbar"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={percent}
              aria-valuetext={t.percent(percent)}
            >
              <span style={{ width: `${percent}%` }} />
            </div>
          </>
        )}
        {job && (
          <ol className="demo-steps">
            {job.steps.map((step, i) => (
              <li key={i} className={`demo-step demo-step-${step.status}`}>
                <span className="demo-step-mark" aria-hidden="true">
                  {step.status === 'done'
                    ? '✓'
                    : step.status === 'failed'
                      ? '✗'
                      : step.status === 'running'
                        ? '…'
                        : '○'}
                </span>
                {stepName(step, t)}
              </li>
            ))}
          </ol>
        )}
        {failed && (
          <>
            <div className="auth-error" role="alert">
              {job?.status === 'failed' ? (
                failureText(job, t).map((line) => <p key={line}>{line}</p>)
              ) : (
                <p>{problem}</p>
              )}
            </div>
            <button type="button" onClick={() => setAttempt((n) => n + 1)}>
              {t.retry}
            </button>
            <button type="button" className="demo-skip" onClick={onDone}>
              {t.skip}
            </button>
          </>
        )}
      </div>
    </div>
  );
}
