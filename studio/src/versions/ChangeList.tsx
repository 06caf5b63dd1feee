import { useStudioLang } from '../app/lang';
import { DIFF_MESSAGES } from './diff-messages';
import type { KeyedDiff, ValueChange } from '@lodestar/core';
import { changedPointers, short, valueAt } from './json-pointers';
import { useMessages } from '@lodestar/ui-shared';

/** Names added / removed, and for each changed one every differing pointer as before → after. */
export function ChangeList<C extends ValueChange>({
  label,
  diff,
  nameOf,
}: {
  label: string;
  diff: KeyedDiff<C>;
  nameOf(change: C): string;
}) {
  const t = useMessages(DIFF_MESSAGES);
  if (!diff.added.length && !diff.removed.length && !diff.changed.length) return null;
  return (
    <div className="change-list" aria-label={label}>
      <h5>{label}</h5>
      <ul>
        {diff.added.map((name) => (
          <li key={`+${name}`} className="change change-added" data-change="added" data-name={name}>
            <span className="change-tag">{t.added}</span> <Named id={name} titles={diff.titles} />
          </li>
        ))}
        {diff.removed.map((name) => (
          <li key={`-${name}`} className="change change-removed" data-change="removed" data-name={name}>
            <span className="change-tag">{t.removed}</span> <Named id={name} titles={diff.titles} />
          </li>
        ))}
        {diff.changed.map((change) => (
          <li
            key={`~${nameOf(change)}`}
            className="change change-changed"
            data-change="changed"
            data-name={nameOf(change)}
          >
            <span className="change-tag">{t.changed}</span> <Named id={nameOf(change)} titles={diff.titles} />
            <BeforeAfter before={change.before} after={change.after} />
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A name as people know it: its title in the user's language, then its id as code. */
export function Named({ id, titles }: { id: string; titles: Record<string, { en: string; zh: string }> | undefined }) {
  const { lang } = useStudioLang();
  const title = titles?.[id]?.[lang];
  return title && title !== id ? (
    <>
      {title} <code className="muted">{id}</code>
    </>
  ) : (
    <code>{id}</code>
  );
}

/** Every pointer where two values differ, as `pointer: before → after` (values as the definition's JSON). */
export function BeforeAfter({ before, after, pointers }: { before: unknown; after: unknown; pointers?: string[] }) {
  return (
    <ul className="before-after">
      {(pointers ?? changedPointers(before, after)).map((pointer) => (
        <li key={pointer}>
          <code className="pointer">{pointer || '/'}</code>{' '}
          <code className="before">{short(valueAt(before, pointer))}</code> <span aria-hidden="true">→</span>{' '}
          <code className="after">{short(valueAt(after, pointer))}</code>
        </li>
      ))}
    </ul>
  );
}
