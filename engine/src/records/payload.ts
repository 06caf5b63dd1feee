import { toLinkJson, toLinkRows, type LinkRow } from './link-attributes.js';
import { type Issue, issueOf, type Text } from '../errors.js';
import { isSystemColumn } from '../definitions/identifiers.js';
import type { CompiledEntity } from '../model/compile-model.js';
import { isRollup } from '../schema/rollup-fields.js';
import { attributesOf } from './attributes.js';
import { UUID_RE } from '@lodestar/core';

/** A write's body split into the entity's fields and the system values a client may set. */
export interface Payload {
  fields: Record<string, unknown>;
  recordType?: string | null;
  ownerId?: string | null;
}

/** The column values and many-to-many links a set of field values is stored as. */
export interface RowValues {
  columns: Record<string, unknown>;
  links: Map<string, string[]>;
  /** Each link field's links with their attributes (link-attributes.ts), and its value as the API answers it. */
  linkRows: Map<string, LinkRow[]>;
  linkAnswers: Map<string, unknown[]>;
}

/**
 * Splits a create or patch body into fields and `record_type` / `owner_id`, with an issue for every
 * system column the client may not write. Field values themselves are left to the record type's validator.
 */
export function toPayload(
  entity: CompiledEntity,
  body: unknown,
  mode: 'create' | 'patch',
): { payload: Payload; issues: Issue[] } {
  const payload: Payload = { fields: {} };
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    return {
      payload,
      issues: [issueOf('', 'type', { en: 'the request body must be a JSON object', zh: '请求体必须是 JSON 对象' })],
    };
  }
  const issues: Issue[] = [];
  for (const [key, value] of Object.entries(body)) {
    if (key === 'record_type') payload.recordType = value as string | null;
    else if (key === 'owner_id') payload.ownerId = value as string | null;
    else if (key === 'version' && mode === 'patch') continue;
    else if (key === 'state')
      issues.push(readOnly(key, { en: 'state changes only through workflow events', zh: '阶段只能通过流程操作改变' }));
    else if (isSystemColumn(key))
      issues.push(
        readOnly(key, { en: `${key} is set by the engine and cannot be written`, zh: `${key} 由系统设置，不能写入` }),
      );
    else if (entity.fields.get(key)?.formula)
      issues.push(
        readOnly(key, {
          en: `${key} is a formula field: its value is computed and cannot be written`,
          zh: `${key} 是公式字段，值由公式算出，不能写入`,
        }),
      );
    else if (isRollup(entity.fields.get(key)?.definition))
      issues.push(
        readOnly(key, {
          en: `${key} is a roll-up: its value is computed from related records and cannot be written`,
          zh: `${key} 是汇总字段，值由关联记录汇总得出，不能写入`,
        }),
      );
    else payload.fields[key] = value;
  }
  issues.push(
    ...checkRecordType(entity, payload.recordType, mode),
    ...checkOwner(payload.ownerId),
    ...checkStorable(payload.fields),
  );
  return { payload, issues };
}

/**
 * Values JSON Schema accepts but Postgres cannot store: NUL characters. (Numbers beyond their column's
 * range are refused by the record's schema itself, see schema/record-types.ts storable.)
 */
function checkStorable(fields: Record<string, unknown>): Issue[] {
  const issues: Issue[] = [];
  for (const [name, value] of Object.entries(fields)) {
    if (hasNul(value))
      issues.push(issueOf(`/${name}`, 'format', { en: 'must not contain NUL characters', zh: '不能包含 NUL 字符' }));
  }
  return issues;
}

function hasNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (value && typeof value === 'object')
    return Object.entries(value).some(([key, v]) => key.includes('\u0000') || hasNul(v));
  return false;
}

function checkRecordType(entity: CompiledEntity, recordType: unknown, mode: 'create' | 'patch'): Issue[] {
  const types = entity.recordTypes;
  if (!types.length) {
    return recordType === undefined || recordType === null
      ? []
      : [
          issueOf('/record_type', 'additionalProperties', {
            en: `${entity.id} has no record types`,
            zh: '此实体没有记录类型',
          }),
        ];
  }
  if (recordType === undefined && mode === 'patch') return [];
  if (recordType === undefined || recordType === null) {
    return [
      issueOf(
        '/record_type',
        'required',
        { en: `must be one of ${types.join(', ')}`, zh: `必须填写，可选：${types.join('、')}` },
        { allowedValues: types },
      ),
    ];
  }
  if (typeof recordType !== 'string' || !types.includes(recordType)) {
    return [
      issueOf(
        '/record_type',
        'enum',
        { en: `must be one of ${types.join(', ')}`, zh: `应为以下之一：${types.join('、')}` },
        { allowedValues: types },
      ),
    ];
  }
  return [];
}

function checkOwner(ownerId: unknown): Issue[] {
  if (ownerId === undefined || ownerId === null || (typeof ownerId === 'string' && UUID_RE.test(ownerId))) return [];
  return [issueOf('/owner_id', 'format', { en: 'must be a uuid', zh: '应为用户的 ID（UUID）' }, { format: 'uuid' })];
}

function readOnly(key: string, text: Text): Issue {
  return issueOf(`/${key}`, 'readOnly', text);
}

/** Field values as column values (JSON encoded for jsonb) and many-to-many links (deduplicated, in order). */
export function toRowValues(entity: CompiledEntity, fields: Record<string, unknown>): RowValues {
  const { byName } = attributesOf(entity);
  const columns: Record<string, unknown> = {};
  const links = new Map<string, string[]>();
  const linkRows = new Map<string, LinkRow[]>();
  const linkAnswers = new Map<string, unknown[]>();
  for (const [name, value] of Object.entries(fields)) {
    const attribute = byName.get(name);
    if (!attribute || attribute.system) continue;
    if (attribute.junction) {
      const rows = toLinkRows(attribute.junction, value);
      links.set(
        name,
        rows.map((row) => row.id),
      );
      linkRows.set(name, rows);
      linkAnswers.set(name, toLinkJson(attribute.junction, rows));
    }
    // node-postgres would send a JS array as a Postgres array; jsonb needs JSON text.
    else if (attribute.kind === 'json') columns[name] = value === null ? null : JSON.stringify(value);
    else columns[name] = value;
  }
  return { columns, links, linkRows, linkAnswers };
}
