import { titleOf, useMessages } from '@lodestar/ui-shared';
import { useStudioLang } from '../app/lang';
import { useDraft } from '../draft/DraftContext';
import { ROLE_MESSAGES } from './messages';
import {
  eventsOf,
  eventTitle,
  fieldsOf,
  setEventScope,
  setFieldRule,
  type EntityPermission,
  type FieldRule,
} from './roles-model';
import { ScopeSelect } from './ScopeSelect';

/** One entity's overrides for a role: a scope per workflow event, and hidden / read-only per field. */
export function EntityRules({
  roleId,
  entityId,
  permission,
}: {
  roleId: string;
  entityId: string;
  permission: EntityPermission;
}) {
  const t = useMessages(ROLE_MESSAGES);
  const { lang } = useStudioLang();
  const { definitions, update } = useDraft();
  const entity = definitions.entities.find((e) => e.$id === entityId);
  if (!entity) return null;
  const events = eventsOf(definitions, entityId);
  return (
    <div className="entity-rules" data-rules-for={entityId}>
      <section aria-label={t.events}>
        <h4>{t.events}</h4>
        <p className="control-hint">{t.eventsHint}</p>
        {events.length === 0 ? (
          <p className="muted small">{t.noEvents}</p>
        ) : (
          <div className="rule-grid">
            {events.map((event) => (
              <label key={event} className="rule" data-event-rule={event}>
                <span>
                  {eventTitle(definitions, entityId, event, lang)} <span className="mono muted">{event}</span>
                </span>
                <ScopeSelect
                  label={eventTitle(definitions, entityId, event, lang)}
                  value={permission.events?.[event]}
                  emptyLabel={t.followsUpdate}
                  onChange={(scope) => update((set) => setEventScope(set, roleId, entityId, event, scope))}
                />
              </label>
            ))}
          </div>
        )}
      </section>
      <section aria-label={t.fields}>
        <h4>{t.fields}</h4>
        <div className="rule-grid">
          {fieldsOf(entity).map((field) => {
            const title = titleOf(entity.properties[field]!, lang, field);
            const rule = permission.fields?.[field] ?? '';
            return (
              <label key={field} className={`rule rule-${rule || 'open'}`} data-field-rule={field}>
                <span>
                  {title} <span className="muted small mono">{field}</span>
                </span>
                <select
                  aria-label={`${title} (${field})`}
                  value={rule}
                  onChange={(event) =>
                    update((set) => setFieldRule(set, roleId, entityId, field, event.target.value as FieldRule | ''))
                  }
                >
                  {(['', 'readOnly', 'hidden'] as const).map((value) => (
                    <option key={value} value={value}>
                      {t.fieldRules[value]}
                    </option>
                  ))}
                </select>
              </label>
            );
          })}
        </div>
      </section>
    </div>
  );
}
