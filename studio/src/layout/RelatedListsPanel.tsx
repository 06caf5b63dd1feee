import { useState } from 'react';
import type { EntityDefinition } from '@lodestar/core';
import { useMessages } from '@lodestar/ui-shared';
import { useStudioLang } from '../app/lang';
import { LAYOUT_MESSAGES } from './messages';
import {
  columnCandidates,
  columnTitle,
  defaultRelatedColumns,
  keyOf,
  MAX_RELATED_COLUMNS,
  relatedListsOf,
  relatedTitle,
  type RelatedListChoice,
} from './related-edits';

/**
 * The record page's related lists: which show (ticked), their order (up/down) and each one's columns, saved as
 * `x-ui.related`. Lists not ticked stay below, so one can be shown again.
 */
export function RelatedListsPanel({
  entity,
  entities,
  onShow,
  onMove,
  onColumns,
}: {
  entity: EntityDefinition;
  entities: readonly EntityDefinition[];
  onShow(key: string, shown: boolean): void;
  onMove(key: string, delta: -1 | 1): void;
  onColumns(key: string, columns: string[] | undefined): void;
}) {
  const t = useMessages(LAYOUT_MESSAGES);
  const { lang } = useStudioLang();
  const lists = relatedListsOf(entity, entities);
  const shownCount = lists.filter((l) => l.shown).length;
  return (
    <section className="panel designer-panel" aria-labelledby="related-lists-heading">
      <header className="panel-head">
        <div>
          <h2 id="related-lists-heading">{t.related}</h2>
          <p className="subtitle small">{t.relatedHint}</p>
        </div>
      </header>
      {lists.length === 0 ? (
        <p className="panel-empty muted">{t.relatedNone}</p>
      ) : (
        <ol className="related-lists" data-testid="related-lists">
          {lists.map((list, i) => (
            <RelatedListRow
              key={keyOf(list)}
              list={list}
              title={relatedTitle(list, lists, entities, lang)}
              child={entities.find((e) => e.$id === list.entity)}
              first={i === 0}
              last={i === shownCount - 1}
              onShow={(shown) => onShow(keyOf(list), shown)}
              onMove={(delta) => onMove(keyOf(list), delta)}
              onColumns={(columns) => onColumns(keyOf(list), columns)}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

function RelatedListRow({
  list,
  title,
  child,
  first,
  last,
  onShow,
  onMove,
  onColumns,
}: {
  list: RelatedListChoice;
  title: string;
  child: EntityDefinition | undefined;
  first: boolean;
  last: boolean;
  onShow(shown: boolean): void;
  onMove(delta: -1 | 1): void;
  onColumns(columns: string[] | undefined): void;
}) {
  const t = useMessages(LAYOUT_MESSAGES);
  const { lang } = useStudioLang();
  const [open, setOpen] = useState(false);
  const columns = list.columns ?? (child ? defaultRelatedColumns(child, list.via) : []);
  const candidates = child ? columnCandidates(child, list.via) : [];
  const toggle = (column: string, on: boolean) => {
    const next = on ? [...columns, column] : columns.filter((c) => c !== column);
    // Kept in the order the columns are offered, so a column ticked later does not jump to the end.
    onColumns(candidates.filter((c) => next.includes(c)));
  };
  return (
    <li className={`related-list-row${list.shown ? '' : ' is-hidden'}`} data-related={keyOf(list)}>
      <div className="related-list-head">
        <label className="related-list-title">
          <input
            type="checkbox"
            aria-label={t.relatedShow(title)}
            checked={list.shown}
            onChange={(e) => onShow(e.target.checked)}
          />
          <span>{title}</span>
        </label>
        {list.shown && (
          <span className="related-list-tools">
            <button
              type="button"
              className="icon-button"
              aria-label={t.relatedUp(title)}
              disabled={first}
              onClick={() => onMove(-1)}
            >
              ↑
            </button>
            <button
              type="button"
              className="icon-button"
              aria-label={t.relatedDown(title)}
              disabled={last}
              onClick={() => onMove(1)}
            >
              ↓
            </button>
            <button
              type="button"
              className="button button-quiet button-small"
              aria-expanded={open}
              aria-label={t.relatedColumns(title)}
              onClick={() => setOpen(!open)}
            >
              {t.relatedColumnsShort}
            </button>
          </span>
        )}
      </div>
      {list.shown && child && (
        <p className="muted small related-list-columns">
          {columns.map((c) => columnTitle(child, c, lang)).join(lang === 'zh' ? '、' : ', ')}
        </p>
      )}
      {list.shown && open && child && (
        <fieldset className="related-columns">
          <legend className="visually-hidden">{t.relatedColumns(title)}</legend>
          {candidates.map((column) => {
            const on = columns.includes(column);
            const name = columnTitle(child, column, lang);
            return (
              <label key={column}>
                <input
                  type="checkbox"
                  aria-label={t.relatedColumn(title, name)}
                  checked={on}
                  disabled={(!on && columns.length >= MAX_RELATED_COLUMNS) || (on && columns.length === 1)}
                  title={
                    !on && columns.length >= MAX_RELATED_COLUMNS ? t.relatedMaxColumns(MAX_RELATED_COLUMNS) : undefined
                  }
                  onChange={(e) => toggle(column, e.target.checked)}
                />
                {name}
              </label>
            );
          })}
          {list.columns && (
            <button type="button" className="link-button" onClick={() => onColumns(undefined)}>
              {t.relatedDefaultColumns}
            </button>
          )}
        </fieldset>
      )}
    </li>
  );
}
