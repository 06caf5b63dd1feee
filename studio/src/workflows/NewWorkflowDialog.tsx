import { useState } from 'react';
import { titleOf, useMessages } from '@lodestar/ui-shared';
import { useStudioLang } from '../app/lang';
import { useDraft } from '../draft/DraftContext';
import { Dialog, Select, TextInput } from '../ui/controls';
import { DESIGNER_MESSAGES } from './designer-messages';
import { stateIdFrom, workflowIdFrom } from './ids';
import { WORKFLOW_MESSAGES } from './messages';
import { text } from './model';
import type { NewWorkflow } from './workflow-set-edits';

/** A new workflow: its title, the object (and record type) it runs on, its first stage; ids only under Advanced. */
export function NewWorkflowDialog({ onClose, onApply }: { onClose(): void; onApply(draft: NewWorkflow): void }) {
  const m = useMessages(DESIGNER_MESSAGES);
  const t = useMessages(WORKFLOW_MESSAGES);
  const { lang } = useStudioLang();
  const { definitions } = useDraft();
  const [zh, setZh] = useState('');
  const [en, setEn] = useState('');
  const [entity, setEntity] = useState(definitions.entities[0]?.$id ?? '');
  const [recordType, setRecordType] = useState('');
  const [first, setFirst] = useState(m.defaultInitial);
  const types = Object.entries(definitions.entities.find((e) => e.$id === entity)?.['x-entity'].recordTypes ?? {});
  const ready = (zh.trim() || en.trim()) && entity && first.trim();
  const workflowId =
    zh || en
      ? workflowIdFrom(
          en || zh,
          definitions.workflows.map((w) => w.id),
        )
      : '';
  const apply = () =>
    ready &&
    onApply({
      title: { zh: zh.trim() || en.trim(), en: en.trim() || zh.trim() },
      entity,
      ...(recordType && { recordType }),
      initialTitle: { zh: first.trim(), en: first.trim() },
    });
  return (
    <Dialog
      title={m.newWorkflow}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button button-quiet" onClick={onClose}>
            {t.cancel}
          </button>
          <button type="button" className="button" disabled={!ready} onClick={apply}>
            {m.create}
          </button>
        </>
      }
    >
      <div className="form-grid">
        <TextInput label={m.workflowTitleZh} value={zh} onChange={setZh} />
        <TextInput label={m.workflowTitleEn} value={en} onChange={setEn} />
        <Select
          label={m.boundEntity}
          value={entity}
          options={definitions.entities.map((e) => ({ value: e.$id, label: titleOf(e, lang, e.$id) }))}
          onChange={(next) => {
            setEntity(next);
            setRecordType('');
          }}
        />
        <Select
          label={m.recordType}
          value={recordType}
          options={[
            { value: '', label: m.everyType },
            ...types.map(([id, type]) => ({ value: id, label: text(type.title, lang, id) })),
          ]}
          onChange={setRecordType}
        />
        <TextInput label={m.initialStage} value={first} onChange={setFirst} />
      </div>
      <details className="wf-advanced">
        <summary>{m.advanced}</summary>
        <div className="form-grid">
          <TextInput label={m.workflowId} value={workflowId} mono disabled onChange={() => undefined} />
          <TextInput
            label={m.stateId}
            value={first.trim() ? stateIdFrom(first, []) : ''}
            mono
            disabled
            onChange={() => undefined}
          />
        </div>
      </details>
    </Dialog>
  );
}
