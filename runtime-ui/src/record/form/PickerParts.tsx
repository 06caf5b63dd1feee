import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

/**
 * The parts a picker of the record form is made of (a relation's records, a user field's people): the chosen
 * value with its clear button, and a search box whose listbox the keyboard walks. What is searched and how
 * an option reads is the picker's own.
 */

/** What the user typed, whether the list is open, and which option the arrows point at. */
export function useComboboxState() {
  const [state, setState] = useState({ query: '', open: false, active: 0 });
  return {
    ...state,
    update: (change: (s: typeof state) => Partial<typeof state>) => setState((s) => ({ ...s, ...change(s) })),
  };
}
export type ComboboxState = ReturnType<typeof useComboboxState>;

interface ComboboxProps {
  id: string;
  box: ComboboxState;
  invalid: boolean;
  placeholder: string;
  options: { id: string; label: ReactNode }[];
  /** Shown when there is no option (searching, or nothing matches). */
  note: string;
  onPick(id: string): void;
}

/** The search box and its listbox: arrows move, Enter picks, Escape closes, leaving the box closes the list. */
export function Combobox({ id, box, invalid, placeholder, options, note, onPick }: ComboboxProps) {
  const blurTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const pick = (picked: string) => {
    onPick(picked);
    box.update(() => ({ query: '', open: false }));
  };
  const key = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') box.update((s) => ({ active: Math.min(s.active + 1, options.length - 1) }));
    else if (e.key === 'ArrowUp') box.update((s) => ({ active: Math.max(s.active - 1, 0) }));
    else if (e.key === 'Enter' && box.open && options[box.active]) pick(options[box.active]!.id);
    else if (e.key === 'Escape') box.update(() => ({ open: false }));
    else return;
    e.preventDefault();
  };
  return (
    <div
      className="ls-picker"
      onBlur={() => (blurTimer.current = setTimeout(() => box.update(() => ({ open: false })), 150))}
      onFocus={() => clearTimeout(blurTimer.current)}
    >
      <input
        id={id}
        className="ls-input"
        role="combobox"
        aria-expanded={box.open}
        aria-controls={`${id}__list`}
        aria-autocomplete="list"
        aria-invalid={invalid || undefined}
        autoComplete="off"
        value={box.query}
        placeholder={placeholder}
        onChange={(e) => {
          const query = e.target.value;
          box.update(() => ({ query, open: true, active: 0 }));
        }}
        onFocus={() => box.update(() => ({ open: true }))}
        onKeyDown={key}
      />
      {box.open && (
        <ul className="ls-picker-list" role="listbox" id={`${id}__list`}>
          {!options.length && <li className="ls-picker-note">{note}</li>}
          {options.map((option, i) => (
            <li
              key={option.id}
              role="option"
              aria-selected={i === box.active}
              className={i === box.active ? 'is-active' : ''}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(option.id)}
            >
              {option.label}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The chosen value (`children`) with a clear button unless locked; the field's id goes to whichever is focusable. */
export function ChosenValue(props: {
  id: string;
  locked?: boolean;
  clearLabel: string;
  onClear(): void;
  children: ReactNode;
}) {
  return (
    <div
      className={`ls-input ls-relation${props.locked ? ' is-readonly' : ''}`}
      id={props.locked ? props.id : undefined}
    >
      {props.children}
      {!props.locked && (
        <button
          type="button"
          id={props.id}
          className="ls-relation-clear"
          aria-label={props.clearLabel}
          onClick={props.onClear}
        >
          ×
        </button>
      )}
    </div>
  );
}

/** A locked field with nothing chosen. */
export function NothingChosen({ id }: { id: string }) {
  return (
    <div className="ls-input is-readonly" id={id}>
      —
    </div>
  );
}
