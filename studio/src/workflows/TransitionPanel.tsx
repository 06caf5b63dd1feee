import { useState } from 'react';
import { useStudioLang } from '../app/lang';
import type { Issue as DefinitionIssue } from '@lodestar/core';
import { IssueNotes, Select, TextInput } from '../ui/controls';
import { ActionsEditor } from './ActionsEditor';
import { WORKFLOW_MESSAGES } from './messages';
import { edgePointer, stateTitle, text, type Edge } from './model';
import { PANEL_MESSAGES } from './panel-messages';
import type { FieldOption } from './ParamsForm';
import { ReferenceEditor } from './ReferenceEditor';
import type { Library, Transition, Workflow } from './types';
import { EVENT_NAME } from './workflow-edits';
import { ConfirmDialog } from './ConfirmDialog';
import { DESIGNER_MESSAGES } from './designer-messages';
import { useMessages } from '@lodestar/ui-shared';

interface Props {
  workflow: Workflow;
  edge: Edge;
  library: Library;
  fields: FieldOption[];
  issues: DefinitionIssue[];
  onChange(transition: Transition): void;
  onRenameEvent(event: string): void;
  onInsert(): void;
  onRemove(): void;
  onClose(): void;
}

/** One transition: its event, titles, target, guard and actions; or insert a stage in its middle. */
export function TransitionPanel({
  workflow,
  edge,
  library,
  fields,
  issues,
  onChange,
  onRenameEvent,
  onInsert,
  onRemove,
  onClose,
}: Props) {
  const t = useMessages(PANEL_MESSAGES);
  const w = useMessages(WORKFLOW_MESSAGES);
  const { lang } = useStudioLang();
  const m = useMessages(DESIGNER_MESSAGES);
  const [confirming, setConfirming] = useState(false);
  const [event, setEvent] = useState(edge.key);
  const transition = edge.transition;
  const title = (
    transition.meta?.title && typeof transition.meta.title === 'object' ? transition.meta.title : {}
  ) as Record<string, string>;
  const setTitle = (key: 'zh' | 'en', value: string) =>
    onChange({ ...transition, meta: { ...transition.meta, title: { ...title, [key]: value } } });
  const taken = event !== edge.key && event in (workflow.states[edge.ref.source]?.on ?? {});
  const eventError = !EVENT_NAME.test(event) ? w.eventPattern : taken ? w.eventTaken : undefined;
  const rename = (next: string) => {
    setEvent(next);
    if (EVENT_NAME.test(next) && !(next in (workflow.states[edge.ref.source]?.on ?? {}))) onRenameEvent(next);
  };
  const states = Object.keys(workflow.states).map((n) => ({ value: n, label: stateTitle(workflow, n, lang) }));
  const target = transition.target ?? '';
  if (target && !(target in workflow.states)) states.push({ value: target, label: t.unknownTarget(target) });
  const editable = edge.kind === 'on';
  return (
    <aside className="wf-panel" aria-label={t.transitionHeading} data-panel="transition" data-edge={edge.id}>
      <header className="wf-panel-head">
        <h2>{t.transitionHeading}</h2>
        <button type="button" className="icon-button" aria-label={w.close} onClick={onClose}>
          ×
        </button>
      </header>
      <IssueNotes issues={issues} prefix={edgePointer(edge.ref)} testId="transition-issues" />
      <p className="muted small">
        {t.source}: <strong>{stateTitle(workflow, edge.ref.source, lang)}</strong>
      </p>
      {!editable ? (
        <p className="muted">{t.timer}</p>
      ) : (
        <>
          <div className="wf-pair">
            <TextInput label={w.titleZh} value={title.zh ?? ''} onChange={(v) => setTitle('zh', v)} />
            <TextInput label={w.titleEn} value={title.en ?? ''} onChange={(v) => setTitle('en', v)} />
          </div>
          <Select
            label={t.target}
            value={target}
            options={states}
            onChange={(next) => onChange({ ...transition, target: next })}
          />
          <ReferenceEditor
            label={t.guard}
            noneLabel={t.noGuard}
            entries={library.guards}
            value={transition.guard}
            fields={fields}
            onChange={(guard) => onChange(withKey(transition, 'guard', guard))}
          />
          <ActionsEditor
            actions={transition.actions ?? []}
            entries={library.actions}
            fields={fields}
            onChange={(actions) => onChange(withKey(transition, 'actions', actions.length ? actions : undefined))}
          />
          <div className="wf-panel-actions">
            <button
              type="button"
              className="button button-quiet"
              disabled={!target || !(target in workflow.states)}
              onClick={onInsert}
            >
              {w.insertStage}
            </button>
            <button type="button" className="link-button danger" onClick={() => setConfirming(true)}>
              {t.removeTransition}
            </button>
          </div>
          <details className="wf-advanced">
            <summary>{m.advanced}</summary>
            <TextInput
              label={m.eventId}
              value={event}
              mono
              onChange={(v) => rename(v.toUpperCase())}
              hint={eventError ?? m.idHint}
            />
          </details>
          {confirming && (
            <ConfirmDialog
              title={m.removeTransition(text(transition.meta?.title, lang, edge.key))}
              onClose={() => setConfirming(false)}
              onConfirm={() => {
                setConfirming(false);
                onRemove();
              }}
            />
          )}
        </>
      )}
    </aside>
  );
}

function withKey<K extends keyof Transition>(
  transition: Transition,
  key: K,
  value: Transition[K] | undefined,
): Transition {
  const next = { ...transition };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}
