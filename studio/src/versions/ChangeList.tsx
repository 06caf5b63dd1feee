import { useMessages } from '../app/lang';
import { DIFF_MESSAGES } from './diff-messages';
import type { KeyedDiff, ValueChange } from './diff-types';
import { changedPointers, short, valueAt } from './json-pointers';

/** Names added / removed, and for each changed one every differing pointer as before → after. */
export function ChangeList<C extends ValueChange>({ label, diff, nameOf }: { label: string; diff: KeyedDiff<C>; nameOf(change: C): string }) {
  const t = useMessages(DIFF_MESSAGES);
  if (!diff.added.length && !diff.removed.length && !diff.changed.length) return null;
  return (
    <div className="change-list" aria-label={label}>
      <h5>{label}</h5>
      <ul>
        {diff.added.map((name) => (
          <li key={`+${name}`} className="change change-added" data-change="added" data-name={name}>
            <span className="change-tag">{t.added}</span> <code>{name}</code>
          </li>
        ))}
        {diff.removed.map((name) => (
          <li key={`-${name}`} className="change change-removed" data-change="removed" data-name={name}>
            <span className="change-tag">{t.removed}</span> <code>{name}</code>
          </li>
        ))}
        {diff.changed.map((change) => (
          <li key={`~${nameOf(change)}`} className="change change-changed" data-change="changed" data-name={nameOf(change)}>
            <span className="change-tag">{t.changed}</span> <code>{nameOf(change)}</code>
            <BeforeAfter before={change.before} after={change.after} />
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Every pointer where two values differ, as `pointer: before → after`. */
export function BeforeAfter({ before, after, pointers }: { before: unknown; after: unknown; pointers?: string[] }) {
  return (
    <ul className="before-after">
      {(pointers ?? changedPointers(before, after)).map((pointer) => (
        <li key={pointer}>
          <code className="pointer">{pointer || '/'}</code> <span className="before">{short(valueAt(before, pointer))}</span> <span aria-hidden="true">→</span>{' '}
          <span className="after">{short(valueAt(after, pointer))}</span>
        </li>
      ))}
    </ul>
  );
}
