import { useRef, useState, type KeyboardEvent } from 'react';
import type { WidgetProps } from '@rjsf/utils';
import { defineMessages, useMessages } from '@lodestar/ui-shared';
import { useModel } from '../../model/ModelContext';
import { useUsers, type DirectoryUser } from '../../fields/useUsers';
import './user-picker.css';

const MESSAGES = defineMessages({
  zh: {
    search: '搜索姓名或邮箱',
    me: (name: string) => `我（${name}）`,
    noMatches: '没有匹配的人员',
    clear: '清除',
    inactive: '已停用的用户',
  },
  en: {
    search: 'Search by name or email',
    me: (name: string) => `Me (${name})`,
    noMatches: 'Nobody matches',
    clear: 'Clear',
    inactive: 'Deactivated user',
  },
});

/** Active users matching `needle` (name or email), the signed-in user first; at most 20. */
export function matchUsers(users: DirectoryUser[], needle: string, meId: string): DirectoryUser[] {
  const text = needle.trim().toLowerCase();
  const found = users.filter(
    (u) => !text || u.displayName.toLowerCase().includes(text) || u.email.toLowerCase().includes(text),
  );
  return [...found.filter((u) => u.id === meId), ...found.filter((u) => u.id !== meId)].slice(0, 20);
}

/**
 * A user field (`x-user`): the chosen person's name with a clear button, or a search over the users
 * directory (active users, by name or email, "me" first). A person deactivated since being chosen is not
 * in the directory and reads as such; the engine keeps them on the record until someone else is chosen.
 */
export function UserWidget(props: WidgetProps) {
  const t = useMessages(MESSAGES);
  const { me } = useModel();
  const { users, byId, loaded } = useUsers();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const blurTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const value = typeof props.value === 'string' && props.value ? props.value : undefined;
  const locked = props.readonly || props.disabled;
  if (value) {
    const user = byId.get(value);
    const name = user ? user.displayName : loaded ? t.inactive : '…';
    return (
      <div className={`ls-input ls-relation${locked ? ' is-readonly' : ''}`} id={locked ? props.id : undefined}>
        <span className="ls-relation-link" title={user?.email}>
          {name}
        </span>
        {!locked && (
          <button
            type="button"
            id={props.id}
            className="ls-relation-clear"
            aria-label={`${t.clear} ${props.label}`}
            onClick={() => props.onChange(undefined)}
          >
            ×
          </button>
        )}
      </div>
    );
  }
  if (locked)
    return (
      <div className="ls-input is-readonly" id={props.id}>
        —
      </div>
    );
  const shown = matchUsers(users, query, me.id);
  const pick = (id: string) => {
    props.onChange(id);
    setQuery('');
    setOpen(false);
  };
  const key = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') setActive((i) => Math.min(i + 1, shown.length - 1));
    else if (e.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
    else if (e.key === 'Enter' && open && shown[active]) pick(shown[active].id);
    else if (e.key === 'Escape') setOpen(false);
    else return;
    e.preventDefault();
  };
  return (
    <div
      className="ls-picker"
      onBlur={() => (blurTimer.current = setTimeout(() => setOpen(false), 150))}
      onFocus={() => clearTimeout(blurTimer.current)}
    >
      <input
        id={props.id}
        className="ls-input"
        role="combobox"
        aria-expanded={open}
        aria-controls={`${props.id}__list`}
        aria-autocomplete="list"
        aria-invalid={(props.rawErrors?.length ?? 0) > 0 || undefined}
        autoComplete="off"
        value={query}
        placeholder={t.search}
        onChange={(e) => (setQuery(e.target.value), setOpen(true), setActive(0))}
        onFocus={() => setOpen(true)}
        onKeyDown={key}
      />
      {open && (
        <ul className="ls-picker-list" role="listbox" id={`${props.id}__list`}>
          {!shown.length && <li className="ls-picker-note">{t.noMatches}</li>}
          {shown.map((u, i) => (
            <li
              key={u.id}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'is-active' : ''}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(u.id)}
            >
              {u.id === me.id ? t.me(u.displayName) : u.displayName}
              <span className="ls-picker-sub"> {u.email}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
