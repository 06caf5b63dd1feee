import { FUNCTIONS } from '@lodestar/core';
import { useStudioLang } from '../app/lang';

/**
 * The formula language's functions as a picker: choosing one hands `NAME(` to insert at the cursor. ME() is
 * offered only with `actor` (a workflow guard, where a user sends the event); elsewhere it is refused.
 */
export function FunctionSelect({
  label,
  placeholder,
  actor = false,
  onPick,
}: {
  label: string;
  placeholder: string;
  actor?: boolean;
  onPick: (text: string) => void;
}) {
  const { lang } = useStudioLang();
  return (
    <select aria-label={label} value="" onChange={(event) => event.target.value && onPick(`${event.target.value}(`)}>
      <option value="">{placeholder}</option>
      {[...FUNCTIONS.values()]
        .filter((fn) => actor || !fn.actor)
        .map((fn) => (
          <option key={fn.name} value={fn.name} title={fn.description[lang]}>
            {fn.syntax}
          </option>
        ))}
    </select>
  );
}
