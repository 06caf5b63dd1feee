import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { titleOf, useMessages } from '@lodestar/ui-shared';
import { useStudioLang } from '../app/lang';
import { useDraft } from '../draft/DraftContext';
import type { Issue as DefinitionIssue } from '@lodestar/core';
import { BindingFields } from './BindingFields';
import { IssueList } from './IssueList';
import { SchedulesPanel } from './SchedulesPanel';
import { setSchedules } from '../schedules/schedule-edits';
import { WORKFLOW_MESSAGES } from './messages';
import { listEdges, statePointer, stateTitle, text, workflowIn, type Edge } from './model';
import { StageDialog } from './StageDialog';
import { StatePanel } from './StatePanel';
import { TransitionDialog } from './TransitionDialog';
import { TransitionPanel } from './TransitionPanel';
import type { EdgeRef, Workflow } from './types';
import { useLibrary } from './useLibrary';
import { issuesUnder, locate, stateOwnIssues, workflowIssues } from './wf-issues';
import * as edits from './workflow-edits';
import { renameState } from './rename-state';
import { WorkflowGraph } from './WorkflowGraph';
import { ConditionEntity } from '../rules/ConditionInput';
import './workflows.css';

type Selection = { state: string } | { edge: string } | null;
type Adding =
  { what: 'state' } | { what: 'transition' } | { what: 'insert'; ref: EdgeRef; from: string; to: string } | null;

