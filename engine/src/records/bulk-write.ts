import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { KeyIndexSpec } from '@lodestar/core';
import { toLodestarError } from '../db/pg-errors.js';
import { ForbiddenError, type Issue, LodestarError } from '../errors.js';
import { lineItemsOf } from '../schema/line-items.js';
import { attributesOf } from './attributes.js';
import { auditPart, createdChanges } from './audit-parts.js';
import { existingByKey, joinKey, keyValue, preferIndexes, type Existing } from '../import/lookups.js';
import type { BulkMode, BulkRequest } from './bulk-body.js';
import { keyConflict } from './key-conflict.js';
import { createWithItems, patchWithItems, type StartOf } from './line-items.js';
import { fieldTitleZh } from './query-params.js';
import { isRecordId } from './record-id.js';
import { requireOwnerInScope } from './record-permissions.js';
import { selectVersion, toInsertManySql, type Row } from './records-repo.js';
import type { RecordContext, RecordJson } from './types.js';
import { auditWho, checkCreate, createRow, type RecordStart } from './write-record.js';

/*
 * A bulk request written in the caller's transaction: every record is judged by the very create or patch the
 * single routes use (validation, field and scope rules, numbering, workflow start, audit with the request's
 * id). A plain new record (a row, its audit and start rows; nothing to look up per record) is judged in the
 * engine and inserted with others of its batch in one statement, as the import does; everything else goes
 * through the single write, each in its own savepoint so one refusal does not abort the rest. A batch the
 * database refuses (a key taken meanwhile) is rolled back and written one by one, which finds the culprit.
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
      const batch = new InsertBatch(tx, startOf);
      for (const [index, record] of request.records.entries()) {
        const result = await writeOne(tx, request, index, record, { spec, found, seen }, batch);
        if (result) results.push(result);
        if (batch.full) results.push(...(await batch.flush()));
      }
      results.push(...(await batch.flush()));
      results.sort((a, b) => a.index - b.index);
      for (const result of results)
        if (result.status === 'created') answer.created++;
        else if (result.status === 'updated') answer.updated++;
        else answer.failed++;
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
  batch: InsertBatch,
): Promise<BulkResult | undefined> {
  const fail = (errors: Issue[]): BulkResult => ({ index, status: 'failed', errors });
  const { entity } = ctx;
  let target: { id: string; version: number } | undefined;
  if (request.key?.kind === 'id') {
    const id = record.id;
    if (typeof id !== 'string')
      return fail([
        at(index, '/id', 'required', 'an update by id needs the record’s id', '按 id 更新需要填写记录的 id'),
      ]);
    if (!isRecordId(id))
      return fail([at(index, '/id', 'format', 'must be a record id (a UUID)', '应为记录 id（UUID）')]);
    const given = record.version;
    if (given !== undefined && !(Number.isInteger(given) && (given as number) >= 1 && (given as number) < 2 ** 31))
      return fail([at(index, '/version', 'type', 'must be a positive integer', '必须是正整数')]);
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
  const body = request.mode === 'upsert' || target ? withoutSystem(record) : record;
  if (!target) return batch.add(index, body);
  return writeSingly(ctx, index, body, target, batch.startOf, keys.spec);
}

/** One record through the single create or patch, in a savepoint. */
async function writeSingly(
  ctx: RecordContext,
  index: number,
  body: Record<string, unknown>,
  target: { id: string; version: number } | undefined,
  startOf: StartOf,
  spec?: KeyIndexSpec,
): Promise<BulkResult> {
  try {
    const written = await ctx.knex.transaction((sp): Promise<RecordJson> => {
      const tx = { ...ctx, knex: sp };
      return target ? patchWithItems(tx, target, body, startOf) : createWithItems(tx, body, startOf);
    });
    return {
      index,
      status: target ? 'updated' : 'created',
      id: written.id as string,
      version: written.version as number,
    };
  } catch (error) {
    return { index, status: 'failed', errors: issuesOf(ctx, index, error, spec) };
  }
}

const BATCH = 500;

/** A new record judged and ready for the batch's INSERT: its columns (id included) and its workflow start. */
interface Planned {
  index: number;
  body: Record<string, unknown>;
  columns: Row;
  start: RecordStart | undefined;
}

/**
 * New records collected for one INSERT per record type and start state, with their audit and history rows in
 * the same statement. A record joins only when createRecord would write it that way and ask the database
 * nothing on its behalf: no line items, many-to-many links, user fields, start actions, or (for a caller
 * with a scope) relations to check; its owner's scope is checked once per owner. The rest is written singly.
 */
