import { useState, type KeyboardEvent } from 'react';
import { useModel } from '../../model/ModelContext';
import type { EntityDefinition } from '@lodestar/core';
import type { RecordJson } from '../../model/types';
import { RECORD_MESSAGES } from '../messages';
import { HistoryTab } from './HistoryTab';
import { AuditTab } from './AuditTab';
import { useMessages } from '@lodestar/ui-shared';

type TabId = 'history' | 'audit';

/** The full trails below the page: stage history (workflow records only) and the audit trail. Only the open tab loads. */
export function RecordTabs({
  entity,
  record,
  changes,
}: {
  entity: EntityDefinition;
  record: RecordJson;
  changes: number;
}) {
  const { workflowOf } = useModel();
  const t = useMessages(RECORD_MESSAGES);
  const workflow = workflowOf(entity.$id, record.record_type as string | null);
  const tabs: TabId[] = workflow ? ['history', 'audit'] : ['audit'];
  const [active, setActive] = useState<TabId>(tabs[0]!);
  const key = (e: KeyboardEvent) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const next = tabs[(tabs.indexOf(active) + step + tabs.length) % tabs.length]!;
    setActive(next);
    document.getElementById(`record-tab-${next}`)?.focus();
  };
  return (
    <section className="record-tabs">
      <div role="tablist" className="tab-list" aria-label={t.stageHistory} onKeyDown={key}>
        {tabs.map((id) => (
          <button
            key={id}
            id={`record-tab-${id}`}
            type="button"
            role="tab"
            aria-selected={active === id}
            aria-controls={`record-panel-${id}`}
            tabIndex={active === id ? 0 : -1}
            className="tab"
            onClick={() => setActive(id)}
          >
            {t[id]}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`record-panel-${active}`} aria-labelledby={`record-tab-${active}`} className="tab-panel">
        {active === 'history' && workflow && (
          <HistoryTab entity={entity} record={record} workflow={workflow} changes={changes} />
        )}
        {active === 'audit' && <AuditTab entity={entity} record={record} changes={changes} />}
      </div>
    </section>
  );
}
