import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { Registry, WidgetProps } from '@rjsf/utils';
import { ApiError, getJson, useMessages } from '@lodestar/ui-shared';
import { useModel } from '../../model/ModelContext';
import { entityTitle, recordTitle } from '../../model/labels';
import { paths } from '../../app/paths';
import type { RecordJson, RecordPage } from '../../model/types';
import { RECORD_MESSAGES } from '../messages';
import { ChosenValue, Combobox, NothingChosen, useComboboxState } from './PickerParts';
import type { RecordFormContext } from './formContext';
import { pickerContextOf, type PickerContext } from './picker-context';

/** Titles of related records seen so far, so a picker shows a name without asking twice. */
const titles = new Map<string, string>();

export function useTitles(target: string, ids: string[]): Record<string, string> {
  const model = useModel();
  const [, setVersion] = useState(0);
  const key = ids.join(',');
  useEffect(() => {
    const entity = model.entity(target);
    const missing = ids.filter((id) => !titles.has(`${target}/${id}`));
    if (!entity || !missing.length) return;
    let live = true;
    const path = (id: string) => `/api/v1/records/${encodeURIComponent(target)}/${encodeURIComponent(id)}`;
    Promise.all(
      missing.map((id) =>
        readTitle(() => getJson<RecordJson>(path(id))).then(
          (record) => titles.set(`${target}/${id}`, recordTitle(entity, record)),
          // Not found or not readable by this user: its short id stands in. A failure that may pass
          // (a busy server, a dropped connection) is not remembered, so the next view asks again.
          (error: unknown) => unreadable(error) && titles.set(`${target}/${id}`, id.slice(0, 8)),
        ),
      ),
    ).then(() => live && setVersion((n) => n + 1));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for `ids`, a new array every render
  }, [target, key]);
  return Object.fromEntries(ids.map((id) => [id, titles.get(`${target}/${id}`) ?? '…']));
}

const unreadable = (error: unknown) => error instanceof ApiError && error.status >= 400 && error.status < 500;

/** One read, tried once more after a second when it failed for a reason that may pass. */
async function readTitle<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (unreadable(error)) throw error;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    return read();
  }
}

type Found = { id: string; title: string; near?: boolean };

/**
 * Searches the target entity by text, 10 at a time, as the user types (debounced). With a context (read when
 * the search runs, so it follows what the form holds by then), the records it names — an opportunity's
 * customer's contacts — come first, marked, then the rest.
 */
