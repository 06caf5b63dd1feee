import type { Knex } from 'knex';
import type { KeyIndexSpec } from '@lodestar/core';
import { toLodestarError } from '../db/pg-errors.js';
import { type Issue, LodestarError } from '../errors.js';
import { existingByKey, joinKey, keyValue, preferIndexes, type Existing } from '../import/lookups.js';
import type { BulkMode, BulkRequest } from './bulk-body.js';
import { keyConflict } from './key-conflict.js';
import { createWithItems, patchWithItems, type StartOf } from './line-items.js';
import { fieldTitleZh } from './query-params.js';
import { selectVersion } from './records-repo.js';
import type { RecordContext, RecordJson } from './types.js';

/*
 * A bulk request written in the caller's transaction: every record through the very create or patch the
 * single routes use (validation, field and scope rules, numbering, workflow start, audit with the request's
 * id), each in its own savepoint so one refusal does not abort the rest. Keys are looked up in batches.
 */

export interface BulkResult {
  /** The record's position in the request. */
  index: number;
  /** `rolledBack`: it was fine, but another record failed an all-or-nothing request. */
  status: 'created' | 'updated' | 'failed' | 'rolledBack';
  id?: string;
  version?: number;
  /** Why it failed: issues pointing into the request body (`/records/3/email`). */
  errors?: Issue[];
}

export interface BulkAnswer {
  mode: BulkMode;
  allOrNothing: boolean;
  /** Whether what the results report as created or updated is stored. */
  committed: boolean;
  created: number;
  updated: number;
  failed: number;
  results: BulkResult[];
}

const LOOKUP_CHUNK = 2000;

class Rollback extends Error {}

