import type { WidgetProps } from '@rjsf/utils';
import { defineMessages, useMessages } from '@lodestar/ui-shared';
import { useModel } from '../../model/ModelContext';
import { useUsers, type DirectoryUser } from '../../fields/useUsers';
import { ChosenValue, Combobox, NothingChosen, useComboboxState } from './PickerParts';
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
  const box = useComboboxState();
  const value = typeof props.value === 'string' && props.value ? props.value : undefined;
  const locked = props.readonly || props.disabled;
  if (value) {
    const user = byId.get(value);
    const name = user ? user.displayName : loaded ? t.inactive : '…';
    return (
      <ChosenValue
        id={props.id}
        locked={locked}
        clearLabel={`${t.clear} ${props.label}`}
        onClear={() => props.onChange(undefined)}
      >
        <span className="ls-relation-link" title={user?.email}>
          {name}
        </span>
      </ChosenValue>
    );
  }
  if (locked) return <NothingChosen id={props.id} />;
  const shown = matchUsers(users, box.query, me.id);
  return (
    <Combobox
      id={props.id}
      box={box}
      invalid={(props.rawErrors?.length ?? 0) > 0}
      placeholder={t.search}
      note={t.noMatches}
      options={shown.map((u) => ({
        id: u.id,
        label: (
          <>
            {u.id === me.id ? t.me(u.displayName) : u.displayName}
            <span className="ls-picker-sub"> {u.email}</span>
          </>
        ),
      }))}
      onPick={(id) => props.onChange(id)}
    />
  );
}
