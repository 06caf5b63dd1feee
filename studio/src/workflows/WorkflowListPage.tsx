import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { titleOf, TitleRow, useMessages } from '@lodestar/ui-shared';
import { useStudioLang } from '../app/lang';
import { useDraft } from '../draft/DraftContext';
import { WORKFLOW_MESSAGES } from './messages';
import { text } from './model';
import { workflowIssues } from './wf-issues';
import { ConfirmDialog } from './ConfirmDialog';
import { DESIGNER_MESSAGES } from './designer-messages';
import { NewWorkflowDialog } from './NewWorkflowDialog';
import { copyWorkflow, createWorkflow, removeWorkflow } from './workflow-set-edits';
import './workflows.css';

/** Every workflow of the draft: its title, what it is bound to, how many stages, its problems; new, copy, remove. */
export function WorkflowListPage() {
  const draft = useDraft();
  const { lang } = useStudioLang();
  const t = useMessages(WORKFLOW_MESSAGES);
  const m = useMessages(DESIGNER_MESSAGES);
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const [removing, setRemoving] = useState<{ id: string; title: string }>();
  const copy = (id: string, title: { zh: string; en: string }) => {
    let made: string | undefined;
    draft.update((set) => void (made = copyWorkflow(set, id, title)));
    if (made) navigate(`/workflows/${made}`);
  };
  return (
    <>
      <TitleRow heading={t.heading} subheading={t.subheading} />
      <div className="wf-list-head">
        <button type="button" className="button" onClick={() => setCreating(true)}>
          + {m.newWorkflow}
        </button>
      </div>
      <section className="panel wf-list-panel">
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
              <th scope="col">
                <span className="wf-sr-only">{m.actionsHeading}</span>
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
                  <td>
                    <span className="wf-list-actions">
                      <button
                        type="button"
                        className="link-button"
                        onClick={() =>
                          copy(workflow.id, {
                            zh: DESIGNER_MESSAGES.zh.copyTitle(text(workflow.meta.title, 'zh', workflow.id)),
                            en: DESIGNER_MESSAGES.en.copyTitle(text(workflow.meta.title, 'en', workflow.id)),
                          })
                        }
                      >
                        {m.copyWorkflow}
                      </button>
                      <button
                        type="button"
                        className="link-button danger"
                        onClick={() =>
                          setRemoving({ id: workflow.id, title: text(workflow.meta.title, lang, workflow.id) })
                        }
                      >
                        {m.removeWorkflow}
                      </button>
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      {creating && (
        <NewWorkflowDialog
          onClose={() => setCreating(false)}
          onApply={(next) => {
            let made = '';
            draft.update((set) => void (made = createWorkflow(set, next)));
            setCreating(false);
            navigate(`/workflows/${made}`);
          }}
        />
      )}
      {removing && (
        <ConfirmDialog
          title={m.removeWorkflowTitle(removing.title)}
          body={m.removeWorkflowBody}
          onClose={() => setRemoving(undefined)}
          onConfirm={() => {
            draft.update((set) => removeWorkflow(set, removing.id));
            setRemoving(undefined);
          }}
        />
      )}
    </>
  );
}