export async function writeBulk(
  trx: Knex,
  ctx: RecordContext,
  request: BulkRequest,
  startOf: StartOf,
): Promise<BulkAnswer> {
  const db = { ...ctx, knex: trx };
  const results: BulkResult[] = [];
  const answer: BulkAnswer = {
    mode: request.mode,
    allOrNothing: request.allOrNothing,
    committed: true,
    created: 0,
    updated: 0,
    failed: 0,
    results,
  };
  const spec = request.key?.kind === 'unique' ? request.key.spec : undefined;
  if (spec) await preferIndexes(trx);
  const found = spec ? await lookUp(db, spec, request.records) : new Map<string, Existing>();
  const seen = new Map<string, number>();
  try {
    await trx.transaction(async (work) => {
      const tx = { ...db, knex: work };
      for (const [index, record] of request.records.entries()) {
        const result = await writeOne(tx, request, index, record, { spec, found, seen }, startOf);
        results.push(result);
        if (result.status === 'created') answer.created++;
        else if (result.status === 'updated') answer.updated++;
        else answer.failed++;
      }
      if (answer.failed && request.allOrNothing) throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
    answer.committed = false;
    answer.created = 0;
    answer.updated = 0;
    for (const [i, result] of results.entries())
      if (result.status !== 'failed') results[i] = { index: result.index, status: 'rolledBack' };
  }
  return answer;
}

interface Keys {
  spec: KeyIndexSpec | undefined;
  found: Map<string, Existing>;
  /** Key values met so far in the request, with the first record's index. */
  seen: Map<string, number>;
}

async function writeOne(
  ctx: RecordContext,
  request: BulkRequest,
  index: number,
  record: Record<string, unknown>,
  keys: Keys,
  startOf: StartOf,
): Promise<BulkResult> {
  const fail = (errors: Issue[]): BulkResult => ({ index, status: 'failed', errors });
  const { entity } = ctx;
  let target: { id: string; version: number } | undefined;
  if (request.key?.kind === 'id') {
    const id = record.id;
    if (typeof id !== 'string')
      return fail([
        at(index, '/id', 'required', 'an update by id needs the record’s id', '按 id 更新需要填写记录的 id'),
      ]);
    const given = record.version;
    const version = typeof given === 'number' ? given : await selectVersion(ctx.knex, entity, id);
    // An unknown id goes to the patch, which answers a 404 without telling whether it exists out of scope.
    target = { id, version: version ?? 1 };
  } else if (keys.spec) {
    const value = keyValue(keys.spec, record);
    const first = keys.spec.parts[0]!.column;
    if (!value) {
      if (request.mode === 'update')
        return fail([
          at(
            index,
            `/${first}`,
            'required',
            'the key is empty, so no record can be found',
            '关键字段为空，无法找到要更新的记录',
          ),
        ]);
    } else {
      const joined = joinKey(value);
      const earlier = keys.seen.get(joined);
      if (earlier !== undefined)
        return fail([
          at(
            index,
            `/${first}`,
            'duplicateInRequest',
            `record ${earlier} of this request has the same ${keys.spec.parts.map((p) => p.column).join(' and ')}`,
            `与本次请求的第 ${earlier} 条记录的${keys.spec.parts.map((p) => fieldTitleZh(entity, p.column)).join('和')}重复`,
          ),
        ]);
      keys.seen.set(joined, index);
      const existing = keys.found.get(joined);
      if (existing) target = { id: existing.id, version: existing.version };
      else if (request.mode === 'update')
        return fail([at(index, `/${first}`, 'notFound', 'no record has this key', '没有与此关键字段匹配的记录')]);
    }
  }
  try {
    const written = await ctx.knex.transaction((sp): Promise<RecordJson> => {
      const tx = { ...ctx, knex: sp };
      if (!target) return createWithItems(tx, request.mode === 'upsert' ? withoutSystem(record) : record, startOf);
      return patchWithItems(tx, target, withoutSystem(record), startOf);
    });
    return {
      index,
      status: target ? 'updated' : 'created',
      id: written.id as string,
      version: written.version as number,
    };
  } catch (error) {
    return fail(issuesOf(ctx, index, error, keys.spec));
  }
}

/** A record's own values as a patch takes them: its id and version say which record, not what changes. */
function withoutSystem(record: Record<string, unknown>): Record<string, unknown> {
  const { id: _id, version: _version, ...rest } = record;
  return rest;
}

/** The stored records the request's key values name, in chunks on the key's own index. */
async function lookUp(
  ctx: RecordContext,
  spec: KeyIndexSpec,
  records: Record<string, unknown>[],
): Promise<Map<string, Existing>> {
  const values = new Map<string, string[]>();
  for (const record of records) {
    const value = keyValue(spec, record);
    if (value) values.set(joinKey(value), value);
  }
  const found = new Map<string, Existing>();
  const all = [...values.values()];
  for (let i = 0; i < all.length; i += LOOKUP_CHUNK)
    for (const [k, v] of await existingByKey(ctx.knex, ctx.entity, spec, all.slice(i, i + LOOKUP_CHUNK), ctx.access))
      found.set(k, v);
  return found;
}

function at(index: number, pointer: string, keyword: string, en: string, zh: string): Issue {
  return { pointer: `/records/${index}${pointer}`, keyword, message: en, i18n: { en, zh } };
}

/** A refused write as issues under the record's pointer; what is not a refusal (the database gone) is thrown. */
function issuesOf(ctx: RecordContext, index: number, error: unknown, spec: KeyIndexSpec | undefined): Issue[] {
  const known =
    error instanceof LodestarError
      ? error
      : toLodestarError(error, (_table, constraint) => keyConflict(ctx.entity.definition, constraint));
  if (!known || known.status >= 500) throw error;
  if (known.issues?.length)
    return known.issues.map((issue) => ({ ...issue, pointer: `/records/${index}${issue.pointer}` }));
  const keyword = known.type.split('/').pop() ?? 'refused';
  const field = keyword === 'conflict' && spec ? `/${spec.parts[0]!.column}` : '';
  return [{ pointer: `/records/${index}${field}`, keyword, message: known.text.en, i18n: known.text }];
}
