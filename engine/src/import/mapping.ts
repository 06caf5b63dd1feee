import type { Text } from '../errors.js';
import type { CompiledEntity } from '../model/compile-model.js';
import { isRollup } from '../schema/rollup-fields.js';

/*
 * Which column of the file fills which field: by the field's id, its title in either language, or a mapping
 * the user gave (header → field id, null to leave a column out). Pure; the wizard previews the same answer.
 */

/** What a column fills. */
export type ColumnTarget =
  | { kind: 'field'; field: string }
  | { kind: 'recordType' }
  | { kind: 'owner' }
  /** A column left out: by the user's mapping, or computed by the engine (formula, roll-up, numbering). */
  | { kind: 'ignore'; computed?: boolean };

export interface MappedColumn {
  /** 0-based position in the file. */
  index: number;
  header: string;
  target: ColumnTarget;
}

export interface ColumnMapping {
  columns: MappedColumn[];
  /** Headers no field answers to: the import cannot start until they are mapped or left out. */
  unknown: string[];
  /** Fields two columns claim. */
  duplicated: string[];
}

const RECORD_TYPE_NAMES = ['record_type', 'recordtype', '记录类型', '类型', 'record type', 'type'];
const OWNER_NAMES = ['owner_id', 'owner', '负责人', '所有者', '归属人'];
/** System columns of a raw export (`format=raw`) the engine keeps itself: left out, so such a file imports again. */
const KEPT_BY_ENGINE = [
  'id',
  'version',
  'created_at',
  'updated_at',
  'created_by',
  'updated_by',
  'state',
  'state_entered_at',
  'sla_breached_at',
  'sla_due_at',
];

/** Comparable form of a header: case, width, spaces and a trailing `*` (required mark) do not matter. */
export function headerKey(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000*]+/g, '')
    .toLowerCase();
}

/** Every name a field answers to: id, title and its titles in both languages. */
function namesOf(entity: CompiledEntity): Map<string, string> {
  const names = new Map<string, string>();
  for (const [name, field] of entity.fields) {
    const i18n = field.definition['x-i18n']?.title;
    for (const alias of [name, field.definition.title, i18n?.zh, i18n?.en])
      if (alias && !names.has(headerKey(alias))) names.set(headerKey(alias), name);
  }
  return names;
}

/** Whether the engine computes a field, so a file cannot set it. */
export function isComputed(entity: CompiledEntity, field: string): boolean {
  const compiled = entity.fields.get(field);
  return Boolean(compiled?.formula || isRollup(compiled?.definition) || compiled?.definition['x-sequence']);
}

/** Maps a file's header row to targets; `given` (header → field id or null) wins over names. */
export function mapColumns(
  entity: CompiledEntity,
  headers: readonly string[],
  given: Record<string, string | null> = {},
): ColumnMapping {
  const names = namesOf(entity);
  const unknown: string[] = [];
  const seen = new Map<string, number>();
  const columns = headers.map((header, index): MappedColumn => {
    const target = targetOf(entity, names, header, given);
    if (!target) unknown.push(header);
    if (target?.kind === 'field') seen.set(target.field, (seen.get(target.field) ?? 0) + 1);
    return { index, header, target: target ?? { kind: 'ignore' } };
  });
  const duplicated = [...seen].filter(([, count]) => count > 1).map(([field]) => field);
  return { columns, unknown, duplicated };
}

function targetOf(
  entity: CompiledEntity,
  names: Map<string, string>,
  header: string,
  given: Record<string, string | null>,
): ColumnTarget | undefined {
  if (header in given) {
    const field = given[header];
    if (field === null || field === undefined || field === '') return { kind: 'ignore' };
    if (field === 'record_type') return { kind: 'recordType' };
    if (field === 'owner_id') return { kind: 'owner' };
    if (!entity.fields.has(field)) return undefined;
    return isComputed(entity, field) ? { kind: 'ignore', computed: true } : { kind: 'field', field };
  }
  const key = headerKey(header);
  if (!key) return { kind: 'ignore' };
  const field = names.get(key);
  if (field) return isComputed(entity, field) ? { kind: 'ignore', computed: true } : { kind: 'field', field };
  if (entity.recordTypes.length && RECORD_TYPE_NAMES.includes(key)) return { kind: 'recordType' };
  if (OWNER_NAMES.includes(key)) return { kind: 'owner' };
  if (KEPT_BY_ENGINE.includes(header.trim())) return { kind: 'ignore', computed: true };
  return undefined;
}

/** Why a mapping cannot start an import, in both languages; undefined when it can. */
export function mappingProblem(mapping: ColumnMapping, entity: CompiledEntity): Text | undefined {
  if (mapping.unknown.length) {
    const list = mapping.unknown.map((h) => `"${h}"`).join(', ');
    const zhList = mapping.unknown.map((h) => `“${h}”`).join('、');
    return {
      en: `no field of ${entity.definition.title ?? entity.id} is called ${list}: map these columns to a field or leave them out`,
      zh: `${entity.definition['x-i18n']?.title?.zh ?? entity.id}没有名为${zhList}的字段：请为这些列指定字段，或选择不导入`,
    };
  }
  if (mapping.duplicated.length) {
    const titles = mapping.duplicated.map((f) => fieldTitle(entity, f));
    return {
      en: `more than one column fills ${titles.map((t) => t.en).join(', ')}`,
      zh: `有多列对应同一字段：${titles.map((t) => t.zh).join('、')}`,
    };
  }
  if (!mapping.columns.some((c) => c.target.kind === 'field'))
    return { en: 'no column of the file matches a field', zh: '文件中没有任何列能对应到字段' };
  return undefined;
}

/** A field's title in both languages (its id when it has none). */
export function fieldTitle(entity: CompiledEntity, field: string): Text {
  const definition = entity.fields.get(field)?.definition;
  const i18n = definition?.['x-i18n']?.title;
  return { en: i18n?.en ?? definition?.title ?? field, zh: i18n?.zh ?? definition?.title ?? field };
}
