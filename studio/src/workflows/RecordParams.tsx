import { useState } from 'react';
import { useMessages } from '@lodestar/ui-shared';
import { Select, TextInput } from '../ui/controls';
import { PARAM_MESSAGES } from './param-messages';
import {
  copyParam,
  copyRows,
  valueParam,
  valueRows,
  withValue,
  type ParamOption,
  type ValueRow,
} from './param-options';

/*
 * A new record's params as rows of choices (createRecord, convert): which fields are copied from this record,
 * which get a fixed value or one taken from this record, the user or the time, and who owns it. Never JSON.
 */

/** What a rows editor gets: its label, the param's value, the fields it may set and read, and where to save. */
interface RowsProps {
  label: string;
  value: unknown;
  targets: ParamOption[];
  sources: ParamOption[];
  onChange(next: unknown): void;
}

/** `copy`: rows of (new record's field ← this record's field); saved as a list when every pair has one name. */
export function CopyRows({ label, value, targets, sources, onChange }: RowsProps) {
  const t = useMessages(PARAM_MESSAGES);
  const [rows, setRows] = useState<[string, string][]>(() => copyRows(value));
  const update = (next: [string, string][]) => {
    setRows(next);
    onChange(copyParam(next));
  };
  return (
    <fieldset className="control map-param" data-param="copy">
      <legend className="control-label">{label}</legend>
      {rows.map(([to, from], i) => (
        <div className="map-param-row" key={i}>
          <Select
            label={`${label} · ${t.copyTo(i + 1)}`}
            value={to}
            onChange={(next) =>
              update(
                rows.map((row, j) =>
                  j === i ? [next, row[1] || (sources.some((s) => s.value === next) ? next : '')] : row,
                ),
              )
            }
            options={[{ value: '', label: t.none }, ...withValue(targets, to)]}
          />
          <Select
            label={`${label} · ${t.copyFrom(i + 1)}`}
            value={from}
            onChange={(next) => update(rows.map((row, j) => (j === i ? [row[0], next] : row)))}
            options={[{ value: '', label: t.none }, ...withValue(sources, from)]}
          />
          <button type="button" className="link-button" onClick={() => update(rows.filter((_, j) => j !== i))}>
            {t.setRemove(i + 1)}
          </button>
        </div>
      ))}
      <button type="button" className="link-button" onClick={() => update([...rows, ['', '']])}>
        {label} · {t.setAdd}
      </button>
    </fieldset>
  );
}

/** `values`: rows of a field and a fixed value, or a value taken from this record's field, the user or the time. */
export function ValueRows({ label, value, targets, sources, onChange }: RowsProps) {
  const t = useMessages(PARAM_MESSAGES);
  const [rows, setRows] = useState<ValueRow[]>(() => valueRows(value));
  const update = (next: ValueRow[]) => {
    setRows(next);
    onChange(valueParam(next));
  };
  const fromOptions = [
    { value: 'now', label: t.now },
    { value: 'actor.id', label: t.actor },
    ...sources.map((s) => ({ value: `record.${s.value}`, label: t.recordField(s.label) })),
  ];
  return (
    <fieldset className="control map-param" data-param="values">
      <legend className="control-label">{label}</legend>
      {rows.map((row, i) => (
        <div className="map-param-row" key={i}>
          <Select
            label={`${label} · ${t.setField(i + 1)}`}
            value={row.field}
            onChange={(field) => update(rows.map((r, j) => (j === i ? { ...r, field } : r)))}
            options={[{ value: '', label: t.none }, ...withValue(targets, row.field)]}
          />
          <Select
            label={`${label} · ${t.valueKind(i + 1)}`}
            value={row.from === undefined ? 'fixed' : row.from}
            onChange={(kind) =>
              update(
                rows.map((r, j) =>
                  j === i ? (kind === 'fixed' ? { field: r.field, fixed: '' } : { field: r.field, from: kind }) : r,
                ),
              )
            }
            options={[{ value: 'fixed', label: t.fixedValue }, ...withValue(fromOptions, row.from)]}
          />
          {row.from === undefined && (
            <TextInput
              label={`${label} · ${t.fixed(i + 1)}`}
              value={row.fixed ?? ''}
              onChange={(fixed) => update(rows.map((r, j) => (j === i ? { field: r.field, fixed } : r)))}
            />
          )}
          <button type="button" className="link-button" onClick={() => update(rows.filter((_, j) => j !== i))}>
            {t.setRemove(i + 1)}
          </button>
        </div>
      ))}
      <button type="button" className="link-button" onClick={() => update([...rows, { field: '', fixed: '' }])}>
        {label} · {t.setAdd}
      </button>
    </fieldset>
  );
}

