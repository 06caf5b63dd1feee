import { useState } from 'react';
import type { EntityDefinition } from '@lodestar/core';
import { pick, useMessages } from '@lodestar/ui-shared';
import { useStudioLang } from '../app/lang';
import { AsideFields } from './AsideFields';
import { KeyFieldsPanel } from './KeyFieldsPanel';
import { LayoutPreview } from './LayoutPreview';
import { RelatedListsPanel } from './RelatedListsPanel';
import { moveRelated, setRelatedColumns, setRelatedShown } from './related-edits';
import { useDraft } from '../draft/DraftContext';
import {
  addSection,
  addToForm,
  layoutOf,
  moveSection,
  moveToSection,
  moveWithinSection,
  removeFromForm,
  removeSection,
  renameSection,
  setSectionColumns,
  shownIn,
  toggleFlag,
  toggleHighlight,
} from './layout-edits';
import { LAYOUT_MESSAGES } from './messages';
import { SectionZone, type ZoneActions } from './SectionZone';
import './layout.css';

/**
 * The entity's form layout: a record type to look at, its sections as drop zones with the fields not on
 * the form beside them, a live preview with sample data, and the header/list/filter toggles. Every
 * change is a draft edit (`edit`), planned and published like any other.
 */
export function LayoutTab({
  entity,
  edit,
}: {
  entity: EntityDefinition;
  edit(change: (entity: EntityDefinition) => void): void;
}) {
  const t = useMessages(LAYOUT_MESSAGES);
  const { lang } = useStudioLang();
  const { definitions } = useDraft();
  const entities = definitions.entities;
  const types = Object.entries(entity['x-entity'].recordTypes ?? {});
  const [chosen, setChosen] = useState<string>(types[0]?.[0] ?? '');
  const recordType = chosen && entity['x-entity'].recordTypes?.[chosen] ? chosen : undefined;
  const layout = layoutOf(entity, recordType);
  const defined = layout.sections.filter((s) => s.id !== '');
  const targets = layout.sections.map((s) => ({
    id: s.id,
    title: s.id ? (pick(s.title, lang) ?? s.id) : t.unsectioned,
  }));
  const actions: ZoneActions = {
    drop: (name, sectionId, index) =>
      edit((e) =>
        shownIn(e, recordType, name)
          ? moveToSection(e, recordType, name, sectionId, index)
          : addToForm(e, recordType, name, sectionId, index),
      ),
    moveField: (name, delta) => edit((e) => moveWithinSection(e, recordType, name, delta)),
    takeOff: (name) => edit((e) => removeFromForm(e, recordType, name)),
    rename: (id, l, value) => edit((e) => renameSection(e, id, l, value)),
    setColumns: (id, columns) => edit((e) => setSectionColumns(e, id, columns)),
    moveSection: (id, delta) => edit((e) => moveSection(e, id, delta)),
    removeSection: (id) => edit((e) => void removeSection(e, id)),
  };
  return (
    <>
      <section className="panel designer-panel" aria-labelledby="layout-heading">
        <header className="panel-head layout-head">
          <div>
            <h2 id="layout-heading">{t.heading}</h2>
            <p className="subtitle small">{t.hint}</p>
          </div>
          {types.length > 0 && (
            <label className="layout-type">
              <span aria-hidden="true">{t.recordType}</span>
              <select aria-label={t.recordType} value={recordType ?? ''} onChange={(e) => setChosen(e.target.value)}>
                {types.map(([id, type]) => (
                  <option key={id} value={id}>
                    {pick(type.title, lang) ?? id}
                  </option>
                ))}
                <option value="">{t.allRecords}</option>
              </select>
            </label>
          )}
        </header>
        <div className="layout-body">
          <div className="layout-designer" aria-label={t.designer} role="group">
            {layout.sections.map((section) => (
              <SectionZone
                key={section.id || '_rest'}
                entity={entity}
                recordType={recordType}
                section={section}
                targets={targets}
                position={defined.indexOf(section)}
                count={defined.length}
                actions={actions}
              />
            ))}
            <NewSection onAdd={(zh, en) => edit((e) => void addSection(e, zh, en))} />
            <AsideFields
              entity={entity}
              names={layout.aside}
              onAdd={(name) => edit((e) => addToForm(e, recordType, name))}
              onRemove={actions.takeOff}
            />
          </div>
          <div className="layout-preview-column" role="region" aria-label={t.preview}>
            <h3>{t.preview}</h3>
            <p className="muted small">{t.previewHint}</p>
            <LayoutPreview entity={entity} recordType={recordType} layout={layout} />
          </div>
        </div>
      </section>
      <KeyFieldsPanel
        entity={entity}
        onHighlight={(name) => edit((e) => toggleHighlight(e, name))}
        onFlag={(name, flag) => edit((e) => toggleFlag(e, name, flag))}
      />
      <RelatedListsPanel
        entity={entity}
        entities={entities}
        onShow={(key, shown) => edit((e) => setRelatedShown(e, entities, key, shown))}
        onMove={(key, delta) => edit((e) => moveRelated(e, entities, key, delta))}
        onColumns={(key, columns) => edit((e) => setRelatedColumns(e, entities, key, columns))}
      />
    </>
  );
}

/** A new section by its titles (the id is made from them): Chinese required, English optional. */
function NewSection({ onAdd }: { onAdd(zh: string, en: string): void }) {
  const t = useMessages(LAYOUT_MESSAGES);
  const [zh, setZh] = useState('');
  const [en, setEn] = useState('');
  const add = () => {
    if (!zh.trim() && !en.trim()) return;
    onAdd(zh, en);
    setZh('');
    setEn('');
  };
  return (
    <div className="layout-new-section" role="group" aria-label={t.newSection}>
      <input
        aria-label={t.newSectionZh}
        placeholder={t.newSectionZh}
        value={zh}
        onChange={(e) => setZh(e.target.value)}
        onKeyDown={(e) => e.key === 'Enter' && add()}
      />
      <input
        aria-label={t.newSectionEn}
        placeholder={t.newSectionEn}
        value={en}
        onChange={(e) => setEn(e.target.value)}
        onKeyDown={(e) => e.key === 'Enter' && add()}
      />
      <button type="button" className="button button-quiet" disabled={!zh.trim() && !en.trim()} onClick={add}>
        + {t.addSection}
      </button>
    </div>
  );
}
