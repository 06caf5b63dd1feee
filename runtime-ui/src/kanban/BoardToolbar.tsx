import { useEffect, useState } from 'react';
import { KANBAN_MESSAGES } from './messages';
import { useMessages } from '@lodestar/ui-shared';

export type OwnerFilter = 'me' | 'all';

/** The board's quick filters: whose cards (mine / everyone's) and a text search (debounced). */
export function BoardToolbar({
  owner,
  onOwner,
  search,
  onSearch,
  busy,
}: {
  owner: OwnerFilter;
  onOwner(o: OwnerFilter): void;
  search: string;
  onSearch(q: string): void;
  busy: boolean;
}) {
  const t = useMessages(KANBAN_MESSAGES);
  const [text, setText] = useState(search);
  // Typing reloads every column: wait for a pause.
  useEffect(() => {
    const timer = setTimeout(() => text !== search && onSearch(text), 300);
    return () => clearTimeout(timer);
  }, [text, search, onSearch]);

  return (
    <div className="kanban-toolbar">
      <div className="segmented" role="radiogroup" aria-label={t.ownerLabel}>
        {(['all', 'me'] as const).map((value) => (
          <button
            key={value}
            type="button"
            role="radio"
            aria-checked={owner === value}
            className={owner === value ? 'is-active' : undefined}
            onClick={() => onOwner(value)}
          >
            {value === 'me' ? t.ownerMe : t.ownerAll}
          </button>
        ))}
      </div>
      <input
        type="search"
        className="kanban-search"
        aria-label={t.searchLabel}
        placeholder={t.searchPlaceholder}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      {busy && <span className="muted kanban-busy">{t.moving}</span>}
    </div>
  );
}
