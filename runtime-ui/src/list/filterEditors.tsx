import { useId } from 'react';
import type { ListFilter } from './listQuery';
import type { ChoiceOption } from './filterOptions';
import type { ListMessages } from './messages';
import { useDebouncedText } from './useDebounced';

/** What every field filter editor gets: its field's current filters, and where to send new ones. */
export interface EditorProps {
  field: string;
  title: string;
  filters: ListFilter[];
  onChange: (filters: ListFilter[]) => void;
  t: ListMessages;
}

const valueOf = (filters: ListFilter[], op: string) => filters.find((f) => f.op === op)?.value ?? '';

export function ContainsFilter({ field, title, filters, onChange, t }: EditorProps) {
  const [value, setValue] = useDebouncedText(
    valueOf(filters, 'contains'),
    (v) => onChange(v.trim() ? [{ field, op: 'contains', value: v.trim() }] : []),
    400,
  );
  return (
    <input
      type="search"
      className="filter-input"
      aria-label={title}
      placeholder={t.contains}
      value={value}
      onChange={(e) => setValue(e.target.value)}
    />
  );
}

/** Two bounds (`gte`, `lte`): numbers or dates. */
export function RangeFilter({ field, title, filters, onChange, t, type }: EditorProps & { type: 'number' | 'date' }) {
  const set = (op: 'gte' | 'lte', value: string) =>
    onChange([
      ...filters.filter((f) => f.op !== op && (f.op === 'gte' || f.op === 'lte')),
      ...(value ? [{ field, op, value }] : []),
    ]);
  const [low, setLow] = useDebouncedText(valueOf(filters, 'gte'), (v) => set('gte', v), type === 'date' ? 0 : 500);
  const [high, setHigh] = useDebouncedText(valueOf(filters, 'lte'), (v) => set('lte', v), type === 'date' ? 0 : 500);
  return (
    <div className="filter-range" role="group" aria-label={title}>
      <input
        type={type}
        className="filter-input"
        aria-label={`${title} ${type === 'date' ? t.from : t.min}`}
        placeholder={t.min}
        value={low}
        onChange={(e) => setLow(e.target.value)}
      />
      <span aria-hidden="true">–</span>
      <input
        type={type}
        className="filter-input"
        aria-label={`${title} ${type === 'date' ? t.to : t.max}`}
        placeholder={t.max}
        value={high}
        onChange={(e) => setHigh(e.target.value)}
      />
    </div>
  );
}

/** Any of several values, as checkboxes: the field is one of them (`in`) or, for a list, holds one (`any`). */
export function ChoiceFilter({
  field,
  title,
  filters,
  onChange,
  options,
  op = 'in',
}: EditorProps & { options: ChoiceOption[]; op?: 'in' | 'any' }) {
  const chosen = new Set(valueOf(filters, op).split(',').filter(Boolean));
  const toggle = (value: string) => {
    if (chosen.has(value)) chosen.delete(value);
    else chosen.add(value);
    onChange(chosen.size ? [{ field, op, value: [...chosen].join(',') }] : []);
  };
  return (
    <div className="filter-options" role="group" aria-label={title}>
      {options.map((o) => (
        <label key={o.value} className="filter-option">
          <input type="checkbox" checked={chosen.has(o.value)} onChange={() => toggle(o.value)} />
          {o.label}
        </label>
      ))}
    </div>
  );
}

/** One value among several (radio), or any: for multi-choice fields (`contains`) and booleans (`eq`). */
export function OneOfFilter({
  field,
  title,
  filters,
  onChange,
  options,
  op,
  t,
}: EditorProps & { options: ChoiceOption[]; op: 'contains' | 'eq' }) {
  const name = useId();
  const current = valueOf(filters, op);
  const all = [{ value: '', label: t.any }, ...options];
  return (
    <div className="filter-options" role="radiogroup" aria-label={title}>
      {all.map((o) => (
        <label key={o.value} className="filter-option">
          <input
            type="radio"
            name={name}
            checked={current === o.value}
            onChange={() => onChange(o.value ? [{ field, op, value: o.value }] : [])}
          />
          {o.label}
        </label>
      ))}
    </div>
  );
}
