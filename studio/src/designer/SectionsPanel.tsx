import { useState } from 'react';
import { useDraft } from '../draft/DraftContext';
import { entityIssues } from '../draft/issues';
import type { EntityDefinition, SectionDefinition } from '@lodestar/core';
import { IssueNotes } from '../ui/controls';
import { DESIGNER_MESSAGES } from './messages';
import { isIdentifier } from '@lodestar/core';
import { useMessages } from '@lodestar/ui-shared';

/** The form's sections: rename in place (zh/en), reorder, add; removing one leaves its fields unsectioned. */
export function SectionsPanel({
  entity,
  onChange,
}: {
  entity: EntityDefinition;
  onChange(sections: SectionDefinition[]): void;
}) {
  const t = useMessages(DESIGNER_MESSAGES);
  const draft = useDraft();
  const sections = entity['x-entity'].sections ?? [];
  const [newId, setNewId] = useState('');
  const count = (id: string) => Object.values(entity.properties).filter((f) => f['x-ui']?.section === id).length;
  const titleIn = (s: SectionDefinition, lang: string) =>
    typeof s.title === 'string' ? (lang === 'en' ? s.title : '') : (s.title[lang] ?? '');
  const rename = (i: number, lang: 'zh' | 'en', value: string) =>
    onChange(
      sections.map((s, j) =>
        j === i ? { ...s, title: { zh: titleIn(s, 'zh'), en: titleIn(s, 'en'), [lang]: value } } : s,
      ),
    );
  const move = (i: number, delta: number) => {
    const next = [...sections];
    [next[i], next[i + delta]] = [next[i + delta]!, next[i]!];
    onChange(next);
  };
  const add = () => {
    if (!isIdentifier(newId) || sections.some((s) => s.id === newId)) return;
    onChange([...sections, { id: newId, title: { zh: newId, en: newId } }]);
    setNewId('');
  };
  return (
    <section className="panel designer-panel" aria-labelledby="sections-heading">
      <header className="panel-head">
        <div>
          <h2 id="sections-heading">{t.sections}</h2>
          <p className="subtitle small">{t.sectionsHint}</p>
        </div>
      </header>
      {sections.length === 0 && <p className="muted panel-empty">{t.noSections}</p>}
      <ol className="section-list">
        {sections.map((s, i) => (
          <li key={s.id}>
            <code className="muted small section-id">{s.id}</code>
            <input
              aria-label={`${t.sectionZh} ${s.id}`}
              value={titleIn(s, 'zh')}
              onChange={(e) => rename(i, 'zh', e.target.value)}
            />
            <input
              aria-label={`${t.sectionEn} ${s.id}`}
              value={titleIn(s, 'en')}
              onChange={(e) => rename(i, 'en', e.target.value)}
            />
            <span className="muted small nowrap">{t.fieldCount(count(s.id))}</span>
            <button
              type="button"
              className="icon-button"
              aria-label={`${t.moveUp} ${s.id}`}
              disabled={i === 0}
              onClick={() => move(i, -1)}
            >
              ↑
            </button>
            <button
              type="button"
              className="icon-button"
              aria-label={`${t.moveDown} ${s.id}`}
              disabled={i === sections.length - 1}
              onClick={() => move(i, 1)}
            >
              ↓
            </button>
            <button
              type="button"
              className="icon-button"
              aria-label={`${t.remove} ${s.id}`}
              onClick={() => onChange(sections.filter((x) => x.id !== s.id))}
            >
              ×
            </button>
          </li>
        ))}
      </ol>
      <IssueNotes
        issues={entityIssues(draft.definitions, draft.issues, entity.$id, '/x-entity/sections')}
        prefix="/x-entity/sections"
      />
      <div className="section-add">
        <input
          className="mono"
          aria-label={t.sectionId}
          placeholder={t.sectionId}
          value={newId}
          onChange={(e) => setNewId(e.target.value.trim())}
          onKeyDown={(e) => e.key === 'Enter' && add()}
        />
        <button type="button" className="button button-quiet" disabled={!isIdentifier(newId)} onClick={add}>
          + {t.addSection}
        </button>
      </div>
    </section>
  );
}
