import { useId, useState } from 'react';
import { useDraft } from '../draft/DraftContext';
import { PlanSteps } from '../publish/PlanSteps';
import { PublishForm } from '../publish/PublishForm';
import { dryRun, install, readTemplateFile, type InstallState } from './install-state';
import { IssueTable } from './IssueTable';
import { TEMPLATE_MESSAGES } from './messages';
import { useMessages } from '@lodestar/ui-shared';

/** Choose a template file → dry run (every issue, or the plan) → confirm → install as a new version. */
export function InstallTemplate() {
  const t = useMessages(TEMPLATE_MESSAGES);
  const draft = useDraft();
  const id = useId();
  const [state, setState] = useState<InstallState>({ status: 'idle' });
  const [failure, setFailure] = useState<InstallState & { status: 'failed' }>();

  const choose = async (file: File | undefined) => {
    setFailure(undefined);
    if (!file) return setState({ status: 'idle' });
    setState({ status: 'checking' });
    const document = await readTemplateFile(file);
    setState(Array.isArray(document) ? { status: 'invalid', issues: document } : await dryRun(document));
  };
  const confirm = async (confirmDestructive: boolean) => {
    if (state.status !== 'planned') return;
    const result = await install(state.document, confirmDestructive);
    if (result.status === 'failed') return setFailure(result);
    setState(result);
    draft.reload(); // the studio now stands on the new version
  };

  return (
    <section className="panel template-panel" aria-label={t.installHeading}>
      <header className="panel-head">
        <div>
          <h2>{t.installHeading}</h2>
          <p className="subtitle">{t.installHint}</p>
        </div>
      </header>
      <div className="template-body">
        <div className="control control-wide">
          <label className="control-label" htmlFor={id}>
            {t.file}
          </label>
          <input
            id={id}
            type="file"
            accept=".json,application/json"
            onChange={(event) => void choose(event.target.files?.[0])}
          />
        </div>
        {state.status === 'checking' && (
          <p className="muted" role="status">
            {t.checking}
          </p>
        )}
        {state.status === 'invalid' && (
          <div className="template-result" role="alert" data-testid="template-issues">
            <p className="template-broken">{t.broken(state.issues.length)}</p>
            <IssueTable issues={state.issues} />
          </div>
        )}
        {state.status === 'failed' && (
          <div className="notice notice-error" role="alert">
            <strong>{t.installFailed}</strong>
            <span className="notice-detail">{state.message}</span>
          </div>
        )}
        {state.status === 'unchanged' && (
          <div className="notice" role="status">
            {t.unchanged(state.version)}
          </div>
        )}
        {state.status === 'installed' && (
          <div className="notice notice-success" role="status" data-testid="template-installed">
            <strong>{t.installed(state.version)}</strong>
            {draft.hasDraft && <span className="notice-detail">{t.draftNote}</span>}
          </div>
        )}
        {state.status === 'planned' && (
          <div className="template-result" data-testid="template-plan">
            <header className="plan-head">
              <strong>{t.planFor(state.template.name, state.template.version)}</strong>
              {state.previous && <span className="badge">{t.upgradeFrom(state.previous.version)}</span>}
            </header>
            {state.plan.steps.length === 0 ? (
              <p className="muted">{t.noSteps}</p>
            ) : (
              <PlanSteps steps={state.plan.steps} />
            )}
            {failure && (
              <div className="notice notice-error" role="alert">
                <strong>{t.installFailed}</strong>
                <span className="notice-detail">{failure.message}</span>
              </div>
            )}
            <PublishForm
              steps={state.plan.steps}
              onPublish={(_note, destructive) => confirm(destructive)}
              action={{ label: t.install, busyLabel: t.installing }}
            />
          </div>
        )}
      </div>
    </section>
  );
}
