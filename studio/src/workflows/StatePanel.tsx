import { useState } from 'react';
import { useStudioLang } from '../app/lang';
import type { Issue as DefinitionIssue } from '@lodestar/core';
import { Checkbox, IssueNotes, Select, TextInput } from '../ui/controls';
import { WORKFLOW_MESSAGES } from './messages';
import { isFinal, listEdges, pointingAt, statePointer, stateTitle, type Edge } from './model';
import { PANEL_MESSAGES } from './panel-messages';
import type { FieldOption } from './ParamsForm';
import { StageFieldRules } from './StageFieldRules';
import { ApprovalEditor } from './ApprovalEditor';
import { AdvancedId } from './AdvancedId';
import { ActionsEditor } from './ActionsEditor';
import { PARAM_MESSAGES } from './param-messages';
import { edgeLabel } from './edge-words';
import { AutomaticTransitions } from './AutomaticTransitions';
import { ConfirmDialog } from './ConfirmDialog';
import { DESIGNER_MESSAGES } from './designer-messages';
import { DurationInput } from './DurationInput';
import { TimedTransitions } from './TimedTransitions';
import type { Library, StateMeta, Workflow } from './types';
import { STATE_ID } from './workflow-edits';
import { useMessages } from '@lodestar/ui-shared';

interface Props {
  workflow: Workflow;
  name: string;
  issues: DefinitionIssue[];
  /** The bound entity's fields, for the stage's field rules. */
  fields: FieldOption[];
  /** The bound entity's date fields, for timers relative to a date. */
  dateFields: FieldOption[];
  library: Library;
  /** The state's id when it was published (renamedFrom, or its id), undefined for a new state. */
  publishedAs?: string;
  onEdit(change: (w: Workflow) => void): void;
  onRename(id: string): void;
  onMeta(patch: Partial<StateMeta>): void;
  onInitial(): void;
  onFinal(final: boolean): void;
  onRemove(): void;
  onSelectEdge(edge: Edge): void;
  onClose(): void;
}