/** createRecord's `owner`: the sender, this record's owner, a user field of this record, or a role in turn. */
export function OwnerChoice({
  label,
  value,
  userFields,
  roles,
  onChange,
}: {
  label: string;
  value: unknown;
  userFields: ParamOption[];
  roles: ParamOption[];
  onChange(next: unknown): void;
}) {
  const t = useMessages(PARAM_MESSAGES);
  const current = value && typeof value === 'object' ? (value as Record<string, string>) : undefined;
  const kind =
    typeof value === 'string'
      ? value
      : current?.userField !== undefined
        ? 'userField'
        : current
          ? 'roundRobinRole'
          : '';
  return (
    <div className="map-param-row" data-param="owner">
      <Select
        label={label}
        value={kind}
        onChange={(next) =>
          onChange(
            next === 'userField'
              ? { userField: userFields[0]?.value ?? '' }
              : next === 'roundRobinRole'
                ? { roundRobinRole: roles[0]?.value ?? '' }
                : next || undefined,
          )
        }
        options={[
          { value: '', label: t.none },
          { value: 'actor', label: t.enums.owner!.actor! },
          { value: 'source', label: t.ownerOfThis },
          { value: 'userField', label: t.ownerField },
          { value: 'roundRobinRole', label: t.ownerRole },
        ]}
      />
      {kind === 'userField' && (
        <Select
          label={`${label} · ${t.ownerField}`}
          value={current?.userField ?? ''}
          onChange={(userField) => onChange({ userField })}
          options={[{ value: '', label: t.none }, ...withValue(userFields, current?.userField)]}
        />
      )}
      {kind === 'roundRobinRole' && (
        <Select
          label={`${label} · ${t.ownerRole}`}
          value={current?.roundRobinRole ?? ''}
          onChange={(roundRobinRole) => onChange({ roundRobinRole })}
          options={[{ value: '', label: t.none }, ...withValue(roles, current?.roundRobinRole)]}
        />
      )}
    </div>
  );
}

/** One line-item copy of createRecord's `lines`: this record's list, the new record's list, and their fields. */
interface LineCopy {
  from: string;
  to: string;
  copy: string[] | Record<string, string>;
}

/**
 * createRecord's `lines`: rows of this record's line items copied into the new record's (a quote's lines into
 * the order's), each with the fields copied, as CopyRows.
 */
export function LinesRows({
  label,
  value,
  sources,
  targets,
  fieldsOf,
  onChange,
}: {
  label: string;
  value: unknown;
  /** This record's line-item lists, and the new record's. */
  sources: (ParamOption & { child: string })[];
  targets: (ParamOption & { child: string })[];
  /** The fields of a line entity: all (read), or those a copy may write. */
  fieldsOf(child: string | undefined, writable: boolean): ParamOption[];
  onChange(next: unknown): void;
}) {
  const t = useMessages(PARAM_MESSAGES);
  const lines: LineCopy[] = Array.isArray(value) ? (value as LineCopy[]) : [];
  const update = (next: LineCopy[]) => onChange(next.length ? next : undefined);
  const replace = (i: number, patch: Partial<LineCopy>) =>
    update(lines.map((line, j) => (j === i ? { ...line, ...patch } : line)));
  return (
    <fieldset className="control map-param" data-param="lines">
      <legend className="control-label">{label}</legend>
      {lines.map((line, i) => {
        const row = `${label} ${i + 1}`;
        return (
          <div className="nested-param" key={i}>
            <Select
              label={`${row} · ${t.linesFrom}`}
              value={line.from}
              onChange={(from) => replace(i, { from })}
              options={[{ value: '', label: t.none }, ...withValue(sources, line.from)]}
            />
            <Select
              label={`${row} · ${t.linesTo}`}
              value={line.to}
              onChange={(to) => replace(i, { to })}
              options={[{ value: '', label: t.none }, ...withValue(targets, line.to)]}
            />
            <CopyRows
              key={`${line.from}>${line.to}`}
              label={`${row} · ${t.linesCopy}`}
              value={line.copy}
              targets={fieldsOf(targets.find((o) => o.value === line.to)?.child, true)}
              sources={fieldsOf(sources.find((o) => o.value === line.from)?.child, false)}
              onChange={(copy) => replace(i, { copy: (copy as LineCopy['copy'] | undefined) ?? [] })}
            />
            <button type="button" className="link-button" onClick={() => update(lines.filter((_, j) => j !== i))}>
              {t.setRemove(i + 1)}
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className="link-button"
        onClick={() => update([...lines, { from: sources[0]?.value ?? '', to: targets[0]?.value ?? '', copy: [] }])}
      >
        {label} · {t.linesAdd}
      </button>
    </fieldset>
  );
}
