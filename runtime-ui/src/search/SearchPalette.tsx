import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import type { SearchHit } from '@lodestar/core';
import { useMessages } from '@lodestar/ui-shared';
import { useModel } from '../model/ModelContext';
import { entityTitle, fieldTitle } from '../model/labels';
import { paths } from '../app/paths';
import { SEARCH_MESSAGES } from './messages';
import { useSearch } from './use-search';

/**
 * The command palette: results grouped by entity as the engine ranks them, each with the field it was
 * found by and the matched text marked; arrows move, Enter opens, Escape or a click outside closes.
 */
export function SearchPalette({ onClose }: { onClose: () => void }) {
  const t = useMessages(SEARCH_MESSAGES);
  const { entities, lang } = useModel();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [active, setActive] = useState(0);
  const state = useSearch(q);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  const answer = state.status === 'done' ? state.answer : undefined;
  const groups = useMemo(() => answer?.groups ?? [], [answer]);
  const flat = useMemo(
    () => groups.flatMap((group) => group.hits.map((hit) => ({ entity: group.entity, hit }))),
    [groups],
  );
  useEffect(() => setActive(0), [flat]);

  const open = (entity: string, hit: SearchHit) => {
    onClose();
    void navigate(paths.record(entity, hit.id));
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') return onClose();
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (flat.length ? (i + step + flat.length) % flat.length : 0));
    }
    if (event.key === 'Enter' && flat[active]) open(flat[active].entity, flat[active].hit);
  };
  const definition = (id: string) => entities.find((entity) => entity.$id === id);

  let index = -1;
  return (
    <div className="search-backdrop" onPointerDown={(event) => event.target === event.currentTarget && onClose()}>
      <div className="search-palette" role="dialog" aria-modal="true" aria-label={t.dialog} onKeyDown={onKey}>
        <input
          ref={input}
          className="search-input"
          type="search"
          value={q}
          placeholder={t.placeholder}
          aria-label={t.dialog}
          aria-controls="search-results"
          aria-activedescendant={flat[active] ? `search-hit-${active}` : undefined}
          onChange={(event) => setQ(event.target.value)}
        />
        <div id="search-results" className="search-results" role="listbox" aria-label={t.dialog}>
          {state.status === 'loading' && <p className="search-note">{t.searching}</p>}
          {state.status === 'failed' && <p className="search-note">{t.failed}</p>}
          {state.status === 'done' && !groups.length && <p className="search-note">{t.nothing(state.answer.q)}</p>}
          {groups.map((group) => {
            const entity = definition(group.entity);
            return (
              <section key={group.entity} className="search-group" data-entity={group.entity}>
                <h3 className="search-group-title">{entity ? entityTitle(entity, lang) : group.entity}</h3>
                {group.hits.map((hit) => {
                  index += 1;
                  const mine = index;
                  return (
                    <div
                      key={hit.id}
                      id={`search-hit-${mine}`}
                      role="option"
                      aria-selected={mine === active}
                      className={mine === active ? 'search-hit active' : 'search-hit'}
                      onPointerEnter={() => setActive(mine)}
                      onClick={() => open(group.entity, hit)}
                    >
                      <span className="search-hit-title">{hit.title}</span>
                      <span className="search-hit-match">
                        <span className="search-hit-field">
                          {entity ? fieldTitle(entity, hit.field, lang) : hit.field}
                          {hit.match === 'pinyin' && ` · ${t.byPinyin}`}
                        </span>
                        <Fragment hit={hit} />
                      </span>
                    </div>
                  );
                })}
              </section>
            );
          })}
        </div>
        <p className="search-hint">{t.hint}</p>
      </div>
    </div>
  );
}

/** The matched fragment with the match marked. */
function Fragment({ hit }: { hit: SearchHit }) {
  if (hit.start === undefined || hit.end === undefined)
    return <span className="search-hit-fragment">{hit.fragment}</span>;
  return (
    <span className="search-hit-fragment">
      {hit.fragment.slice(0, hit.start)}
      <mark>{hit.fragment.slice(hit.start, hit.end)}</mark>
      {hit.fragment.slice(hit.end)}
    </span>
  );
}
