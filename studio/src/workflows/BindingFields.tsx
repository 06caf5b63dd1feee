import { titleOf, useMessages } from '@lodestar/ui-shared';
import { useStudioLang } from '../app/lang';
import { useDraft } from '../draft/DraftContext';
import { Select } from '../ui/controls';
import { WORKFLOW_MESSAGES } from './messages';
import { text } from './model';
import type { Workflow } from './types';

/** What the workflow runs on: an entity, and optionally one record type of it. */
export function BindingFields({
  workflow,
  onChange,
}: {
  workflow: Workflow;
  onChange(entity: string, recordType?: string): void;
}) {
  const t = useMessages(WORKFLOW_MESSAGES);
  const { lang } = useStudioLang();
  const { definitions } = useDraft();
  const entity = definitions.entities.find((e) => e.$id === workflow.meta.entity);
  const types = Object.entries(entity?.['x-entity'].recordTypes ?? {});
  const entities = definitions.entities.map((e) => ({ value: e.$id, label: titleOf(e, lang, e.$id) }));
  if (!entity) entities.push({ value: workflow.meta.entity, label: `${workflow.meta.entity} ⚠` });
  const typeOptions = [
    { value: '', label: t.everyType },
    ...types.map(([id, type]) => ({ value: id, label: text(type.title, lang, id) })),
  ];
  const recordType = workflow.meta.recordType;
  if (recordType && !types.some(([id]) => id === recordType))
    typeOptions.push({ value: recordType, label: `${recordType} ⚠` });
  return (
    <div className="wf-binding">
      <Select label={t.entity} value={workflow.meta.entity} options={entities} onChange={(next) => onChange(next)} />
      <Select
        label={t.recordType}
        value={recordType ?? ''}
        options={typeOptions}
        onChange={(next) => onChange(workflow.meta.entity, next || undefined)}
      />
    </div>
  );
}
