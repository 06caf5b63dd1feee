import { useState, type DragEvent } from 'react';
import type { EntityDefinition } from '@lodestar/core';
import { pick, titleOf, useMessages } from '@lodestar/ui-shared';
import { useStudioLang } from '../app/lang';
import { kindOf } from '../designer/field-model';
import { KIND_LABELS } from '../designer/field-kind';
import { requiredIn, sectionInUse, type LayoutSection } from './layout-edits';
import { LAYOUT_MESSAGES } from './messages';

/** What a section zone asks the tab to do; the tab turns each into a draft edit. */
export interface ZoneActions {
  /** A field dropped (or moved by keyboard) into a section before position `index`. */
  drop(name: string, sectionId: string, index: number): void;
  moveField(name: string, delta: -1 | 1): void;
  takeOff(name: string): void;
  rename(sectionId: string, lang: 'zh' | 'en', value: string): void;
  setColumns(sectionId: string, columns: 1 | 2): void;
  moveSection(sectionId: string, delta: -1 | 1): void;
  removeSection(sectionId: string): void;
}

/** The name of the field being dragged, carried in the drag's data (text/plain). */
export const DRAG_TYPE = 'text/plain';

interface Props {
  entity: EntityDefinition;
  recordType: string | undefined;
  section: LayoutSection;
  /** The sections a field can move to (id and shown title), '' for none. */
  targets: { id: string; title: string }[];
  /** Position among the defined sections, and their count (for the section's up/down buttons). */
  position: number;
  count: number;
  actions: ZoneActions;
}

/** One section as a drop zone: its title (zh/en), column count, and its fields in order with keyboard moves. */
export function SectionZone({ entity, recordType, section, targets, position, count, actions }: Props) {
  const t = useMessages(LAYOUT_MESSAGES);
  const { lang } = useStudioLang();
  const [over, setOver] = useState<number | null>(null);
  const required = requiredIn(entity, recordType);
  const isRest = section.id === '';
  const shownTitle = isRest ? t.unsectioned : (pick(section.title, lang) ?? section.id);
  const titleIn = (l: 'zh' | 'en') =>
    typeof section.title === 'string' ? (l === 'en' ? section.title : '') : (section.title[l] ?? '');
  const allow = (index: number) => (e: DragEvent) => {
    e.preventDefault();
    e.stopPropagation();
    e.dataTransfer.dropEffect = 'move';
    setOver(index);
  };
  const dropAt = (index: number) => (e: DragEvent) => {
    e.preventDefault();
    e.stopPropagation();
    setOver(null);
    const name = e.dataTransfer.getData(DRAG_TYPE);
    if (name && name in entity.properties) actions.drop(name, section.id, index);
  };
  const busy = !isRest && sectionInUse(entity, section.id);
  return (
    <section
      className={`layout-zone${over !== null ? ' is-over' : ''}`}
      data-section={section.id || '_rest'}
      aria-label={shownTitle}
      onDragOver={allow(section.fields.length)}
      onDragLeave={(e) => !e.currentTarget.contains(e.relatedTarget as Node | null) && setOver(null)}
      onDrop={dropAt(section.fields.length)}
    >
      <header className="layout-zone-head">
        {isRest ? (
          <div>
            <h3>{t.unsectioned}</h3>
            <p className="muted small">{t.unsectionedHint}</p>
          </div>
        ) : (
          <>
            <input
              aria-label={t.sectionZh(shownTitle)}
              value={titleIn('zh')}
              placeholder={t.zhTitle}
              onChange={(e) => actions.rename(section.id, 'zh', e.target.value)}
            />
            <input
              aria-label={t.sectionEn(shownTitle)}
              value={titleIn('en')}
              placeholder={t.enTitle}
              lang="en"
              onChange={(e) => actions.rename(section.id, 'en', e.target.value)}
            />
            <select
              aria-label={t.columns(shownTitle)}
              value={section.columns}
              onChange={(e) => actions.setColumns(section.id, Number(e.target.value) as 1 | 2)}
            >
              <option value={2}>{t.twoColumns}</option>
              <option value={1}>{t.oneColumn}</option>
            </select>
            <span className="layout-zone-tools">
              <button
                type="button"
                className="icon-button"
                aria-label={t.sectionUp(shownTitle)}
                disabled={position === 0}
                onClick={() => actions.moveSection(section.id, -1)}
              >
                ↑
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={t.sectionDown(shownTitle)}
                disabled={position === count - 1}
                onClick={() => actions.moveSection(section.id, 1)}
              >
                ↓
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={t.removeSection(shownTitle)}
                title={busy ? t.removeSectionBusy : undefined}
                disabled={busy}
                onClick={() => actions.removeSection(section.id)}
              >
                ×
              </button>
            </span>
          </>
        )}
      </header>
      <ol className={`layout-fields${section.columns === 1 ? ' is-one-column' : ''}`}>
        {section.fields.map((name, i) => {
          const field = entity.properties[name]!;
          const title = titleOf(field, lang, name);
          const stays = required.has(name);
          return (
            <li
              key={name}
              className={`layout-field${over === i ? ' is-target' : ''}`}
              data-field={name}
              draggable
              onDragStart={(e) => {
                e.dataTransfer.setData(DRAG_TYPE, name);
                e.dataTransfer.effectAllowed = 'move';
              }}
              onDragOver={allow(i)}
              onDrop={dropAt(i)}
            >
              <span className="layout-grip" aria-hidden="true">
                ⠿
              </span>
              <span className="layout-field-title">
                {title}
                {stays && <span className="flag flag-required">{t.required}</span>}
                <span className="muted small">{KIND_LABELS[lang][kindOf(field)]}</span>
              </span>
              <span className="layout-field-tools">
                <button
                  type="button"
                  className="icon-button"
                  aria-label={t.fieldUp(title)}
                  disabled={i === 0}
                  onClick={() => actions.moveField(name, -1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={t.fieldDown(title)}
                  disabled={i === section.fields.length - 1}
                  onClick={() => actions.moveField(name, 1)}
                >
                  ↓
                </button>
                <select
                  aria-label={t.moveTo(title)}
                  value={section.id}
                  onChange={(e) => actions.drop(name, e.target.value, Number.MAX_SAFE_INTEGER)}
                >
                  {targets.map((target) => (
                    <option key={target.id || '_rest'} value={target.id}>
                      {target.title}
                    </option>
                  ))}
                </select>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={t.takeOff(title)}
                  title={stays ? t.requiredStays : undefined}
                  disabled={stays}
                  onClick={() => actions.takeOff(name)}
                >
                  ×
                </button>
              </span>
            </li>
          );
        })}
        {section.fields.length === 0 && <li className="layout-empty muted">{t.emptySection}</li>}
      </ol>
    </section>
  );
}
