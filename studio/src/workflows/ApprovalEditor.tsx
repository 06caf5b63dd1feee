import { titleOf, useMessages } from '@lodestar/ui-shared';
import type { Issue as DefinitionIssue } from '@lodestar/core';
import { useStudioLang } from '../app/lang';
import { useDraft } from '../draft/DraftContext';
import { IssueNotes, Select, TextInput } from '../ui/controls';
import {
  approvalPatch,
  approverOf,
  freeStepId,
  kindOf,
  movedStep,
  stepsOf,
  withStep,
  type ApprovalStep,
  type ApprovalSteps,
  type ApproverKind,
} from './approval-edits';
import { ConditionInput } from '../rules/ConditionInput';
import { APPROVAL_MESSAGES } from './approval-messages';
import './approval-editor.css';
import { statePointer, text } from './model';
import type { StateMeta, Workflow } from './types';

interface Props {
  workflow: Workflow;
  name: string;
  meta: StateMeta;
  issues: DefinitionIssue[];
  onMeta(patch: Partial<StateMeta>): void;
}

/**
 * A stage's approval as a small form: all or any, in sequence or at once, and its steps, each an approver
 * (the owner's manager, a role, a user field) with an optional threshold formula. `{ role }` shows as one step.
 */
export function ApprovalEditor({ workflow, name, meta, issues, onMeta }: Props) {
  const t = useMessages(APPROVAL_MESSAGES);
  const { lang } = useStudioLang();
  const draft = useDraft();
  const approval = stepsOf(meta);
  const roleMap = draft.definitions.roles?.roles ?? {};
  const roles = Object.keys(roleMap);
  const roleOptions = roles.map((role) => ({ value: role, label: text(roleMap[role]?.title, lang, role) }));
  const entity = draft.definitions.entities.find((e) => e.$id === workflow.meta.entity);
  const userFields = Object.entries(entity?.properties ?? {})
    .filter(([, field]) => field['x-user'] === true)
    .map(([field, definition]) => ({ value: field, label: titleOf(definition, lang, field) }));
  const set = (next: ApprovalSteps | undefined) => onMeta(approvalPatch(next));
  const at = `${statePointer(name)}/meta/approval`;
  return (
    <section className="wf-approval" data-approval-editor>
      <h3 className="wf-subhead">{t.heading}</h3>
      <p className="muted small">{t.hint}</p>
      <IssueNotes issues={issues.filter((i) => i.pointer === at)} prefix={at} />
      {!approval ? (
        <>
          <p className="muted small">{t.none}</p>
          <button
            type="button"
            className="button button-quiet"
            onClick={() =>
              set({ mode: 'all', order: 'sequence', steps: [{ id: 'manager', approver: { ownerManager: true } }] })
            }
          >
            {t.add}
          </button>
        </>
      ) : (
        <>
          <div className="wf-pair">
            <Select
              label={t.mode}
              value={approval.mode ?? 'all'}
              options={['all', 'any'].map((m) => ({ value: m, label: t.modes[m]! }))}
              onChange={(v) => set({ ...approval, mode: v as 'all' | 'any' })}
            />
            <Select
              label={t.order}
              value={approval.order ?? 'parallel'}
              options={['sequence', 'parallel'].map((o) => ({ value: o, label: t.orders[o]! }))}
              onChange={(v) => set({ ...approval, order: v as 'parallel' | 'sequence' })}
            />
          </div>
          <ol className="wf-approval-steps">
            {approval.steps.map((step, i) => (
              <StepForm
                key={i}
                index={i}
                count={approval.steps.length}
                step={step}
                roles={roleOptions}
                userFields={userFields}
                issues={issues}
                pointer={`${at}/steps/${i}`}
                onChange={(patch) => set(withStep(approval, i, patch))}
                onMove={(by) => set(movedStep(approval, i, by))}
                onRemove={() =>
                  set(
                    approval.steps.length > 1
                      ? { ...approval, steps: approval.steps.filter((_, j) => j !== i) }
                      : undefined,
                  )
                }
              />
            ))}
          </ol>
          <div className="wf-approval-actions">
            <button
              type="button"
              className="button button-quiet"
              onClick={() =>
                set({
                  ...approval,
                  steps: [...approval.steps, { id: freeStepId(approval.steps), approver: { role: roles[0] ?? '' } }],
                })
              }
            >
              {t.addStep}
            </button>
            <button type="button" className="button button-quiet" onClick={() => set(undefined)}>
              {t.remove}
            </button>
          </div>
        </>
      )}
    </section>
  );
}

