import type { EntityDefinition } from '@lodestar/core';
import { titleOf, useMessages } from '@lodestar/ui-shared';
import { useStudioLang } from '../app/lang';
import { kindOf } from '../designer/field-model';
import { KIND_LABELS } from '../designer/field-kind';
import { DRAG_TYPE } from './SectionZone';
import { LAYOUT_MESSAGES } from './messages';

/**
 * Fields the chosen form does not show: dragged into a section, or added at the end by a button. A field
 * of the form dropped here leaves it (as its × button does).
 */
export function AsideFields({
  entity,
  names,
  onAdd,
  onRemove,
}: {
  entity: EntityDefinition;
  names: string[];
  onAdd(name: string): void;
  onRemove(name: string): void;
}) {
  const t = useMessages(LAYOUT_MESSAGES);
  const { lang } = useStudioLang();
  return (
    <section
      className="layout-aside"
      aria-labelledby="layout-aside-heading"
      onDragOver={(e) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = 'move';
      }}
      onDrop={(e) => {
        e.preventDefault();
        const name = e.dataTransfer.getData(DRAG_TYPE);
        if (name && !names.includes(name)) onRemove(name);
      }}
    >
      <h3 id="layout-aside-heading">{t.aside}</h3>
      <p className="muted small">{names.length ? t.asideHint : t.asideEmpty}</p>
      <ul className="layout-fields">
        {names.map((name) => {
          const field = entity.properties[name]!;
          const title = titleOf(field, lang, name);
          return (
            <li
              key={name}
              className="layout-field is-aside"
              data-field={name}
              draggable
              onDragStart={(e) => {
                e.dataTransfer.setData(DRAG_TYPE, name);
                e.dataTransfer.effectAllowed = 'move';
              }}
            >
              <span className="layout-grip" aria-hidden="true">
                ⠿
              </span>
              <span className="layout-field-title">
                {title}
                <span className="muted small">{KIND_LABELS[lang][kindOf(field)]}</span>
              </span>
              <button
                type="button"
                className="button button-quiet layout-add"
                aria-label={t.putOn(title)}
                onClick={() => onAdd(name)}
              >
                + {t.putOnShort}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
