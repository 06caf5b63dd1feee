import { Link } from 'react-router';
import type { EntityDefinition, SectionDefinition } from '@lodestar/core';
import { useMessages } from '@lodestar/ui-shared';
import { useStudioLang } from '../app/lang';
import { useDraft } from '../draft/DraftContext';
import { entityIssues } from '../draft/issues';
import { IssueNotes } from '../ui/controls';
import { DESIGNER_MESSAGES } from './messages';

/**
 * The form's sections at a glance, by title with their field counts. They are edited in the Layout tab, where
 * a new section is named, not given an identifier, and fields are dragged into it.
 */
export function SectionsPanel({ entity }: { entity: EntityDefinition }) {
  const t = useMessages(DESIGNER_MESSAGES);
  const { lang } = useStudioLang();
  const draft = useDraft();
  const sections = entity['x-entity'].sections ?? [];
  const count = (id: string) => Object.values(entity.properties).filter((f) => f['x-ui']?.section === id).length;
  const titleOf = (s: SectionDefinition) =>
    typeof s.title === 'string' ? s.title : (s.title[lang] ?? s.title.zh ?? s.title.en ?? s.id);
  return (
    <section className="panel designer-panel" aria-labelledby="sections-heading">
      <header className="panel-head">
        <div>
          <h2 id="sections-heading">{t.sections}</h2>
          <p className="subtitle small">{t.sectionsHint}</p>
        </div>
        <Link className="button button-quiet" to="?tab=layout">
          {t.editLayout}
        </Link>
      </header>
      {sections.length === 0 && <p className="muted panel-empty">{t.noSections}</p>}
      <ol className="section-list">
        {sections.map((s) => (
          <li key={s.id}>
            <span>{titleOf(s)}</span>
            <span className="muted small nowrap">{t.fieldCount(count(s.id))}</span>
          </li>
        ))}
      </ol>
      <IssueNotes
        issues={entityIssues(draft.definitions, draft.issues, entity.$id, '/x-entity/sections')}
        prefix="/x-entity/sections"
      />
    </section>
  );
}
