import { useEffect, useState } from 'react';
import { getJson } from '@lodestar/ui-shared';
import { useUsers } from '../fields/useUsers';
import { recordTitle } from '../model/labels';
import type { EntityDefinition } from '@lodestar/core';
import type { RecordPage } from '../model/types';
import type { EditorProps } from './filterEditors';
import { ME } from './listQuery';
import { rememberTitle, useRelatedTitles } from './relatedTitles';
import { useDebouncedText } from './useDebounced';

interface Candidate {
  id: string;
  label: string;
}

/** Chosen values as removable tags, a search box, and the matching candidates to add (`in`). */
interface PickerProps extends EditorProps {
  labelOf: (id: string) => string;
  text: string;
  setText: (text: string) => void;
  /** Candidates for the current text; null while they load. */
  found: Candidate[] | null;
}

function Picker({ field, title, filters, onChange, t, labelOf, text, setText, found }: PickerProps) {
  const chosen = (filters.find((f) => f.op === 'in')?.value ?? '').split(',').filter(Boolean);
  const candidates = (found ?? []).filter((c) => !chosen.includes(c.id)).slice(0, 8);
  const set = (ids: string[]) => onChange(ids.length ? [{ field, op: 'in', value: ids.join(',') }] : []);
  return (
    <div className="filter-pick" role="group" aria-label={title}>
      {chosen.length > 0 && (
        <div className="filter-picked">
          {chosen.map((id) => (
            <button
              key={id}
              type="button"
              className="filter-tag"
              onClick={() => set(chosen.filter((c) => c !== id))}
              aria-label={t.removeFilter(labelOf(id))}
            >
              {labelOf(id)} <span aria-hidden="true">×</span>
            </button>
          ))}
        </div>
      )}
      <input
        type="search"
        className="filter-input"
        aria-label={title}
        placeholder={t.searchRelated}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <ul className="filter-candidates">
        {candidates.map((c) => (
          <li key={c.id}>
            <button type="button" onClick={() => set([...chosen, c.id])}>
              {c.label}
            </button>
          </li>
        ))}
        {text && candidates.length === 0 && <li className="muted">{t.noResults}</li>}
      </ul>
    </div>
  );
}

/** Related records of a many-to-one field, found with the related entity's quick search. */
export function RelatedFilter(props: EditorProps & { target: EntityDefinition }) {
  const { target } = props;
  const chosen = (props.filters.find((f) => f.op === 'in')?.value ?? '').split(',').filter(Boolean);
  const titles = useRelatedTitles(target, chosen);
  const [results, setResults] = useState<Candidate[] | null>(null);
  const [text, setText] = useState('');
  const [debounced, setDebounced] = useState('');
  const [, onType] = useDebouncedText('', setDebounced, 250);
  useEffect(() => {
    const controller = new AbortController();
    {
      const titleField = target['x-entity'].titleField;
      const q = debounced.trim() ? `&q=${encodeURIComponent(debounced.trim())}` : '';
      getJson<RecordPage>(
        `/api/v1/records/${encodeURIComponent(target.$id)}?limit=8&fields=${encodeURIComponent(titleField)}${q}`,
        controller.signal,
      ).then(
        (page) => {
          const found = page.data.map((r) => ({ id: r.id, label: recordTitle(target, r) }));
          found.forEach((c) => rememberTitle(target.$id, c.id, c.label));
          setResults(found);
        },
        () => !controller.signal.aborted && setResults([]),
      );
    }
    return () => controller.abort();
  }, [target, debounced]);
  const type = (value: string) => {
    setText(value);
    onType(value);
  };
  return (
    <Picker {...props} labelOf={(id) => titles.get(id) ?? id.slice(0, 8)} text={text} setText={type} found={results} />
  );
}

/** Users, the signed-in one first as "me". */
export function UserFilter(props: EditorProps & { meId: string }) {
  const { users, byId } = useUsers();
  const { t, meId } = props;
  const labelOf = (id: string) => (id === ME ? t.me : (byId.get(id)?.displayName ?? id.slice(0, 8)));
  const [text, setText] = useState('');
  const found = (() => {
    const needle = text.trim().toLowerCase();
    const others = users.filter(
      (u) =>
        u.id !== meId &&
        (!needle || u.displayName.toLowerCase().includes(needle) || u.email.toLowerCase().includes(needle)),
    );
    const me = !needle || t.me.toLowerCase().includes(needle) ? [{ id: ME, label: t.me }] : [];
    return [...me, ...others.map((u) => ({ id: u.id, label: u.displayName }))];
  })();
  return <Picker {...props} labelOf={labelOf} text={text} setText={setText} found={found} />;
}
