import { pick, titleOf, useMessages } from '@lodestar/ui-shared';
import { useStudioLang } from '../app/lang';
import { useDraft } from '../draft/DraftContext';
import { entityIssues } from '../draft/issues';
import type { EntityDefinition } from '@lodestar/core';
import { IssueNotes } from '../ui/controls';
import { DESIGNER_MESSAGES } from './messages';

/** The entity's record types ("customer types"), each with what it requires and its workflow. */
export function RecordTypesPanel({
  entity,
  onAdd,
  onEdit,
}: {
  entity: EntityDefinition;
  onAdd(): void;
  onEdit(id: string): void;
}) {
  const t = useMessages(DESIGNER_MESSAGES);
  const { lang } = useStudioLang();
  const draft = useDraft();
  const types = Object.entries(entity['x-entity'].recordTypes ?? {});
  const fieldTitle = (name: string) => (entity.properties[name] ? titleOf(entity.properties[name], lang, name) : name);
  return (
    <section className="panel designer-panel" aria-labelledby="types-heading">
      <header className="panel-head">
        <div>
          <h2 id="types-heading">{t.recordTypes}</h2>
          <p className="subtitle small">{t.recordTypesHint}</p>
        </div>
        <button type="button" className="button button-quiet" onClick={onAdd}>
          + {t.addRecordType}
        </button>
      </header>
      {types.length === 0 && <p className="muted panel-empty">{t.noRecordTypes}</p>}
      <ul className="type-list">
        {types.map(([id, type]) => {
          const title = pick(type.title, lang) ?? id;
          return (
            <li key={id} data-record-type={id}>
              <div className="type-main">
                <span className="chip">{title}</span>
                <code className="muted small">{id}</code>
                {type.workflow && <code className="small">{type.workflow}</code>}
              </div>
              <div className="muted small">
                {type.fields ? t.shows(type.fields.length) : t.showsAll}
                {type.required?.length ? ` · ${t.requires}${type.required.map(fieldTitle).join(t.listSeparator)}` : ''}
              </div>
              <IssueNotes
                issues={entityIssues(draft.definitions, draft.issues, entity.$id, `/x-entity/recordTypes/${id}`)}
                prefix={`/x-entity/recordTypes/${id}`}
              />
              <button
                type="button"
                className="link-button"
                aria-label={`${t.edit} ${title}`}
                onClick={() => onEdit(id)}
              >
                {t.edit}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
