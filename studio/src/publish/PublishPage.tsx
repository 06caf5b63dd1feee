import { useState } from 'react';
import { Link } from 'react-router';
import { api, ApiError, TitleRow, useMessages } from '@lodestar/ui-shared';
import { useStudioLang } from '../app/lang';
import { issueMessage } from '../draft/issues';
import { useDraft } from '../draft/DraftContext';
import { DRAFT } from '../draft/load-draft';
import type { Issue as DefinitionIssue } from '@lodestar/core';
import { PUBLISH_MESSAGES } from './messages';
import { PlanSteps } from './PlanSteps';
import { StateMappingPicker, type StateMapping } from './StateMapping';
import { PublishAction } from './PublishAction';
import { ReviewSetting } from './ReviewSetting';
import { usePlan } from './usePlan';
import './publish.css';

/** Plans the draft, shows every step, and publishes it once blocked steps are gone and lost data is confirmed. */
export function PublishPage() {
  const draft = useDraft();
  const t = useMessages(PUBLISH_MESSAGES);
  const { lang } = useStudioLang();
  const [published, setPublished] = useState<number>();
  const [failure, setFailure] = useState<{ message: string; issues: DefinitionIssue[]; stale: boolean }>();
  const [stateMapping, setStateMapping] = useState<StateMapping>({});
  const [settingChanges, setSettingChanges] = useState(0);
  const [plan, replan] = usePlan(draft.hasDraft && published === undefined, draft.flush, stateMapping);

  const publish = async (note: string, confirmDestructive: boolean) => {
    setFailure(undefined);
    try {
      const result = await api('post', '/meta/drafts/{id}/publish', {
        params: DRAFT,
        body: { confirmDestructive, stateMapping, ...(note && { note }) },
      });
      setPublished(result.version);
      draft.reload();
    } catch (error) {
      const api = error instanceof ApiError ? error : undefined;
      // The setting may have been turned on meanwhile: the review status is asked again.
      if (api?.problem.type?.endsWith('/review-required')) setSettingChanges((n) => n + 1);
      setFailure({
        message: (error as Error).message,
        issues: (api?.issues ?? []) as DefinitionIssue[],
        stale: api?.status === 409 && !api.problem.type?.endsWith('/review-required'),
      });
    }
  };

  return (
    <>
      <TitleRow heading={t.heading} subheading={t.subheading} />
      <ReviewSetting onChange={() => setSettingChanges((n) => n + 1)} />
      {published !== undefined ? (
        <div className="notice notice-success" role="status" data-testid="published">
          <strong>{t.published(published)}</strong>
          <span className="notice-detail">{t.publishedHint}</span>
          <a className="button" href="/">
            {t.openApp}
          </a>
        </div>
      ) : !draft.hasDraft ? (
        <div className="notice">
          <span>{t.noDraft}</span>
          <Link className="button" to="/entities">
            {t.toEntities}
          </Link>
        </div>
      ) : (
        <section className="panel publish-panel" aria-busy={plan.status === 'planning'}>
          {plan.status === 'planning' && (
            <p className="muted" role="status">
              {t.planning}
            </p>
          )}
          {plan.status === 'invalid' && (
            <div className="notice notice-error" role="alert">
              <strong>{t.invalid}</strong>
              <ul className="issue-notes">
                {plan.issues.map((issue, i) => (
                  <li key={i}>
                    <code>{issue.file}</code> <code>{issue.pointer}</code> {issueMessage(issue, lang)}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {plan.status === 'failed' && (
            <div className="notice notice-error" role="alert">
              <strong>{t.planFailed}</strong>
              <span className="notice-detail">{plan.message}</span>
            </div>
          )}
          {plan.status === 'ready' && (
            <>
              <header className="plan-head">
                <span className="badge">{t.base(plan.plan.baseVersion)}</span>
                <span className="muted">{t.steps(plan.plan.steps.length)}</span>
                <button type="button" className="link-button" onClick={replan}>
                  {t.replan}
                </button>
              </header>
              {plan.plan.steps.length === 0 ? (
                <p className="muted">{t.noSteps}</p>
              ) : (
                <PlanSteps steps={plan.plan.steps} />
              )}
              <StateMappingPicker steps={plan.plan.steps} mapping={stateMapping} onChange={setStateMapping} />
              {failure && (
                <div className="notice notice-error" role="alert" data-testid="publish-failed">
                  <strong>{failure.stale ? t.stale : t.publishFailed}</strong>
                  <span className="notice-detail">{failure.message}</span>
                  {failure.issues.map((issue, i) => (
                    <span key={i} className="notice-detail">
                      <code>{issue.pointer}</code> {issueMessage(issue, lang)}
                    </span>
                  ))}
                </div>
              )}
              <PublishAction
                steps={plan.plan.steps}
                stateMapping={stateMapping}
                refreshKey={`${JSON.stringify(plan.plan.steps.map((s) => s.safety))}-${settingChanges}`}
                onPublish={publish}
              />
            </>
          )}
        </section>
      )}
    </>
  );
}
