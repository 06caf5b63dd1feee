import type { Issue, Text } from '../errors.js';
import type { CompiledEntity } from '../model/compile-model.js';
import { choiceOf, convertCell, isBlankCell, splitList, textOf, type Cell, type ConvertField } from './convert.js';
import type { RowIssue } from './import-types.js';
import type { MappedColumn } from './mapping.js';

/*
 * One file row as a record body, before lookups: cells converted by field kind, relation and person cells
 * kept as text for the batch's lookups, the record type read from its label. Pure.
 */

/** A row on its way in. */
export interface PreparedRow {
  number: number;
  cells: Cell[];
  fields: Record<string, unknown>;
  /** Relation and person cells by field, as texts to look up (a list for many-to-many). */
  refs: Map<string, string | string[]>;
  recordType?: string;
  /** The owner cell's text (an email, a name or an id). */
  owner?: string;
  issues: RowIssue[];
}

export interface RowShape {
  entity: CompiledEntity;
  columns: MappedColumn[];
  converters: Map<string, ConvertField>;
  /** A fixed record type for rows without one. */
  recordType?: string | undefined;
}

export function convertersOf(entity: CompiledEntity): Map<string, ConvertField> {
  const converters = new Map<string, ConvertField>();
  for (const [name, field] of entity.fields) {
    const definition = field.definition;
    const labels = definition['x-i18n']?.enum as ConvertField['labels'];
    const ids = (definition.enum ?? definition.items?.enum) as string[] | undefined;
    converters.set(name, { kind: field.kind, ...(ids && { enum: ids }), ...(labels && { labels }) });
  }
  return converters;
}

/** Record types as a choice: id or title in either language. */
function recordTypeField(entity: CompiledEntity): ConvertField {
  const types = entity.definition['x-entity'].recordTypes ?? {};
  return {
    kind: 'choice',
    enum: Object.keys(types),
    labels: Object.fromEntries(
      Object.entries(types).map(([id, t]) => [id, (t.title ?? {}) as { zh?: string; en?: string }]),
    ),
  };
}

const LOOKED_UP = new Set(['manyToOne', 'manyToMany', 'user']);

export function prepareRow(shape: RowShape, number: number, cells: Cell[]): PreparedRow {
  const row: PreparedRow = { number, cells, fields: {}, refs: new Map(), issues: [] };
  for (const column of shape.columns) {
    const cell = cells[column.index] ?? null;
    const { target } = column;
    if (target.kind === 'ignore' || isBlankCell(cell)) continue;
    if (target.kind === 'owner') row.owner = textOf(cell).trim();
    else if (target.kind === 'recordType') {
      const id = choiceOf(recordTypeField(shape.entity), textOf(cell).trim());
      if (id) row.recordType = id;
      else row.issues.push(issueAt(row, column, 'enum', recordTypeMessage(shape.entity)));
    } else {
      const converter = shape.converters.get(target.field)!;
      if (LOOKED_UP.has(converter.kind))
        row.refs.set(target.field, converter.kind === 'manyToMany' ? splitList(textOf(cell)) : textOf(cell).trim());
      else {
        const converted = convertCell(converter, cell);
        if ('value' in converted) row.fields[target.field] = converted.value;
        else row.issues.push(issueAt(row, column, converted.rule, converted.message));
      }
    }
  }
  if (row.recordType === undefined && shape.recordType) row.recordType = shape.recordType;
  return row;
}

function recordTypeMessage(entity: CompiledEntity): Text {
  const types = Object.values(entity.definition['x-entity'].recordTypes ?? {}).map(
    (t) => t.title as unknown as Text | undefined,
  );
  return {
    en: `must be one of: ${types.map((t) => t?.en).join(', ')}`,
    zh: `应为以下之一：${types.map((t) => t?.zh).join('、')}`,
  };
}

/** An issue on one column of a row, quoting what the cell held. */
export function issueAt(row: PreparedRow, column: MappedColumn | undefined, rule: string, message: Text): RowIssue {
  const cell = column ? (row.cells[column.index] ?? null) : null;
  return {
    row: row.number,
    column: column?.header ?? null,
    value: cell === null ? null : textOf(cell),
    rule,
    message,
  };
}

/** The column that fills what a record issue's pointer names (`/name`, `/owner_id`, `/record_type`). */
export function columnOf(columns: readonly MappedColumn[], pointer: string): MappedColumn | undefined {
  const name = pointer.split('/')[1] ?? '';
  return columns.find(({ target }) =>
    name === 'owner_id'
      ? target.kind === 'owner'
      : name === 'record_type'
        ? target.kind === 'recordType'
        : target.kind === 'field' && target.field === name,
  );
}

/** A record write's issues as row issues on their columns. */
export function rowIssuesOf(row: PreparedRow, columns: readonly MappedColumn[], issues: readonly Issue[]): RowIssue[] {
  return issues.map((issue) =>
    issueAt(
      row,
      columnOf(columns, issue.pointer),
      issue.keyword,
      issue.i18n ?? { en: issue.message, zh: issue.message },
    ),
  );
}
