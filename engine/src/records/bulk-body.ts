import type { KeyIndexSpec } from '@lodestar/core';
import { type Issue, ValidationError, summarize } from '../errors.js';
import type { CompiledEntity } from '../model/compile-model.js';
import { fieldTitleZh } from './query-params.js';

/*
 * What `POST /records/{entity}/bulk` asks for, checked before anything is written. Pure. The records
 * themselves are judged later, one by one, by the very create and patch the single routes use.
 */

/** The most records one bulk request may carry. */
export const MAX_BULK_RECORDS = 10_000;

export type BulkMode = 'insert' | 'update' | 'upsert';

export interface BulkRequest {
  mode: BulkMode;
  /** How update and upsert find each record: by `id`, or by a declared unique key (x-entity.unique). */
  key?: { kind: 'id' } | { kind: 'unique'; spec: KeyIndexSpec };
  /** true (default): one failing record and nothing is written; false: the good ones are written. */
  allOrNothing: boolean;
  records: Record<string, unknown>[];
}

/** The request's form as the contract has checked it (types and enums); the rest is judged here. */
export interface BulkBody {
  mode?: BulkMode;
  key?: string | string[];
  allOrNothing?: boolean;
  records: Record<string, unknown>[];
}

const issue = (pointer: string, keyword: string, en: string, zh: string): Issue => ({
  pointer,
  keyword,
  message: en,
  i18n: { en, zh },
});

/** The bulk request a checked body asks for; throws a 422 naming each problem. */
export function toBulkRequest(entity: CompiledEntity, body: BulkBody): BulkRequest {
  const mode = body.mode ?? 'insert';
  const issues: Issue[] = [];
  const count = body.records.length;
  if (count > MAX_BULK_RECORDS)
    issues.push(
      issue(
        '/records',
        'maxItems',
        `a bulk request takes at most ${MAX_BULK_RECORDS.toLocaleString('en')} records, not ${count.toLocaleString('en')}: send them in several requests`,
        `一次批量请求最多 ${MAX_BULK_RECORDS} 条记录，本次有 ${count} 条：请分成多次发送`,
      ),
    );
  if (count === 0) issues.push(issue('/records', 'minItems', 'there are no records to write', '没有要写入的记录'));
  let key: BulkRequest['key'];
  if (mode !== 'insert') {
    key = keyOf(entity, mode, body.key, issues);
  } else if (body.key !== undefined)
    issues.push(
      issue(
        '/key',
        'mode',
        'an insert needs no key; key is for update and upsert',
        '新增不需要 key；key 只用于更新（update）和新增或更新（upsert）',
      ),
    );
  if (issues.length) throw new ValidationError(summarize(issues), { issues });
  return { mode, ...(key && { key }), allOrNothing: body.allOrNothing ?? true, records: body.records };
}

function keyOf(entity: CompiledEntity, mode: BulkMode, given: string | string[] | undefined, issues: Issue[]) {
  const declared = (entity.table.keys ?? []).filter((k) => k.unique);
  const names = declared.map((k) => k.parts.map((p) => p.column).join(' + '));
  const choices = mode === 'update' ? ['id', ...names] : names;
  const fields = given === undefined ? [] : Array.isArray(given) ? given : [given];
  if (mode === 'update' && fields.length === 1 && fields[0] === 'id') return { kind: 'id' as const };
  const spec = declared.find(
    (k) => k.parts.length === fields.length && k.parts.every((p) => fields.includes(p.column)),
  );
  if (spec) return { kind: 'unique' as const, spec };
  const zhNames = declared.map((k) => k.parts.map((p) => fieldTitleZh(entity, p.column)).join(' + '));
  const zhChoices = mode === 'update' ? ['id', ...zhNames] : zhNames;
  issues.push(
    given === undefined
      ? issue(
          '/key',
          'required',
          `${mode} needs a key to find each record: ${choices.join(', ') || 'this entity declares no unique key'}`,
          `${mode === 'update' ? '更新' : '新增或更新'}需要指定用于查找记录的 key：${zhChoices.join('、') || '该实体没有声明唯一键'}`,
        )
      : issue(
          '/key',
          'enum',
          `key must name a unique key of ${entity.id}: ${choices.join(', ') || 'it declares none'}`,
          `key 应为${entity.definition['x-i18n']?.title?.zh ?? entity.id}的唯一键：${zhChoices.join('、') || '该实体没有声明唯一键'}`,
        ),
  );
  return undefined;
}
