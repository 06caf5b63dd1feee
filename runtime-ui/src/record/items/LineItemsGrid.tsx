import type { EntityDefinition, FieldDefinition } from '@lodestar/core';
import { useMessages, type Lang } from '@lodestar/ui-shared';
import { FieldValue } from '../../fields/FieldValue';
import { entityTitle, fieldTitle, choiceTitle } from '../../model/labels';
import type { RecordJson } from '../../model/types';
import { LINE_ITEM_MESSAGES } from './messages';
import type { EditLine, LineList } from './lineItems';
import './line-items.css';

export interface LineItemsGridProps {
  parent: EntityDefinition;
  list: LineList;
  lines: EditLine[];
  /** Each line with its formula cells computed, in the order of `lines`. */
  computed: Record<string, unknown>[];
  /** Problems per line and cell: what the form sees, then what the engine answered. */
  errors: Record<string, string>[];
  /** The parent's roll-ups over these lines, computed live. */
  totals: Record<string, unknown>;
  lang: Lang;
  readOnly: boolean;
  onChange(lines: EditLine[]): void;
}

/**
 * The lines of one list as an editable grid: a row per line (cards at phone width), cells typed in place,
 * formula cells and the totals computed as the user types; add, remove and move lines up or down.
 */
export function LineItemsGrid(props: LineItemsGridProps) {
  const { parent, list, lines, computed, errors, totals, lang, readOnly, onChange } = props;
  const t = useMessages(LINE_ITEM_MESSAGES);
  const title = (name: string) => fieldTitle(list.child, name, lang);
  const set = (index: number, name: string, value: unknown) =>
    onChange(lines.map((line, i) => (i === index ? { ...line, values: { ...line.values, [name]: value } } : line)));
  const move = (index: number, by: number) => {
    const next = [...lines];
    const [line] = next.splice(index, 1);
    next.splice(index + by, 0, line!);
    onChange(next);
  };
  const totalNames = Object.keys(totals);
  return (
    <section className="line-items" aria-label={entityTitle(list.child, lang)} data-testid={`lines-${list.name}`}>
      <h3 className="line-items-title">{entityTitle(list.child, lang)}</h3>
      {!lines.length && <p className="line-items-empty">{t.empty}</p>}
      {lines.length > 0 && (
        <table className="line-grid">
          <thead>
            <tr>
              <th scope="col">#</th>
              {list.editable.map((name) => (
                <th key={name} scope="col">
                  {title(name)}
                </th>
              ))}
              {list.computed.map((name) => (
                <th key={name} scope="col" className="line-computed">
                  {title(name)}
                </th>
              ))}
              {!readOnly && <th scope="col" aria-label={t.remove} />}
            </tr>
          </thead>
          <tbody>
            {lines.map((line, i) => (
              <tr key={line.key} data-testid={`line-${i}`}>
                <th scope="row" className="line-number">
                  {t.line(i + 1)}
                  {Object.entries(errors[i] ?? {})
                    .filter(([name]) => !list.editable.includes(name))
                    .map(([name, text]) => (
                      <span key={name} className="line-cell-error" role="alert">
                        {text}
                      </span>
                    ))}
                </th>
                {list.editable.map((name) => (
                  <td
                    key={name}
                    data-label={title(name)}
                    className={errors[i]?.[name] ? 'line-cell-invalid' : undefined}
                  >
                    <CellInput
                      child={list.child}
                      name={name}
                      field={list.child.properties[name]!}
                      value={line.values[name]}
                      label={`${title(name)} · ${t.line(i + 1)}`}
                      lang={lang}
                      readOnly={readOnly}
                      invalid={Boolean(errors[i]?.[name])}
                      onChange={(value) => set(i, name, value)}
                    />
                    {errors[i]?.[name] && (
                      <span className="line-cell-error" role="alert">
                        {errors[i]![name]}
                      </span>
                    )}
                  </td>
                ))}
                {list.computed.map((name) => (
                  <td key={name} data-label={title(name)} className="line-computed" data-testid={`line-${i}-${name}`}>
                    <FieldValue entity={list.child} field={name} record={(computed[i] ?? {}) as RecordJson} />
                  </td>
                ))}
                {!readOnly && (
                  <td className="line-actions">
                    <button
                      type="button"
                      className="button button-small"
                      aria-label={`${t.up} · ${t.line(i + 1)}`}
                      disabled={i === 0}
                      onClick={() => move(i, -1)}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="button button-small"
                      aria-label={`${t.down} · ${t.line(i + 1)}`}
                      disabled={i === lines.length - 1}
                      onClick={() => move(i, 1)}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      className="button button-small"
                      aria-label={`${t.remove} · ${t.line(i + 1)}`}
                      onClick={() => onChange(lines.filter((_, j) => j !== i))}
                    >
                      ✕
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!readOnly && (
        <button type="button" className="button" onClick={() => onChange([...lines, { key: newKey(), values: {} }])}>
          {t.add}
        </button>
      )}
      {totalNames.length > 0 && (
        <dl className="line-totals" aria-label={t.totals}>
          {totalNames.map((name) => (
            <div key={name} className="line-total" data-testid={`total-${name}`}>
              <dt>{fieldTitle(parent, name, lang)}</dt>
              <dd>
                <FieldValue entity={parent} field={name} record={totals as RecordJson} />
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

let keys = 0;
function newKey(): string {
  keys += 1;
  return `new-${keys}`;
}

interface CellInputProps {
  child: EntityDefinition;
  name: string;
  field: FieldDefinition;
  value: unknown;
  label: string;
  lang: Lang;
  readOnly: boolean;
  invalid: boolean;
  onChange(value: unknown): void;
}

/** One typed cell: numbers as numbers, dates, choices, yes/no, otherwise text. */
function CellInput({ child, name, field, value, label, lang, readOnly, invalid, onChange }: CellInputProps) {
  const common = {
    'aria-label': label,
    'aria-invalid': invalid || undefined,
    disabled: readOnly,
    className: 'line-input',
  };
  if (Array.isArray(field.enum)) {
    return (
      <select
        {...common}
        value={value === undefined || value === null ? '' : String(value)}
        onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
      >
        <option value="" />
        {field.enum.map((option) => (
          <option key={String(option)} value={String(option)}>
            {choiceTitle(child, name, option, lang)}
          </option>
        ))}
      </select>
    );
  }
  if (field.type === 'boolean')
    return <input {...common} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} />;
  if (field.type === 'number' || field.type === 'integer')
    return (
      <input
        {...common}
        type="number"
        inputMode={field.type === 'integer' ? 'numeric' : 'decimal'}
        step={field.type === 'integer' ? 1 : 'any'}
        value={typeof value === 'number' ? value : ''}
        onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
      />
    );
  const type = field.format === 'date' ? 'date' : 'text';
  return (
    <input
      {...common}
      type={type}
      value={typeof value === 'string' ? value : ''}
      onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
    />
  );
}
