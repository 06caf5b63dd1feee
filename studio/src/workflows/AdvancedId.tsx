import { useState } from 'react';
import { useMessages } from '@lodestar/ui-shared';
import { TextInput } from '../ui/controls';
import { DESIGNER_MESSAGES } from './designer-messages';
import { WORKFLOW_MESSAGES } from './messages';

interface Props {
  label: string;
  id: string;
  pattern: RegExp;
  taken: readonly string[];
  /** Set when the id changes by a button (a state's rename); without it the input edits the id as typed. */
  onRename?(id: string): void;
  onChange?(id: string): void;
  note?: string;
}

/** The id derived from a title, behind a "高级 / Advanced" disclosure: shown, and editable when it must be. */
export function AdvancedId({ label, id, pattern, taken, onRename, onChange, note }: Props) {
  const m = useMessages(DESIGNER_MESSAGES);
  const w = useMessages(WORKFLOW_MESSAGES);
  const [draft, setDraft] = useState(id);
  const value = onRename ? draft : id;
  const error = !pattern.test(value)
    ? pattern.source.startsWith('^[A-Z]')
      ? w.eventPattern
      : w.idPattern
    : value !== id && taken.includes(value)
      ? w.idTaken
      : undefined;
  return (
    <details className="wf-advanced">
      <summary>{m.advanced}</summary>
      <TextInput
        label={label}
        value={value}
        mono
        hint={error ?? note ?? m.idHint}
        onChange={(v) => (onRename ? setDraft(v) : onChange?.(v))}
      />
      {onRename && (
        <button
          type="button"
          className="button button-quiet"
          disabled={!!error || draft === id}
          onClick={() => onRename(draft)}
        >
          {m.rename}
        </button>
      )}
    </details>
  );
}
