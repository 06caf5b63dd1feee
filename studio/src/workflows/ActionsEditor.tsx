import type { FieldOption } from './ParamsForm';
import { PANEL_MESSAGES } from './panel-messages';
import { ReferenceEditor } from './ReferenceEditor';
import type { LibraryEntry, Reference } from './types';
import { useMessages } from '@lodestar/ui-shared';

/** The actions a transition runs, in order: each picked from the library with its params; add and remove. */
export function ActionsEditor({
  actions,
  entries,
  fields,
  heading,
  onChange,
}: {
  actions: Reference[];
  entries: LibraryEntry[];
  fields: FieldOption[];
  /** The legend, when not "动作" (a stage's entry actions). */
  heading?: string;
  onChange(actions: Reference[]): void;
}) {
  const t = useMessages(PANEL_MESSAGES);
  const replace = (i: number, next: Reference | undefined) => onChange(actions.map((a, j) => (j === i ? next! : a)));
  return (
    <fieldset className="wf-actions">
      <legend>{heading ?? t.actions}</legend>
      {actions.length === 0 && <p className="muted small">{t.none}</p>}
      {actions.map((action, i) => (
        <div className="wf-action" key={i} data-action-index={i}>
          <ReferenceEditor
            label={t.action(i + 1)}
            entries={entries}
            value={action}
            fields={fields}
            labelPrefix={`${t.action(i + 1)} · `}
            onChange={(next) => replace(i, next)}
          />
          <button
            type="button"
            className="link-button danger"
            onClick={() => onChange(actions.filter((_, j) => j !== i))}
          >
            {t.removeAction(i + 1)}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button-quiet"
        disabled={!entries.length}
        onClick={() => onChange([...actions, { type: entries[0]!.name, params: {} }])}
      >
        + {t.addAction}
      </button>
    </fieldset>
  );
}
