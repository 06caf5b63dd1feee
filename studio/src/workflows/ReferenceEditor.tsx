import { useStudioLang } from '../app/lang';
import { Select } from '../ui/controls';
import { libraryDescription } from './library-descriptions';
import { libraryName } from './library-messages';
import { refName, refParams } from './model';
import { ParamsForm, type FieldOption } from './ParamsForm';
import type { LibraryEntry, Reference } from './types';
import { useMessages } from '@lodestar/ui-shared';
import { RULE_MESSAGES } from '../rules/messages';
import '../rules/rule-builder.css';

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

/**
 * A guard or action picked from the library, with the form its params schema describes; all / any / not hold
 * guards, each edited the same way (a composite condition is never JSON).
 */
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
      {entry && (name === 'all' || name === 'any' || name === 'not') ? (
        <GuardParts
          name={name}
          params={refParams(value)}
          entries={entries}
          fields={fields}
          labelPrefix={labelPrefix ?? ''}
          onChange={(params) => onChange({ type: name, params })}
        />
      ) : (
        entry && (
          <ParamsForm
            schema={entry.params}
            value={refParams(value)}
            fields={fields}
            labelPrefix={labelPrefix}
            of={name}
            onChange={(params) => onChange({ type: name, params })}
          />
        )
      )}
    </div>
  );
}

/** all / any: a list of guards, each picked and filled in like this one; not: the one guard it turns round. */
function GuardParts({
  name,
  params,
  entries,
  fields,
  labelPrefix,
  onChange,
}: {
  name: 'all' | 'any' | 'not';
  params: Record<string, unknown>;
  entries: LibraryEntry[];
  fields: FieldOption[];
  labelPrefix: string;
  onChange(params: Record<string, unknown>): void;
}) {
  const t = useMessages(RULE_MESSAGES);
  const fresh = (): Reference => ({
    type: entries.some((e) => e.name === 'condition') ? 'condition' : entries[0]!.name,
  });
  if (name === 'not') {
    const label = `${labelPrefix}${t.innerGuard}`;
    return (
      <div className="guard-parts">
        <ReferenceEditor
          label={label}
          entries={entries}
          value={(params.guard as Reference | undefined) ?? fresh()}
          fields={fields}
          labelPrefix={`${label} · `}
          onChange={(guard) => onChange({ guard })}
        />
      </div>
    );
  }
  const parts = Array.isArray(params.guards) ? (params.guards as Reference[]) : [];
  const set = (guards: Reference[]) => onChange({ guards });
  return (
    <ol className="guard-parts">
      {parts.map((part, i) => {
        const label = `${labelPrefix}${t.guardPart(i + 1)}`;
        return (
          <li key={i} data-guard-part={i + 1}>
            <ReferenceEditor
              label={label}
              entries={entries}
              value={part}
              fields={fields}
              labelPrefix={`${label} · `}
              onChange={(next) => set(parts.map((p, j) => (j === i ? (next ?? p) : p)))}
            />
            <button type="button" className="link-button danger" onClick={() => set(parts.filter((_, j) => j !== i))}>
              {t.removeGuardPart(i + 1)}
            </button>
          </li>
        );
      })}
      <li>
        <button type="button" className="link-button" onClick={() => set([...parts, fresh()])}>
          + {t.addGuardPart}
        </button>
      </li>
    </ol>
  );
}
