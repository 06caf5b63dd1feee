import { useMemo } from 'react';
import { stageBlock, stageHintText, stageRulesOf, type EntityDefinition } from '@lodestar/core';
import { useMessages } from '@lodestar/ui-shared';
import { useModel } from '../../model/ModelContext';
import { fieldTitle } from '../../model/labels';
import type { RecordJson } from '../../model/types';
import { ReadValue } from './ReadValue';
import { RECORD_MESSAGES } from '../messages';
import { buildFormModel } from '../form/formSchema';
import { withStageRules } from '../form/stageForm';
import { useLineItems } from '../items/useLineItems';
import '../form/layout.css';

/**
 * A record for reading: its form's sections and fields (as its type and stage shape them) with values as
 * text, formatted by kind; a field the stage locks carries a lock and the reason. Editing starts with Edit.
 */
export function RecordView({ entity, record }: { entity: EntityDefinition; record: RecordJson }) {
  const { kinds, lang, workflowOf } = useModel();
  const t = useMessages(RECORD_MESSAGES);
  const recordType = (record.record_type as string | null) ?? undefined;
  const workflow = workflowOf(entity.$id, recordType);
  const stage = useMemo(
    () => stageRulesOf(workflow, (record.state as string | null | undefined) ?? workflow?.initial),
    [workflow, record.state],
  );
  const sections = useMemo(
    () =>
      withStageRules(
        buildFormModel({ entity, kinds: kinds[entity.$id] ?? {}, recordType, lang, readOnly: new Set(), isNew: false }),
        stage,
        lang,
      ).sections,
    [entity, kinds, recordType, lang, stage],
  );
  const items = useLineItems(entity, record, true, lang);
  return (
    <div className="record-view" data-testid="record-view">
      {sections.map((section) => (
        <section key={section.id} className="record-view-section" aria-label={section.title}>
          {sections.length > 1 && <h2 className="record-view-title">{section.title}</h2>}
          <dl className={section.columns === 1 ? 'record-view-fields is-one-column' : 'record-view-fields'}>
            {section.fields.map((name) => {
              const block = stageBlock(stage, name);
              const reason = block && block !== 'stageHidden' ? stageHintText(block, stage!.title)[lang] : undefined;
              const wide = entity.properties[name]?.['x-multiline'] || entity.properties[name]?.type === 'array';
              return (
                <div key={name} className={`record-view-field${wide ? ' is-wide' : ''}`} data-field={name}>
                  <dt>
                    {fieldTitle(entity, name, lang)}
                    {reason && (
                      <span className="field-lock" title={reason} data-testid={`locked-${name}`}>
                        <span aria-hidden="true">🔒</span>
                        <span className="visually-hidden">{t.lockedByStage}</span>
                      </span>
                    )}
                  </dt>
                  <dd>
                    <ReadValue entity={entity} field={name} record={record} />
                    {reason && <small className="field-lock-reason">{reason}</small>}
                  </dd>
                </div>
              );
            })}
          </dl>
        </section>
      ))}
      {items.grids}
    </div>
  );
}
