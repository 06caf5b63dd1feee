import { useStudioLang } from '../app/lang';
import { Select } from '../ui/controls';
import { libraryDescription } from './library-descriptions';
import { libraryName } from './library-messages';
import { refName, refParams } from './model';
import { ParamsForm, type FieldOption } from './ParamsForm';
import type { LibraryEntry, Reference } from './types';

interface Props {
  label: string;
  /** The option for "none" (a guard may be absent); without it a name is always chosen. */
  noneLabel?: string;
  entries: LibraryEntry[];
  value: Reference | undefined;
  onChange(value: Reference | undefined): void;
  fields: FieldOption[];
  labelPrefix?: string;
}

/** A guard or action picked from the library, with the form its params schema describes. */
export function ReferenceEditor({ label, noneLabel, entries, value, onChange, fields, labelPrefix }: Props) {
  const { lang } = useStudioLang();
  const name = refName(value);
  const entry = entries.find((e) => e.name === name);
  const names = entries.map((e) => e.name);
  const options = [
    ...(noneLabel !== undefined ? [{ value: '', label: noneLabel }] : []),
    ...names.map((n) => ({ value: n, label: libraryName(n, lang) })),
  ];
  // A name the library does not know stays visible (the engine reports it) instead of silently changing.
  if (name && !names.includes(name)) options.push({ value: name, label: `${name} ⚠` });
  return (
    <div className="reference">
      <Select
        label={label}
        value={name}
        options={options}
        onChange={(next) => onChange(next ? { type: next, params: {} } : undefined)}
      />
      {name && libraryDescription(name, lang) && (
        <p className="muted small wf-ref-description">{libraryDescription(name, lang)}</p>
      )}
      {entry && (
        <ParamsForm
          schema={entry.params}
          value={refParams(value)}
          fields={fields}
          labelPrefix={labelPrefix}
          of={name}
          onChange={(params) => onChange({ type: name, params })}
        />
      )}
    </div>
  );
}