function useSearch(
  target: string,
  query: string,
  open: boolean,
  contextNow: (() => PickerContext | undefined) | undefined,
): { results: Found[]; loading: boolean; context: PickerContext | undefined } {
  const model = useModel();
  const [state, setState] = useState<{ results: Found[]; loading: boolean; context: PickerContext | undefined }>({
    results: [],
    loading: false,
    context: undefined,
  });
  useEffect(() => {
    const entity = model.entity(target);
    if (!open || !entity) return;
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    const titleField = entity['x-entity'].titleField;
    const page = (near: PickerContext | undefined) => {
      const params = new URLSearchParams({
        limit: '10',
        fields: `id,${titleField}`,
        ...(query.trim() && { q: query.trim() }),
        ...(near && { [`filter[${near.field}][eq]`]: near.value }),
      });
      return getJson<RecordPage>(`/api/v1/records/${encodeURIComponent(target)}?${params}`, controller.signal).then(
        (answer) => answer.data.map((record) => ({ id: record.id, title: recordTitle(entity, record), near: !!near })),
      );
    };
    const timer = setTimeout(() => {
      const context = contextNow?.();
      Promise.all([context ? page(context) : Promise.resolve([]), page(undefined)]).then(
        ([near, all]) => {
          const results = [...near, ...all.filter((r) => !near.some((n) => n.id === r.id))];
          results.forEach((r) => titles.set(`${target}/${r.id}`, r.title));
          setState({ results, loading: false, context });
        },
        () => !controller.signal.aborted && setState({ results: [], loading: false, context: undefined }),
      );
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the context is read when the search runs
  }, [model, target, query, open]);
  return state;
}

/** Reads the picker's context from the form it sits in, when asked (see picker-context.ts). */
export function useContextOf(target: string, field: string, registry: Registry): () => PickerContext | undefined {
  const model = useModel();
  const form = registry.formContext as RecordFormContext | undefined;
  return () => {
    const entity = form?.entity ? model.entity(form.entity) : undefined;
    const targetEntity = model.entity(target);
    if (!entity || !targetEntity) return undefined;
    return pickerContextOf(targetEntity, { entity, recordId: form?.recordId, values: form?.values?.() ?? {}, field });
  };
}

interface PickerProps {
  id: string;
  target: string;
  exclude: string[];
  invalid: boolean;
  placeholder?: string;
  /** The records to offer first, read when a search runs (see picker-context.ts). */
  context?: (() => PickerContext | undefined) | undefined;
  onPick(id: string): void;
}

/** The search box and its listbox of matches. */
export function SearchBox({ id, target, exclude, invalid, placeholder, context, onPick }: PickerProps) {
  const t = useMessages(RECORD_MESSAGES);
  const model = useModel();
  const box = useComboboxState();
  const { results, loading, context: near } = useSearch(target, box.query, box.open, context);
  const shown = results.filter((r) => !exclude.includes(r.id));
  const parent = near && model.entity(near.parent);
  const nearLabel = parent ? t.sameParent(entityTitle(parent, model.lang)) : '';
  return (
    <Combobox
      id={id}
      box={box}
      invalid={invalid}
      placeholder={placeholder ?? t.search}
      note={loading ? t.searching : t.noMatches}
      options={shown.map((r) => ({
        id: r.id,
        label: r.near ? (
          <>
            {r.title} <span className="ls-picker-near">{nearLabel}</span>
          </>
        ) : (
          r.title
        ),
      }))}
      onPick={onPick}
    />
  );
}

/** manyToOne: the chosen record's title (a link), or a search box. */
export function RelationWidget(props: WidgetProps) {
  const target = String(props.options.target);
  const t = useMessages(RECORD_MESSAGES);
  const value = typeof props.value === 'string' && props.value ? props.value : undefined;
  const title = useTitles(target, value ? [value] : [])[value ?? ''];
  const context = useContextOf(target, props.name, props.registry);
  const locked = props.readonly || props.disabled;
  if (value) {
    return (
      <ChosenValue
        id={props.id}
        locked={locked}
        clearLabel={`${t.clear} ${props.label}`}
        onClear={() => props.onChange(undefined)}
      >
        <Link to={paths.record(target, value)} className="ls-relation-link">
          {title}
        </Link>
      </ChosenValue>
    );
  }
  if (locked) return <NothingChosen id={props.id} />;
  return (
    <SearchBox
      id={props.id}
      target={target}
      exclude={[]}
      invalid={(props.rawErrors?.length ?? 0) > 0}
      context={context}
      onPick={(id) => props.onChange(id)}
    />
  );
}

/** manyToMany: chips of the chosen records plus a search box to add more. */
export function RelationsWidget(props: WidgetProps) {
  const target = String(props.options.target);
  const t = useMessages(RECORD_MESSAGES);
  const ids: string[] = Array.isArray(props.value) ? props.value : [];
  const names = useTitles(target, ids);
  const context = useContextOf(target, props.name, props.registry);
  const locked = props.readonly || props.disabled;
  return (
    <div className="ls-relations">
      {ids.length > 0 && (
        <div className="ls-chips">
          {ids.map((id) => (
            <span key={id} className="ls-tag">
              <Link to={paths.record(target, id)}>{names[id]}</Link>
              {!locked && (
                <button
                  type="button"
                  className="ls-tag-remove"
                  aria-label={`${t.remove} ${names[id]}`}
                  onClick={() => props.onChange(ids.filter((v) => v !== id))}
                >
                  ×
                </button>
              )}
            </span>
          ))}
        </div>
      )}
      {locked ? (
        !ids.length && (
          <div className="ls-input is-readonly" id={props.id}>
            —
          </div>
        )
      ) : (
        <SearchBox
          id={props.id}
          target={target}
          exclude={ids}
          invalid={(props.rawErrors?.length ?? 0) > 0}
          context={context}
          onPick={(id) => props.onChange([...ids, id])}
        />
      )}
    </div>
  );
}

/** Titles of related records as links (audit values, read-only places). */
export function RelationTitles({ target, ids }: { target: string; ids: string[] }) {
  const names = useTitles(target, ids);
  return (
    <span className="ls-relation-titles">
      {ids.map((id, i) => (
        <span key={id}>
          {i > 0 && ', '}
          <Link to={paths.record(target, id)}>{names[id]}</Link>
        </span>
      ))}
    </span>
  );
}
