import { useApi, useMessages } from '@lodestar/ui-shared';
import { useModel } from '../../model/ModelContext';
import { entityTitle, fieldTitle } from '../../model/labels';
import type { AuditPage, EntityDefinition } from '@lodestar/core';
import type { RecordJson } from '../../model/types';
import { FieldValue, UserName } from '../../fields/FieldValue';
import { Spinner } from '../../app/Spinner';
import { RECORD_MESSAGES } from '../messages';
import { dateTimeText } from '../time';
import { TabError } from './HistoryTab';
import { RelationTitles } from '../form/RelationPicker';

const ACTIONS: Record<string, 'actionCreate' | 'actionUpdate' | 'actionDelete' | 'actionTransition'> = {
  create: 'actionCreate',
  update: 'actionUpdate',
  delete: 'actionDelete',
  transition: 'actionTransition',
};
const SYSTEM = new Set(['version', 'updated_at', 'updated_by', 'created_at', 'created_by', 'state_entered_at']);

/** Who changed what when: each changed field as before → after, by its title (hidden fields never arrive). */
export function AuditTab({
  entity,
  record,
  changes,
}: {
  entity: EntityDefinition;
  record: RecordJson;
  changes: number;
}) {
  const { lang, entities } = useModel();
  const t = useMessages(RECORD_MESSAGES);
  const [state, reload] = useApi<AuditPage>(
    `/api/v1/records/${encodeURIComponent(entity.$id)}/${encodeURIComponent(record.id)}/audit?limit=50&v=${changes}`,
  );
  if (state.status === 'loading') return <Spinner label={t.loading} />;
  if (state.status === 'error') return <TabError message={state.error.message} onRetry={reload} />;
  if (!state.data.data.length) return <p className="empty-state muted">{t.noAudit}</p>;
  const value = (field: string, v: unknown) => {
    const target =
      entity.properties[field]?.['x-relation']?.entity ?? entity.properties[field]?.items?.['x-relation']?.entity;
    const ids =
      typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
    if (target && ids.length) return <RelationTitles target={target} ids={ids} />;
    return valueOf(field, v);
  };
  const valueOf = (field: string, v: unknown) => (
    <FieldValue entity={entity} field={field} record={{ id: record.id, record_type: record.record_type, [field]: v }} />
  );
  return (
    <ol className="audit-list" data-testid="audit">
      {state.data.data.map((row) => {
        const fields = Object.keys(row.changes).filter((f) => !SYSTEM.has(f));
        return (
          <li key={row.id} className="audit-item">
            <div className="audit-head">
              <span className="badge">{ACTIONS[row.action] ? t[ACTIONS[row.action]!] : row.action}</span>
              <span>{row.actorId ? <UserName id={row.actorId} /> : t.system}</span>
              <time className="muted" dateTime={row.at}>
                {dateTimeText(row.at, lang)}
              </time>
            </div>
            {fields.length > 0 && (
              <table className="audit-changes">
                <tbody>
                  {fields.map((field) => (
                    <tr key={field}>
                      <th scope="row">{fieldTitle(entity, field, lang)}</th>
                      <td className="audit-before">{value(field, row.changes[field]![0])}</td>
                      <td className="audit-arrow" aria-hidden="true">
                        →
                      </td>
                      <td className="audit-after">{value(field, row.changes[field]![1])}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {isSent(row.detail) && (
              <div className="audit-sent">
                <p className="muted">{t.sentEvent(row.detail.sendEvent)}</p>
                <ul>
                  {row.detail.targets.map((target) => {
                    const definition = entities.find((e) => e.$id === target.entity);
                    return (
                      <li key={`${target.entity}:${target.id}`} data-outcome={target.outcome}>
                        {definition ? entityTitle(definition, lang) : target.entity}{' '}
                        <RelationTitles target={target.entity} ids={[target.id]} />
                        {' · '}
                        {target.outcome === 'moved' ? t.sentMoved : `${t.sentRefused}${target.reason?.[lang] ?? ''}`}
                      </li>
                    );
                  })}
                </ul>
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}

/** What a sendEvent action recorded on its source's audit trail (engine runtime/effects/send-event.ts). */
interface SentDetail {
  sendEvent: string;
  targets: { entity: string; id: string; outcome: 'moved' | 'refused'; reason?: { en: string; zh: string } }[];
}

function isSent(detail: unknown): detail is SentDetail {
  return (
    !!detail &&
    typeof detail === 'object' &&
    typeof (detail as SentDetail).sendEvent === 'string' &&
    Array.isArray((detail as SentDetail).targets)
  );
}
