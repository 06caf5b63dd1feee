import { useStudioLang } from '../app/lang';
import { issueMessage } from '../draft/issues';
import type { Issue as DefinitionIssue } from '@lodestar/core';
import { WORKFLOW_MESSAGES } from './messages';
import { useMessages } from '@lodestar/ui-shared';
import { issuePlace } from './issue-place';
import type { Workflow } from './types';

/** Every engine issue of the workflow, where it is said by titles; one that points at a stage or transition selects it. */
export function IssueList({
  workflow,
  issues,
  onPick,
}: {
  workflow: Workflow;
  issues: DefinitionIssue[];
  onPick(issue: DefinitionIssue): void;
}) {
  const t = useMessages(WORKFLOW_MESSAGES);
  const { lang } = useStudioLang();
  return (
    <section className="panel wf-issues" aria-labelledby="wf-issues-heading" data-testid="workflow-issues">
      <header className="panel-head">
        <h2 id="wf-issues-heading">{t.issuesHeading}</h2>
        {issues.length > 0 && <span className="issue-count">{t.problems(issues.length)}</span>}
      </header>
      {issues.length === 0 ? (
        <p className="panel-empty muted">{t.noIssues}</p>
      ) : (
        <ul className="wf-issue-list">
          {issues.map((issue, i) => (
            <li key={i}>
              <button type="button" className="link-button" onClick={() => onPick(issue)}>
                {issuePlace(workflow, issue.pointer, lang)}
              </button>
              <span>{issueMessage(issue, lang)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
