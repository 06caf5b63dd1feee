import { pick, useMessages } from '@lodestar/ui-shared';
import { useModel } from '../model/ModelContext';
import { entityTitle, fieldTitle, recordTypeTitle } from '../model/labels';
import type { EntityDefinition } from '@lodestar/core';
import { RECORD_MESSAGES } from './messages';

/** The record types as cards (a radio group): shown alone first, then as a compact switch above the form. */
export function TypePicker({
  entity,
  selected,
  onChoose,
}: {
  entity: EntityDefinition;
  selected: string | undefined;
  onChoose(type: string): void;
}) {
  const { lang } = useModel();
  const t = useMessages(RECORD_MESSAGES);
  const types = Object.entries(entity['x-entity'].recordTypes ?? {});
  return (
    <section className={`type-picker${selected ? ' is-compact' : ''}`} aria-labelledby="type-picker-title">
      <h2 id="type-picker-title" className="type-picker-title">
        {t.chooseType(entityTitle(entity, lang))}
      </h2>
      {!selected && <p className="muted type-picker-hint">{t.chooseTypeHint}</p>}
      <div className="type-cards" role="radiogroup" aria-labelledby="type-picker-title">
        {types.map(([id, type]) => (
          <button
            key={id}
            type="button"
            role="radio"
            aria-checked={selected === id}
            data-type={id}
            className={`type-card${selected === id ? ' is-selected' : ''}`}
            onClick={() => onChoose(id)}
          >
            <span className="type-card-title">{recordTypeTitle(entity, id, lang)}</span>
            {!selected && type.required?.length ? (
              <span className="type-card-detail">
                {type.required.map((f) => fieldTitle(entity, f, lang)).join(' · ')}
              </span>
            ) : null}
            {!selected && pick((type as { description?: Record<string, string> }).description, lang)}
          </button>
        ))}
      </div>
    </section>
  );
}