function StepForm(props: {
  index: number;
  count: number;
  step: ApprovalStep;
  roles: { value: string; label: string }[];
  userFields: { value: string; label: string }[];
  issues: DefinitionIssue[];
  pointer: string;
  onChange(patch: Partial<ApprovalStep>): void;
  onMove(by: -1 | 1): void;
  onRemove(): void;
}) {
  const { index, step, roles, userFields, pointer, onChange } = props;
  const t = useMessages(APPROVAL_MESSAGES);
  const kind = kindOf(step.approver);
  const title = typeof step.title === 'object' ? step.title : { zh: step.title ?? '', en: step.title ?? '' };
  const label = (what: string) => `${t.step(index + 1)} · ${what}`;
  const mine = props.issues.filter((i) => i.pointer === pointer || i.pointer.startsWith(`${pointer}/`));
  return (
    <li className="wf-approval-step" data-approval-step={step.id}>
      <div className="wf-approval-step-head">
        <strong>{t.step(index + 1)}</strong>
        <span className="wf-approval-step-tools">
          <button
            type="button"
            className="button button-quiet button-small"
            disabled={index === 0}
            onClick={() => props.onMove(-1)}
          >
            {t.up}
          </button>
          <button
            type="button"
            className="button button-quiet button-small"
            disabled={index === props.count - 1}
            onClick={() => props.onMove(1)}
          >
            {t.down}
          </button>
          <button
            type="button"
            className="button button-quiet button-small"
            aria-label={label(t.removeStep)}
            onClick={props.onRemove}
          >
            {t.removeStep}
          </button>
        </span>
      </div>
      <IssueNotes issues={mine} prefix={pointer} />
      <div className="wf-pair">
        <TextInput
          label={label(t.titleZh)}
          value={title.zh ?? ''}
          onChange={(v) => onChange({ title: { ...title, zh: v } })}
        />
        <TextInput
          label={label(t.titleEn)}
          value={title.en ?? ''}
          onChange={(v) => onChange({ title: { ...title, en: v } })}
        />
      </div>
      <div className="wf-pair">
        <Select
          label={label(t.kind)}
          value={kind}
          options={(['ownerManager', 'role', 'userField'] as const).map((k) => ({ value: k, label: t.kinds[k]! }))}
          onChange={(v) =>
            onChange({
              approver: approverOf(
                v as ApproverKind,
                roles.map((r) => r.value),
                userFields.map((f) => f.value),
              ),
            })
          }
        />
      </div>
      {'role' in step.approver && (
        <Select
          label={label(t.role)}
          value={step.approver.role}
          options={[{ value: '', label: '—' }, ...roles]}
          onChange={(v) => onChange({ approver: { role: v } })}
        />
      )}
      {'userField' in step.approver &&
        (userFields.length ? (
          <Select
            label={label(t.userField)}
            value={step.approver.userField}
            options={[{ value: '', label: '—' }, ...userFields]}
            onChange={(v) => onChange({ approver: { userField: v } })}
          />
        ) : (
          <p className="muted small">{t.noUserFields}</p>
        ))}
      <ConditionInput
        label={label(t.when)}
        hint={t.whenHint}
        relations={false}
        value={step.when ?? ''}
        onChange={(v) => onChange({ when: v ?? '' })}
      />
      {/* The id is made for the step (step1, step2…); approvals record it, so it is changed only here. */}
      <details className="wf-advanced">
        <summary>{t.advanced}</summary>
        <TextInput label={label(t.stepId)} value={step.id} mono onChange={(v) => onChange({ id: v })} />
      </details>
    </li>
  );
}
