import { useState, type KeyboardEvent, type MouseEvent } from 'react';
import { ApiError, getJson, sendJson, useMessages, type Lang } from '@lodestar/ui-shared';
import type { EntityDefinition } from '@lodestar/core';
import { FieldValue } from '../fields/FieldValue';
import type { DisplayKind } from '../fields/kinds';
import { choiceTitle } from '../model/labels';
import type { RecordJson } from '../model/types';
import { LIST_MESSAGES } from './messages';

/** Kinds a cell edits in place: one plain value. Lists, relations, users and long forms open the record. */
const INLINE_KINDS: ReadonlySet<DisplayKind> = new Set<DisplayKind>([
  'text',
  'email',
  'phone',
  'url',
  'integer',
  'number',
  'money',
  'date',
  'choice',
]);

/** Whether a column's cell may be edited in place: a stored field of an editable kind the caller may write. */
export function isInlineEditable(
  entity: EntityDefinition,
  field: string,
  kind: DisplayKind,
  canUpdate: boolean,
  readOnly: readonly string[],
): boolean {
  const definition = entity.properties[field];
  if (!canUpdate || !definition || !INLINE_KINDS.has(kind) || readOnly.includes(field)) return false;
  const computed = definition as unknown as Record<string, unknown>;
  return !definition.readOnly && !computed['x-formula'] && !computed['x-rollup'] && !computed['x-sequence'];
}

interface InlineCellProps {
  entity: EntityDefinition;
  field: string;
  kind: DisplayKind;
  title: string;
  lang: Lang;
  record: RecordJson;
  onSaved: (record: RecordJson) => void;
}

type Problem = { kind: 'conflict'; current: RecordJson } | { kind: 'refused'; message: string };

/**
 * A cell edited in place from its pencil (a click on the row still opens the record), Enter saves a PATCH at the record's version, Escape
 * cancels. A conflict shows the record's current value and keeps what the user typed (saving again writes over
 * the new version); a refusal shows the engine's reason.
 */
export function InlineCell({ entity, field, kind, title, lang, record, onSaved }: InlineCellProps) {
  const t = useMessages(LIST_MESSAGES);
  const [draft, setDraft] = useState<string | null>(null);
  const [version, setVersion] = useState(record.version);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const url = `/api/v1/records/${encodeURIComponent(entity.$id)}/${encodeURIComponent(record.id)}`;
  const start = async (event: MouseEvent) => {
    event.stopPropagation();
    setProblem(null);
    // Lists select only their columns: the version (and the value as stored now) come from the record itself.
    const current = record.version === undefined ? await getJson<RecordJson>(url).catch(() => record) : record;
    const value = current[field];
    setVersion(current.version);
    setDraft(value === null || value === undefined ? '' : String(value));
  };
  const cancel = () => (setDraft(null), setProblem(null));
  const save = async () => {
    if (draft === null) return;
    const numeric = kind === 'integer' || kind === 'number' || kind === 'money';
    const value = draft.trim() === '' ? null : numeric ? Number(draft) : draft;
    setBusy(true);
    try {
      const saved = await sendJson<RecordJson>('PATCH', url, { [field]: value, version });
      setDraft(null);
      setProblem(null);
      onSaved(saved);
    } catch (error) {
      if (error instanceof ApiError && (error.status === 409 || error.status === 412)) {
        const current = await getJson<RecordJson>(url);
        setVersion(current.version);
        setProblem({ kind: 'conflict', current });
      } else {
        const issue = error instanceof ApiError ? error.issues[0] : undefined;
        const message = issue?.i18n?.[lang] ?? (error as Error).message;
        setProblem({ kind: 'refused', message });
      }
    } finally {
      setBusy(false);
    }
  };
  const onKeyDown = (event: KeyboardEvent) => {
    event.stopPropagation();
    if (event.key === 'Enter') void save();
    if (event.key === 'Escape') cancel();
  };

  if (draft === null)
    return (
      <span className="inline-cell">
        <FieldValue entity={entity} field={field} record={record} />
        <button
          type="button"
          className="inline-edit-button"
          aria-label={t.editCell(title)}
          onClick={(e) => void start(e)}
        />
      </span>
    );
  const options = kind === 'choice' ? ((entity.properties[field]?.enum ?? []) as string[]) : [];
  return (
    <span className="inline-editor" onClick={(e) => e.stopPropagation()} onKeyDown={onKeyDown}>
      {kind === 'choice' ? (
        <select aria-label={title} value={draft} autoFocus onChange={(e) => setDraft(e.target.value)}>
          <option value="" />
          {options.map((o) => (
            <option key={o} value={o}>
              {choiceTitle(entity, field, o, lang)}
            </option>
          ))}
        </select>
      ) : (
        <input
          aria-label={title}
          autoFocus
          type={
            kind === 'date'
              ? 'date'
              : kind === 'text' || kind === 'email' || kind === 'phone' || kind === 'url'
                ? 'text'
                : 'number'
          }
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
        />
      )}
      <button type="button" className="inline-save" disabled={busy} onClick={() => void save()}>
        {t.save}
      </button>
      <button type="button" className="link-button" onClick={cancel}>
        {t.cancel}
      </button>
      {problem && (
        <span className="inline-problem" role="alert">
          {problem.kind === 'conflict' ? (
            <>
              {t.editConflict} <FieldValue entity={entity} field={field} record={problem.current} />
            </>
          ) : (
            problem.message
          )}
        </span>
      )}
    </span>
  );
}