class InsertBatch {
  private planned: Planned[] = [];
  private readonly owners = new Map<string, Issue[] | null>();
  private readonly plain: boolean;

  constructor(
    private readonly ctx: RecordContext,
    readonly startOf: StartOf,
  ) {
    this.plain = lineItemsOf(ctx.model, ctx.entity).length === 0;
  }

  get full(): boolean {
    return this.planned.length >= BATCH;
  }

  /** Judges a new record; answers its result when it is settled now (refused, or written singly). */
  async add(index: number, body: Record<string, unknown>): Promise<BulkResult | undefined> {
    const { ctx } = this;
    if (!this.plain || !this.joins(body)) return writeSingly(ctx, index, body, undefined, this.startOf);
    try {
      const payload = checkCreate(ctx, body);
      const refused = await this.ownerIssues(payload.ownerId ?? null);
      if (refused)
        return {
          index,
          status: 'failed',
          errors: refused.map((i) => ({ ...i, pointer: `/records/${index}${i.pointer}` })),
        };
      const { columns, values, start } = createRow(ctx, payload, this.startOf(ctx.entity));
      if (values.links.size || (start && !start.oneStatement))
        return writeSingly(ctx, index, body, undefined, this.startOf);
      this.planned.push({ index, body, columns: { ...columns, id: randomUUID() }, start });
      return undefined;
    } catch (error) {
      return { index, status: 'failed', errors: issuesOf(ctx, index, error, undefined) };
    }
  }

  /** Writes what is collected; a batch the database refuses is written again one by one. */
  async flush(): Promise<BulkResult[]> {
    const planned = this.planned;
    this.planned = [];
    if (!planned.length) return [];
    try {
      await this.ctx.knex.transaction((sp) => this.insert(sp, planned));
      return planned.map(({ index, columns }) => ({ index, status: 'created', id: columns.id as string, version: 1 }));
    } catch (error) {
      if (!toLodestarError(error)) throw error;
      const results: BulkResult[] = [];
      for (const { index, body } of planned)
        results.push(await writeSingly(this.ctx, index, body, undefined, this.startOf));
      return results;
    }
  }

  /** Whether a body asks nothing of the database but its insert (see the class). */
  private joins(body: Record<string, unknown>): boolean {
    const { byName } = attributesOf(this.ctx.entity);
    const sight = this.ctx.access ?? this.ctx.linkSight;
    return Object.entries(body).every(([name, value]) => {
      if (value === null || value === undefined) return true;
      const attribute = byName.get(name);
      if (attribute?.system) return true;
      return attribute?.kind !== 'user' && !(sight && attribute?.target !== undefined);
    });
  }

  /** The owner's scope, asked once per owner (the 403 as issues on owner_id). */
  private async ownerIssues(ownerId: string | null): Promise<Issue[] | null> {
    const access = this.ctx.access;
    if (!access) return null;
    const key = ownerId ?? '';
    if (!this.owners.has(key))
      try {
        await requireOwnerInScope(this.ctx.knex, access.grant(this.ctx.entity.id).create, access.actor, ownerId);
        this.owners.set(key, null);
      } catch (error) {
        if (!(error instanceof ForbiddenError)) throw error;
        this.owners.set(
          key,
          error.issues ?? [{ pointer: '/owner_id', keyword: 'scope', message: error.text.en, i18n: error.text }],
        );
      }
    return this.owners.get(key)!;
  }

  /** One INSERT per record type and start state, with the audit rows and the workflow's start rows. */
  private async insert(db: Knex, planned: Planned[]): Promise<void> {
    const { entity } = this.ctx;
    const groups = new Map<string, Planned[]>();
    for (const item of planned) {
      const group = `${String(item.columns.record_type ?? '')}\u0000${item.start?.state ?? ''}`;
      groups.set(group, [...(groups.get(group) ?? []), item]);
    }
    const who = auditWho(this.ctx);
    const audit = (source: string) => [auditPart(source, entity, 'create', who, createdChanges(source))];
    for (const group of groups.values()) {
      const start = group[0]!.start;
      const rows = group.map(({ columns }) => ({
        ...columns,
        ...(start && { state: start.state, state_entered_at: start.at }),
        ...(start?.slaDueAt && { sla_due_at: start.slaDueAt }),
      }));
      const insert = toInsertManySql(entity, rows);
      if (start?.oneStatement) await start.oneStatement(db, insert, audit);
      else {
        const parts = [{ sql: `r as (${insert.sql})`, bindings: insert.bindings }, ...audit('r')];
        await db.raw(
          `with ${parts.map((p) => p.sql).join(', ')} select 1`,
          parts.flatMap((p) => p.bindings),
        );
      }
    }
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