/** One workflow of the draft as a graph, with a side panel for the selected stage or transition. */
export function WorkflowDesigner() {
  const { id = '' } = useParams();
  const draft = useDraft();
  const t = useMessages(WORKFLOW_MESSAGES);
  const { lang } = useStudioLang();
  const library = useLibrary();
  const [selected, setSelected] = useState<Selection>(null);
  const [adding, setAdding] = useState<Adding>(null);
  const workflow = workflowIn(draft.definitions, id);
  if (!workflow) {
    return (
      <div className="notice">
        <strong>{t.notFound(id)}</strong>
        <Link to="/workflows">{t.back}</Link>
      </div>
    );
  }
  const edit = (change: (w: Workflow) => void) => draft.update((set) => change(workflowIn(set, id)!));
  const issues = workflowIssues(draft.definitions, draft.issues, id);
  const entity = draft.definitions.entities.find((e) => e.$id === workflow.meta.entity);
  const fields = Object.entries(entity?.properties ?? {}).map(([name, field]) => ({
    value: name,
    label: titleOf(field, lang, name),
  }));
  const dateFields = Object.entries(entity?.properties ?? {})
    .filter(([, field]) => ['date', 'date-time'].includes(String((field as { format?: string }).format)))
    .map(([name, field]) => ({ value: name, label: titleOf(field, lang, name) }));
  const published = workflowIn(draft.published, id);
  const edge = selected && 'edge' in selected ? listEdges(workflow).find((e) => e.id === selected.edge) : undefined;
  const state = selected && 'state' in selected && selected.state in workflow.states ? selected.state : undefined;
  const bind = (entityId: string, recordType?: string) =>
    edit((w) => {
      w.meta.entity = entityId;
      if (recordType) w.meta.recordType = recordType;
      else delete w.meta.recordType;
    });
  // Timed and automatic transitions are edited in the panel of the stage they leave.
  const selectEdge = (e: Edge) => setSelected(e.kind === 'on' ? { edge: e.id } : { state: e.ref.source });
  const refId = (ref: EdgeRef) => `${ref.source}|on|${ref.event}|${ref.index ?? ''}`;
  const pickIssue = (issue: DefinitionIssue) => {
    const at = locate(issue.pointer);
    if (at.event && at.state) setSelected({ edge: refId({ source: at.state, event: at.event, index: at.index }) });
    else if (at.state) setSelected({ state: at.state });
  };
  return (
    <ConditionEntity.Provider value={workflow.meta.entity}>
      <div className="wf-designer">
        <nav className="crumbs">
          <Link to="/workflows">← {t.back}</Link>
        </nav>
        <header className="designer-head">
          <div>
            <h1>{text(workflow.meta.title, lang, id)}</h1>
          </div>
          <BindingFields workflow={workflow} onChange={bind} />
        </header>
        <div className="wf-toolbar">
          <button type="button" className="button button-quiet" onClick={() => setAdding({ what: 'state' })}>
            + {t.addState}
          </button>
          <button type="button" className="button button-quiet" onClick={() => setAdding({ what: 'transition' })}>
            + {t.addTransition}
          </button>
          <span className="muted small">{t.hint}</span>
        </div>
        <div className="wf-canvas">
          <WorkflowGraph
            workflow={workflow}
            issues={issues}
            dateFields={dateFields}
            selected={{ state, edge: edge?.id }}
            onSelectState={(name) => setSelected({ state: name })}
            onSelectEdge={selectEdge}
            onClear={() => setSelected(null)}
          />
          {state && (
            <StatePanel
              key={state}
              workflow={workflow}
              name={state}
              issues={stateOwnIssues(issues, statePointer(state))}
              fields={fields}
              dateFields={dateFields}
              library={library}
              publishedAs={
                workflow.states[state]?.meta?.renamedFrom ??
                (published && state in published.states ? state : undefined)
              }
              onEdit={edit}
              onRename={(next) => {
                edit((w) => renameState(w, state, next, Object.keys(published?.states ?? {})));
                setSelected({ state: next });
              }}
              onMeta={(patch) => edit((w) => edits.setStateMeta(w, state, patch))}
              onInitial={() => edit((w) => void (w.initial = state))}
              onFinal={(final) => edit((w) => edits.setFinal(w, state, final))}
              onRemove={() => {
                edit((w) => edits.removeState(w, state));
                setSelected(null);
              }}
              onSelectEdge={selectEdge}
              onClose={() => setSelected(null)}
            />
          )}
          {edge && (
            <TransitionPanel
              key={edge.id}
              workflow={workflow}
              edge={edge}
              library={library}
              fields={fields}
              issues={issuesUnder(issues, `${statePointer(edge.ref.source)}/${edge.kind}/${edge.key}`)}
              onChange={(next) => edit((w) => edits.setTransition(w, edge.ref, next))}
              onRenameEvent={(event) => {
                edit((w) => edits.renameEvent(w, edge.ref, event));
                setSelected({ edge: refId({ ...edge.ref, event }) });
              }}
              onInsert={() =>
                setAdding({
                  what: 'insert',
                  ref: edge.ref,
                  from: stateTitle(workflow, edge.ref.source, lang),
                  to: stateTitle(workflow, edge.target!, lang),
                })
              }
              onRemove={() => {
                edit((w) => edits.removeTransition(w, edge.ref));
                setSelected(null);
              }}
              onClose={() => setSelected(null)}
            />
          )}
        </div>
        <SchedulesPanel
          workflow={workflow}
          fields={fields}
          issues={issuesUnder(issues, '/meta/schedules')}
          onChange={(schedules) => edit((w) => setSchedules(w, schedules))}
        />
        <IssueList workflow={workflow} issues={issues} onPick={pickIssue} />
        {(adding?.what === 'state' || adding?.what === 'insert') && (
          <StageDialog
            taken={Object.keys(workflow.states)}
            between={adding.what === 'insert' ? { from: adding.from, to: adding.to } : undefined}
            onClose={() => setAdding(null)}
            onApply={(stage) => {
              if (adding.what === 'insert') edit((w) => edits.insertStage(w, adding.ref, stage));
              else
                edit((w) =>
                  edits.addState(w, stage.id, { meta: { title: stage.title, color: '#94a3b8', outcome: 'open' } }),
                );
              setAdding(null);
              setSelected({ state: stage.id });
            }}
          />
        )}
        {adding?.what === 'transition' && (
          <TransitionDialog
            workflow={workflow}
            from={state}
            onClose={() => setAdding(null)}
            onApply={(n) => {
              edit((w) => edits.addTransition(w, n.from, n.event, { target: n.to, meta: { title: n.title } }));
              setAdding(null);
              setSelected({ edge: refId({ source: n.from, event: n.event }) });
            }}
          />
        )}
      </div>
    </ConditionEntity.Provider>
  );
}
