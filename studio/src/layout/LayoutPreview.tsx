import type { EntityDefinition } from '@lodestar/core';
import { pick, titleOf, useMessages } from '@lodestar/ui-shared';
import { useStudioLang } from '../app/lang';
import { useDraft } from '../draft/DraftContext';
import { kindOf } from '../designer/field-model';
import { highlightsOf, requiredIn, shownIn, type Layout } from './layout-edits';
import { columnTitle, defaultRelatedColumns, keyOf, relatedListsOf, relatedTitle } from './related-edits';
import { LAYOUT_MESSAGES } from './messages';
import { sampleValue } from './sample-values';

/** Kinds the runtime form gives the whole row (formSchema.ts's `wide`). */
const WIDE = new Set(['longText', 'manyToMany', 'multiChoice', 'textList']);

/**
 * The record form as staff will see it, read-only and filled with sample values: the header's key
 * fields, then each section with its fields in one or two columns (one on a phone), as the runtime
 * form lays them out (runtime-ui/src/record/form/templates.tsx).
 */
export function LayoutPreview({
  entity,
  recordType,
  layout,
}: {
  entity: EntityDefinition;
  recordType: string | undefined;
  layout: Layout;
}) {
  const t = useMessages(LAYOUT_MESSAGES);
  const { lang } = useStudioLang();
  const draft = useDraft();
  const entityTitle = (id: string) => {
    const target = draft.definitions.entities.find((e) => e.$id === id);
    return target ? titleOf(target, lang, id) : id;
  };
  const required = requiredIn(entity, recordType);
  const type = recordType ? entity['x-entity'].recordTypes?.[recordType] : undefined;
  const highlights = highlightsOf(entity).filter((name) => shownIn(entity, recordType, name));
  const sample = (name: string) => sampleValue(entity, name, lang, entityTitle);
  return (
    <div className="layout-preview" data-testid="layout-preview">
      <div className="preview-header">
        <div className="preview-title">
          <strong>{sample(entity['x-entity'].titleField)}</strong>
          {type && <span className="pill">{pick(type.title, lang) ?? recordType}</span>}
        </div>
        <dl className="preview-highlights" aria-label={t.previewHighlights}>
          {highlights.map((name) => (
            <div key={name} data-field={name}>
              <dt>{titleOf(entity.properties[name]!, lang, name)}</dt>
              <dd>{sample(name)}</dd>
            </div>
          ))}
          {highlights.length === 0 && <div className="muted small">{t.noHighlights}</div>}
        </dl>
      </div>
      {layout.sections
        .filter((section) => section.fields.length > 0)
        .map((section) => (
          <fieldset key={section.id || '_rest'} className="preview-section" data-section={section.id || '_rest'}>
            {section.id && <legend>{pick(section.title, lang) ?? section.id}</legend>}
            <div className={`preview-grid${section.columns === 1 ? ' is-one-column' : ''}`}>
              {section.fields.map((name) => {
                const field = entity.properties[name]!;
                const wide = WIDE.has(kindOf(field));
                return (
                  <div key={name} className={`preview-field${wide ? ' is-wide' : ''}`} data-field={name}>
                    <div className="preview-label">
                      {titleOf(field, lang, name)}
                      {required.has(name) && <span className="preview-required">*</span>}
                    </div>
                    <div className={`preview-value${wide && kindOf(field) === 'longText' ? ' is-long' : ''}`}>
                      {sample(name)}
                    </div>
                  </div>
                );
              })}
            </div>
          </fieldset>
        ))}
      <RelatedPreview entity={entity} entities={draft.definitions.entities} />
    </div>
  );
}

/** The record page's related lists below the form, in order, each with its columns. */
function RelatedPreview({ entity, entities }: { entity: EntityDefinition; entities: readonly EntityDefinition[] }) {
  const t = useMessages(LAYOUT_MESSAGES);
  const { lang } = useStudioLang();
  const lists = relatedListsOf(entity, entities).filter((l) => l.shown);
  return (
    <section className="preview-related" data-testid="preview-related" aria-label={t.previewRelated}>
      <h4>{t.previewRelated}</h4>
      {lists.length === 0 && <div className="muted small">{t.noRelated}</div>}
      <ol>
        {lists.map((list) => {
          const child = entities.find((e) => e.$id === list.entity);
          const columns = list.columns ?? (child ? defaultRelatedColumns(child, list.via) : []);
          return (
            <li key={keyOf(list)} data-related={keyOf(list)}>
              <strong>{relatedTitle(list, lists, entities, lang)}</strong>
              {child && (
                <span className="muted">
                  {' · '}
                  {columns.map((c) => columnTitle(child, c, lang)).join(lang === 'zh' ? '、' : ', ')}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
