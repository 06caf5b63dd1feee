import {
  calendarDateIn,
  parsePattern,
  periodOf,
  prefixOf,
  renderAround,
  type PatternPart,
  type SequenceDefinition,
} from '@lodestar/core';
import { issueOf, type Issue } from '../errors.js';
import type { EntityDefinition } from '../definitions/entity.js';
import type { CompiledEntity, CompiledField } from '../model/compile-model.js';
import { fieldTitleZh } from './query-params.js';

/**
 * A column value that is SQL rather than a bound value: the INSERT writes `sql` in the value's place.
 * Numbers are drawn this way, inside the record's own statement.
 */
export class SqlValue {
  constructor(
    readonly sql: string,
    readonly bindings: unknown[],
  ) {}
}

/**
 * The numbered fields (`x-sequence`) of a new record as SQL values: each draws the next value of its
 * counter (per prefix and period, `lodestar_next_number`, created by the engine's migration 008) and
 * renders it with the pattern's text around it. The counter row is locked from the INSERT to its commit,
 * and a rolled-back insert gives the number back. `now` and `timeZone` decide the date and the period.
 */
export function numberColumns(
  entity: CompiledEntity,
  recordType: string | null | undefined,
  now: Date,
  timeZone: string,
): Record<string, SqlValue> {
  const numbered: Record<string, SqlValue> = {};
  for (const { field, sequence, parts } of numberedFieldsOf(entity)) {
    const date = calendarDateIn(now, timeZone);
    const prefix = prefixOf(sequence, recordType);
    const { before, width, after } = renderAround(parts, date, prefix);
    numbered[field.name] = new SqlValue(
      `(select ?::text || lpad(c.n::text, greatest(?::int, length(c.n::text)), '0') || ?::text from lodestar_next_number(?, ?, ?, ?) as c(n))`,
      [before, width, after, entity.id, field.name, prefix, periodOf(sequence.reset, date)],
    );
  }
  return numbered;
}

/** Whether an entity has numbered fields (a create without them skips the clock and the pattern). */
export function hasNumbering(entity: CompiledEntity): boolean {
  return numberedFieldsOf(entity).length > 0;
}

interface NumberedField {
  field: CompiledField;
  sequence: SequenceDefinition;
  parts: PatternPart[];
}

/** The numbered fields of a compiled entity with their parsed patterns, read once per model version. */
const numberedFields = new WeakMap<CompiledEntity, NumberedField[]>();

function numberedFieldsOf(entity: CompiledEntity): NumberedField[] {
  let list = numberedFields.get(entity);
  if (!list) {
    list = [...entity.fields.values()].flatMap((field) => {
      const sequence = field.definition['x-sequence'];
      const parsed = sequence && parsePattern(sequence.pattern);
      // validation refuses an unreadable pattern before it is published
      return sequence && parsed && 'parts' in parsed ? [{ field, sequence, parts: parsed.parts }] : [];
    });
    numberedFields.set(entity, list);
  }
  return list;
}

/** A write that sends a numbered field is refused on its pointer: the engine alone numbers records. */
export function numberedWriteIssues(entity: CompiledEntity, fields: Record<string, unknown>): Issue[] {
  if (!hasNumbering(entity)) return [];
  return Object.keys(fields)
    .filter((name) => entity.fields.get(name)?.definition['x-sequence'])
    .map((name) =>
      issueOf(`/${name}`, 'readOnly', {
        en: `"${name}" is numbered by the system and cannot be written`,
        zh: `“${fieldTitleZh(entity, name)}”由系统自动编号，不能填写或修改`,
      }),
    );
}

/** The fields of an entity the engine numbers: read-only in the API document and in forms. */
export function numberedFieldNames(definition: EntityDefinition): string[] {
  return Object.entries(definition.properties)
    .filter(([, field]) => field['x-sequence'] !== undefined)
    .map(([name]) => name);
}
