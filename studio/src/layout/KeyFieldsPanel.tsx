import type { EntityDefinition } from '@lodestar/core';
import { titleOf, useMessages } from '@lodestar/ui-shared';
import { useStudioLang } from '../app/lang';
import { canFilter, canHighlight, highlightsOf, MAX_HIGHLIGHTS, orderedNames } from './layout-edits';
import { LAYOUT_MESSAGES } from './messages';
import { kindOf } from '../designer/field-model';

/** Per field, three toggles: a key field of the record header, a default list column, a common list filter. */
export function KeyFieldsPanel({
  entity,
  onHighlight,
  onFlag,
}: {
  entity: EntityDefinition;
  onHighlight(name: string): void;
  onFlag(name: string, flag: 'list' | 'filter'): void;
}) {
  const t = useMessages(LAYOUT_MESSAGES);
  const { lang } = useStudioLang();
  const highlights = highlightsOf(entity);
  const full = highlights.length >= MAX_HIGHLIGHTS;
  const names = orderedNames(entity).filter((name) => kindOf(entity.properties[name]!) !== 'json');
  return (
    <section className="panel designer-panel" aria-labelledby="key-fields-heading">
      <header className="panel-head">
        <div>
          <h2 id="key-fields-heading">{t.keyFields}</h2>
          <p className="subtitle small">{t.keyFieldsHint(MAX_HIGHLIGHTS)}</p>
        </div>
      </header>
      <div className="key-fields-scroll">
        <table className="fields-table key-fields" aria-label={t.keyFields}>
          <thead>
            <tr>
              <th>{t.field}</th>
              <th>{t.highlight}</th>
              <th>{t.listColumn}</th>
              <th>{t.filter}</th>
            </tr>
          </thead>
          <tbody>
            {names.map((name) => {
              const field = entity.properties[name]!;
              const title = titleOf(field, lang, name);
              const on = highlights.includes(name);
              return (
                <tr key={name} data-field={name}>
                  <td>{title}</td>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={t.highlightOf(title)}
                      checked={on}
                      disabled={!canHighlight(field) || (!on && full)}
                      title={!on && full ? t.tooManyHighlights(MAX_HIGHLIGHTS) : undefined}
                      onChange={() => onHighlight(name)}
                    />
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={t.listOf(title)}
                      checked={field['x-ui']?.list === true}
                      onChange={() => onFlag(name, 'list')}
                    />
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={t.filterOf(title)}
                      checked={field['x-ui']?.filter === true}
                      disabled={!canFilter(field)}
                      onChange={() => onFlag(name, 'filter')}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