/** One stage: titles, color, probability, outcome, stuck time, initial / final, its transitions out. */
export function StatePanel({
  workflow,
  name,
  issues,
  fields,
  dateFields,
  library,
  publishedAs,
  onEdit,
  onRename,
  onMeta,
  onInitial,
  onFinal,
  onRemove,
  onSelectEdge,
  onClose,
}: Props) {
  const t = useMessages(PANEL_MESSAGES);
  const p = useMessages(PARAM_MESSAGES);
  const w = useMessages(WORKFLOW_MESSAGES);
  const m = useMessages(DESIGNER_MESSAGES);
  const { lang } = useStudioLang();
  const [confirming, setConfirming] = useState(false);
  const state = workflow.states[name]!;
  const meta = state.meta ?? {};
  const title = (
    typeof meta.title === 'object' ? meta.title : { zh: meta.title ?? '', en: meta.title ?? '' }
  ) as Record<string, string>;
  const initial = workflow.initial === name;
  const pointers = pointingAt(workflow, name).map((n) => stateTitle(workflow, n, lang));
  const out = listEdges(workflow).filter((e) => e.ref.source === name);
  const percent = typeof meta.probability === 'number' ? String(Math.round(meta.probability * 1000) / 10) : '';
  const setPercent = (v: string) =>
    onMeta({ probability: v === '' ? undefined : Math.min(1, Math.max(0, Number(v) / 100)) });
  return (
    <aside className="wf-panel" aria-label={t.stateHeading} data-panel="state" data-state-panel={name}>
      <header className="wf-panel-head">
        <h2>{t.stateHeading}</h2>
        <button type="button" className="icon-button" aria-label={w.close} onClick={onClose}>
          ×
        </button>
      </header>
      <IssueNotes issues={issues} prefix={statePointer(name)} testId="state-issues" />
      <div className="wf-pair">
        <TextInput label={w.titleZh} value={title.zh ?? ''} onChange={(v) => onMeta({ title: { ...title, zh: v } })} />
        <TextInput label={w.titleEn} value={title.en ?? ''} onChange={(v) => onMeta({ title: { ...title, en: v } })} />
      </div>
      <div className="wf-pair">
        <div className="control">
          <label className="control-label" htmlFor={`color-${name}`}>
            {t.color}
          </label>
          <input
            id={`color-${name}`}
            className="wf-color"
            type="color"
            value={/^#[0-9a-f]{6}$/i.test(meta.color ?? '') ? meta.color : '#94a3b8'}
            onChange={(e) => onMeta({ color: e.target.value })}
          />
        </div>
        <TextInput label={t.probability} type="number" value={percent} onChange={setPercent} />
      </div>
      <div className="wf-pair">
        <Select
          label={t.outcome}
          value={meta.outcome ?? ''}
          options={[
            { value: '', label: '—' },
            ...['open', 'won', 'lost'].map((o) => ({ value: o, label: t.outcomes[o]! })),
          ]}
          onChange={(v) => onMeta({ outcome: (v || undefined) as StateMeta['outcome'] })}
        />
      </div>
      {/* Stuck-after is ISO only in the engine (no business days); the SLA may be in business days. */}
      <DurationInput
        label={t.stuckAfter}
        value={meta.stuckAfter}
        businessDays={false}
        onChange={(v) => onMeta({ stuckAfter: v })}
      />
      {/* The stage's service level: an `after.sla` transition of the state fires when it runs out. */}
      <DurationInput label={t.sla} value={meta.sla} hint={t.slaHint} onChange={(v) => onMeta({ sla: v })} />
      {/* The owner's warning before the SLA runs out (meta.slaWarnAt); the engine warns at 80 % without it. */}
      {(meta.sla !== undefined || meta.slaWarnAt !== undefined) && (
        <DurationInput
          label={t.slaWarnAt}
          value={meta.slaWarnAt}
          hint={t.slaWarnAtHint}
          onChange={(v) => onMeta({ slaWarnAt: v })}
        />
      )}
      <div className="check-row">
        <Checkbox label={t.isInitial} checked={initial} onChange={(on) => on && onInitial()} />
        <Checkbox label={t.isFinal} checked={isFinal(state)} onChange={onFinal} />
      </div>
      <StageFieldRules meta={meta} fields={fields} onMeta={onMeta} />
      {/* What the engine does when a record enters the stage (an approved quote becomes an order). */}
      <div data-testid="entry-actions">
        <ActionsEditor
          heading={p.entryActions}
          actions={state.entry ?? []}
          entries={library.actions}
          fields={fields}
          onChange={(actions) =>
            onEdit((w) => {
              const target = w.states[name]!;
              if (actions.length) target.entry = actions;
              else delete target.entry;
            })
          }
        />
      </div>
      <ApprovalEditor workflow={workflow} name={name} meta={meta} issues={issues} onMeta={onMeta} />
      {!isFinal(state) && (
        <>
          <TimedTransitions
            workflow={workflow}
            name={name}
            library={library}
            fields={fields}
            dateFields={dateFields}
            onEdit={onEdit}
          />
          <AutomaticTransitions workflow={workflow} name={name} library={library} fields={fields} onEdit={onEdit} />
        </>
      )}
      <h3 className="wf-subhead">{t.leaving}</h3>
      {out.length === 0 ? (
        <p className="muted small">{t.none}</p>
      ) : (
        <ul className="wf-out">
          {out.map((edge) => (
            <li key={edge.id}>
              <button
                type="button"
                className="link-button"
                data-out-event={edge.key}
                onClick={() => onSelectEdge(edge)}
              >
                {edgeLabel(edge, lang, m, dateFields)} → {edge.target ? stateTitle(workflow, edge.target, lang) : '—'}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="wf-panel-foot">
        {initial ? (
          <p className="muted small">{t.cannotRemoveInitial}</p>
        ) : (
          pointers.length > 0 && (
            <p className="muted small">{t.pointedBy(pointers.join(lang === 'zh' ? '、' : ', '))}</p>
          )
        )}
        <button type="button" className="button button-danger" disabled={initial} onClick={() => setConfirming(true)}>
          {t.removeState}
        </button>
        <AdvancedId
          label={m.stateId}
          id={name}
          pattern={STATE_ID}
          taken={Object.keys(workflow.states)}
          note={publishedAs && publishedAs !== name ? m.renamedFrom(publishedAs) : undefined}
          onRename={onRename}
        />
      </div>
      {confirming && (
        <ConfirmDialog
          title={m.removeState(stateTitle(workflow, name, lang))}
          body={m.removeStateBody}
          onClose={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            onRemove();
          }}
        />
      )}
    </aside>
  );
}
