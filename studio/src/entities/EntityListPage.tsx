import { useState } from 'react';
import { Link } from 'react-router';
import { titleOf, TitleRow, useMessages } from '@lodestar/ui-shared';
import { useStudioLang } from '../app/lang';
import { useDraft } from '../draft/DraftContext';
import { entityIssues } from '../draft/issues';
import { ENTITY_MESSAGES } from './messages';
import { NewEntityForm } from './NewEntityForm';
import './entities.css';

/** Every entity of the draft, marked new or changed against the published model. */
export function EntityListPage() {
  const draft = useDraft();
  const { lang } = useStudioLang();
  const t = useMessages(ENTITY_MESSAGES);
  const [creating, setCreating] = useState(false);
  const published = new Map(draft.published.entities.map((e) => [e.$id, JSON.stringify(e)]));
  return (
    <>
      <TitleRow
        heading={t.heading}
        subheading={t.subheading}
        aside={
          <button type="button" className="button" onClick={() => setCreating(true)}>
            {t.newEntity}
          </button>
        }
      />
      {creating && <NewEntityForm onClose={() => setCreating(false)} />}
      <ul className="entity-grid" aria-label={t.heading}>
        {draft.definitions.entities.map((entity) => {
          const before = published.get(entity.$id);
          const state = before === undefined ? 'new' : before !== JSON.stringify(entity) ? 'changed' : undefined;
          const problems = entityIssues(draft.definitions, draft.issues, entity.$id).length;
          const types = Object.keys(entity['x-entity'].recordTypes ?? {}).length;
          return (
            <li key={entity.$id}>
              <Link className="entity-card" to={`/entities/${entity.$id}`} data-entity={entity.$id}>
                <span className="entity-card-title">
                  {titleOf(entity, lang, entity.$id)}
                  {state && <span className={`pill pill-${state}`}>{state === 'new' ? t.isNew : t.changed}</span>}
                </span>
                <code className="muted">{entity.$id}</code>
                <span className="entity-card-meta">
                  {t.fields(Object.keys(entity.properties).length)}
                  {types > 0 && ` · ${t.types(types)}`}
                  {entity['x-entity'].workflow && ` · ${t.workflow} ${entity['x-entity'].workflow}`}
                </span>
                {problems > 0 && <span className="entity-card-problems">{t.problems(problems)}</span>}
              </Link>
            </li>
          );
        })}
      </ul>
    </>
  );
}
