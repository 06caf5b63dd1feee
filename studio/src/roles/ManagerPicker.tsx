import { useId, useState, type KeyboardEvent } from 'react';
import { useMessages } from '@lodestar/ui-shared';
import type { User } from './admin-api';
import { PEOPLE_MESSAGES } from './people-messages';

/** Whether a user matches what was typed: any part of the name or email, case aside. */
export function matchesPerson(user: Pick<User, 'displayName' | 'email'>, query: string): boolean {
  const q = query.trim().toLowerCase();
  return !q || user.displayName.toLowerCase().includes(q) || user.email.toLowerCase().includes(q);
}

/**
 * A searchable choice of a user's manager among the active users (the user aside): type part of a name or
 * email, pick with the mouse or the arrow keys and Enter. Loops are the engine's to refuse, naming both people.
 */
export function ManagerPicker({
  label,
  users,
  self,
  value,
  onChange,
}: {
  label: string;
  users: User[];
  self: string;
  value: string;
  onChange(id: string): void;
}) {
  const t = useMessages(PEOPLE_MESSAGES);
  const listId = useId();
  // What is typed while searching; undefined while the list is closed.
  const [query, setQuery] = useState<string>();
  const [active, setActive] = useState(0);
  const chosen = users.find((u) => u.id === value);
  const matches =
    query === undefined ? [] : users.filter((u) => u.active && u.id !== self && matchesPerson(u, query)).slice(0, 8);
  // The first option is "no manager".
  const options = [
    { id: '', name: t.noManager, email: '' },
    ...matches.map((u) => ({ id: u.id, name: u.displayName, email: u.email })),
  ];
  const pick = (id: string) => {
    onChange(id);
    setQuery(undefined);
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') setQuery(undefined);
    else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (query === undefined) setQuery('');
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i + step + options.length) % options.length);
    } else if (event.key === 'Enter' && query !== undefined) {
      event.preventDefault();
      pick(options[Math.min(active, options.length - 1)]!.id);
    }
  };
  return (
    <div
      className="manager-picker"
      onBlur={(event) => !event.currentTarget.contains(event.relatedTarget as Node | null) && setQuery(undefined)}
    >
      <label className="control">
        <span className="control-label">{label}</span>
        <input
          role="combobox"
          aria-expanded={query !== undefined}
          aria-controls={listId}
          aria-autocomplete="list"
          autoComplete="off"
          placeholder={t.searchPeople}
          value={query ?? (chosen ? `${chosen.displayName}（${chosen.email}）` : '')}
          onFocus={(event) => {
            event.target.select();
            setQuery((q) => q ?? '');
          }}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(event.target.value ? 1 : 0);
          }}
          onKeyDown={onKey}
        />
      </label>
      {query !== undefined && (
        <ul className="picker-list" role="listbox" id={listId} aria-label={label}>
          {options.map((option, i) => (
            <li key={option.id || 'none'} role="presentation">
              <button
                type="button"
                role="option"
                aria-selected={i === active}
                className={i === active ? 'is-active' : undefined}
                onMouseEnter={() => setActive(i)}
                onClick={() => pick(option.id)}
              >
                {option.name}
                {option.email && <span className="muted small"> {option.email}</span>}
              </button>
            </li>
          ))}
          {query.trim() && matches.length === 0 && (
            <li className="muted small picker-empty" role="presentation">
              {t.noMatch}
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
