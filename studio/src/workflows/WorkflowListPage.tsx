import { Link } from 'react-router';
import { titleOf, TitleRow, useMessages } from '@lodestar/ui-shared';
import { useStudioLang } from '../app/lang';
import { useDraft } from '../draft/DraftContext';
import { WORKFLOW_MESSAGES } from './messages';
import { text } from './model';
import { workflowIssues } from './wf-issues';
import './workflows.css';

/** Every workflow of the draft: its title, what it is bound to, how many stages, its problems. */
export function WorkflowListPage() {
  const draft = useDraft();
  const { lang } = useStudioLang();
  const t = useMessages(WORKFLOW_MESSAGES);
  return (
    <>
      <TitleRow heading={t.heading} subheading={t.subheading} />
      <section className="panel">
        <table className="data-table" aria-label={t.heading}>
          <thead>
            <tr>
              <th scope="col">{t.workflow}</th>
              <th scope="col">{t.entity}</th>
              <th scope="col">{t.recordType}</th>
              <th scope="col">{t.states}</th>
              <th scope="col">
                <span className="wf-sr-only">{t.issuesHeading}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {draft.definitions.workflows.map((workflow) => {
              const entity = draft.definitions.entities.find((e) => e.$id === workflow.meta.entity);
              const type = workflow.meta.recordType
                ? entity?.['x-entity'].recordTypes?.[workflow.meta.recordType]
                : undefined;
              const problems = workflowIssues(draft.definitions, draft.issues, workflow.id).length;
              const states = Object.keys((workflow as { states?: object }).states ?? {}).length;
              return (
                <tr key={workflow.id} data-workflow={workflow.id}>
                  <td>
                    <Link to={`/workflows/${workflow.id}`} className="wf-list-title">
                      {text(workflow.meta.title, lang, workflow.id)}
                    </Link>
                    <code className="muted wf-list-id">{workflow.id}</code>
                  </td>
                  <td>{entity ? titleOf(entity, lang, entity.$id) : workflow.meta.entity}</td>
                  <td>
                    {workflow.meta.recordType ? (
                      text(type?.title, lang, workflow.meta.recordType)
                    ) : (
                      <span className="muted">{t.everyType}</span>
                    )}
                  </td>
                  <td>{states}</td>
                  <td>{problems > 0 && <span className="issue-count">{t.problems(problems)}</span>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
    </>
  );
}
