import type { Knex } from 'knex';
import type { StageRules } from '@lodestar/core';
import { ValidationError, issueOf, summarize, type Issue } from '../errors.js';
import type { CompiledEntity } from '../model/compile-model.js';
import { lineItemsOf, type LineItems } from '../schema/line-items.js';
import { toPayload } from './payload.js';
import { forgetRow } from './row-cache.js';
import { quoteIdent } from './quote-ident.js';
import { readRecord } from './read-records.js';
import { stageRulesFor, stageWriteIssues } from './stage-fields.js';
import { toVisible } from './record-permissions.js';
import type { Row } from './records-repo.js';
import { recordNames, toRecordJson } from './serialize.js';
import { toSelectSql } from './to-sql.js';
import type { ReadQuery } from './query-params.js';
import type { RecordContext, RecordJson } from './types.js';
import { validateRecord } from './validate-record.js';
import { createLines, type NewLine } from './create-lines.js';
import { createRecord, deleteRecord, patchRecord, type RecordTarget, type StartRecord } from './write-record.js';

/**
 * Line items: a child entity whose many-to-one relation says `items: "lines"` is edited as the parent's
 * `lines`. A POST or PATCH of the parent carrying `lines: [...]` writes the parent and every line in ONE
 * transaction through the ordinary record writes (so each line gets its own validation, rules, formulas,
 * numbering, unique keys, stage rules, permissions, audit row and version), and the array is the new
 * complete list: a line with an `id` is updated (only what differs from the stored line), one without is
 * created, a stored line missing from the array is deleted, and `itemOrder` takes the array's order.
 * A bad line's issues point into the request (`/lines/2/quantity`) and nothing is written. The answer
 * is the parent read afresh (roll-ups maintained by the child triggers are current) with its lines.
 */

/** Picks the child's start (workflow) the same way the parent's was picked. */
export type StartOf = (entity: CompiledEntity) => StartRecord | undefined;

const PLACEHOLDER_ID = '00000000-0000-4000-8000-000000000000';

/** Creates a parent with its lines in one transaction; without lines in the body, exactly createRecord. */
export async function createWithItems(ctx: RecordContext, body: unknown, startOf: StartOf): Promise<RecordJson> {
  const split = splitBody(lineItemsOf(ctx.model, ctx.entity), body);
  if (!split) return createRecord(ctx, body, startOf(ctx.entity));
  return ctx.knex.transaction(async (trx) => {
    const tx = { ...ctx, knex: trx };
    let parent: RecordJson;
    try {
      parent = await createRecord(tx, split.parent, startOf(ctx.entity));
    } catch (error) {
      throw withLineIssues(error, split.lists);
    }
    const { owner } = await parentOf(trx, ctx.entity, parent);
    await writeLists(tx, split.lists, { id: parent.id as string, owner, fresh: true }, startOf);
    return readWithItems(tx, parent.id as string, { expand: [] });
  });
}

/** Patches a parent and replaces its lines in one transaction; without lines in the body, exactly patchRecord. */
export async function patchWithItems(
  ctx: RecordContext,
  target: RecordTarget,
  body: unknown,
  startOf: StartOf,
): Promise<RecordJson> {
  const split = splitBody(lineItemsOf(ctx.model, ctx.entity), body);
  if (!split) return patchRecord(ctx, target, body);
  try {
    return await ctx.knex.transaction(async (trx) => {
      const tx = { ...ctx, knex: trx };
      // The parent is the document the client edits: its version is checked and bumped even when only lines change.
      let patched: RecordJson;
      try {
        patched = await patchRecord(tx, target, split.parent);
      } catch (error) {
        throw withLineIssues(error, split.lists);
      }
      const { owner, recordType, state } = await parentOf(trx, ctx.entity, patched);
      // A stage that locks the record (or makes the list read-only) locks its lines too: they are part of it.
      const rules = ctx.byWorkflow ? undefined : stageRulesFor(ctx.model, ctx.entity, recordType, state);
      await writeLists(tx, split.lists, { id: target.id, owner, rules }, startOf);
      return readWithItems(tx, target.id, { expand: [] });
    });
  } catch (error) {
    forgetRow(ctx.entity, target.id);
    throw error;
  }
}

/** One record as readRecord answers it, plus its line item lists (only on a whole-record read). */
export async function readWithItems(ctx: RecordContext, id: string, query: ReadQuery): Promise<RecordJson> {
  const record = await readRecord(ctx, id, query);
  if (query.fields) return record;
  for (const items of lineItemsOf(ctx.model, ctx.entity)) {
    // Lines the reader may not see are left out, as in the child's own list.
    if (ctx.access?.grant(items.child.id).read === 'none') continue;
    record[items.name] = await readLines(ctx, items, id);
  }
  return record;
}

/** The lines of one parent, in their order (then creation order), as the child's own API shows them. */
async function readLines(ctx: RecordContext, items: LineItems, parentId: string): Promise<RecordJson[]> {
  const { child } = items;
  const condition = ctx.access?.condition(child.id, 'read');
  const order = items.order ? `t.${quoteIdent(items.order)} nulls last, ` : '';
  const scope = condition ? ` and (${condition.sql})` : '';
  const sql = `select ${toSelectSql(child)} from ${quoteIdent(child.table.name)} as t where t.${quoteIdent(items.via)} = ?${scope} order by ${order}t.created_at, t.id`;
  const { rows } = (await ctx.knex.raw(sql, [parentId, ...(condition?.bindings ?? [])] as Knex.RawBinding[])) as {
    rows: Row[];
  };
  const childCtx = { ...ctx, entity: child };
  return rows.map((row) => toVisible(childCtx, toRecordJson(row, recordNames(child))));
}

interface Split {
  parent: Record<string, unknown>;
  lists: Map<LineItems, Record<string, unknown>[]>;
}

/** The body without its lists, and the lists; undefined when the body names none. 422 for a list that is not one. */
function splitBody(all: LineItems[], body: unknown): Split | undefined {
  if (!all.length || !body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const source = body as Record<string, unknown>;
  const named = all.filter((items) => items.name in source);
  if (!named.length) return undefined;
  const parent = { ...source };
  const lists = new Map<LineItems, Record<string, unknown>[]>();
  const issues: Issue[] = [];
  for (const items of named) {
    const list = source[items.name];
    delete parent[items.name];
    if (!Array.isArray(list)) {
      issues.push(issueOf(`/${items.name}`, 'type', { en: 'must be a list of lines', zh: '必须是明细行的列表' }));
      continue;
    }
    list.forEach((line, i) => {
      if (!line || typeof line !== 'object' || Array.isArray(line))
        issues.push(issueOf(`/${items.name}/${i}`, 'type', { en: 'a line must be an object', zh: '每一行必须是对象' }));
    });
    lists.set(items, list as Record<string, unknown>[]);
  }
  throwIfIssues(issues);
  return { parent, lists };
}

/** Writes every list of one parent; the first line refused stops the writes, the rest are still checked. */
async function writeLists(
  ctx: RecordContext,
  lists: Map<LineItems, Record<string, unknown>[]>,
  parent: { id: string; owner: string | null; rules?: StageRules | undefined; fresh?: boolean },
  startOf: StartOf,
): Promise<void> {
  for (const [items, lines] of lists) {
    const childCtx: RecordContext = { ...ctx, entity: items.child };
    // A record created in this request has no lines yet.
    const stored = parent.fresh ? new Map<string, RecordJson>() : await storedLines(ctx.knex, items, parent.id);
    const kept = new Set<string>();
    const issues: Issue[] = [];
    // New lines are created together once the list is read through (create-lines.ts): one INSERT per list.
    const created: NewLine[] = [];
    const blocked = stageWriteIssues(ctx.entity, parent.rules, { [items.name]: lines }, false);
    /** Whether a line may be written now; the stage's refusal is reported once, at the list. */
    const mayWrite = () => {
      if (!blocked.length) return true;
      if (!issues.some((issue) => blocked.includes(issue))) issues.push(...blocked);
      return false;
    };
    for (const [i, line] of lines.entries()) {
      const at = `/${items.name}/${i}`;
      const { id, version, ...given } = line;
      const fields = { ...given };
      const lineIssues: Issue[] = [];
      if (items.via in fields && fields[items.via] !== parent.id)
        lineIssues.push(
          issueOf(`${at}/${items.via}`, 'readOnly', {
            en: 'a line belongs to the record it is saved with',
            zh: '明细行属于随其保存的记录，不能改挂到其他记录',
          }),
        );
      delete fields[items.via];
      if (items.order) fields[items.order] = i + 1;
      const before = typeof id === 'string' ? stored.get(id) : undefined;
      if (id !== undefined && !before)
        lineIssues.push(
          issueOf(`${at}/id`, 'items', {
            en: `no line of this record has the id ${String(id)}`,
            zh: `本记录没有 id 为 ${String(id)} 的明细行`,
          }),
        );
      if (id !== undefined && before && kept.has(before.id as string))
        lineIssues.push(issueOf(`${at}/id`, 'items', { en: 'the line is listed twice', zh: '该明细行重复出现' }));
      if (lineIssues.length || issues.length) {
        // Once something is refused nothing more is written (the transaction rolls back); the rest is only checked.
        issues.push(...lineIssues, ...prefixed(at, checkLine(items, fields, before ? 'patch' : 'create')));
        if (before) kept.add(before.id as string);
        continue;
      }
      try {
        if (before) {
          kept.add(before.id as string);
          const changes = changedFields(items.child, before, fields);
          if (Object.keys(changes).length && mayWrite()) {
            const target = {
              id: before.id as string,
              version: typeof version === 'number' ? version : (before.version as number),
            };
            await patchRecord(childCtx, target, changes);
            forgetRow(items.child, target.id);
          }
        } else if (mayWrite()) {
          const owner = 'owner_id' in fields || parent.owner === null ? {} : { owner_id: parent.owner };
          created.push({ at, body: { ...owner, ...fields, [items.via]: parent.id } });
        }
      } catch (error) {
        if (!(error instanceof ValidationError) || !error.issues) throw error;
        issues.push(...prefixed(at, error.issues));
      }
    }
    // Once something is refused the new lines are only checked, as the lines after a refusal are.
    const createdIssues = issues.length
      ? created.flatMap(({ at, body }) => prefixed(at, checkLine(items, body, 'create')))
      : await createLines(childCtx, created, startOf(items.child));
    throwIfIssues(inLineOrder(issues, createdIssues));
    const removed = [...stored].filter(([id]) => !kept.has(id));
    if (removed.length && !mayWrite()) throwIfIssues(issues);
    for (const [id, row] of removed) await deleteRecord(childCtx, { id, version: row.version as number });
  }
}

/** The stored lines of a parent by id, locked for this transaction. */
async function storedLines(db: Knex, items: LineItems, parentId: string): Promise<Map<string, RecordJson>> {
  const { child } = items;
  const sql = `select ${toSelectSql(child)} from ${quoteIdent(child.table.name)} as t where t.${quoteIdent(items.via)} = ? for update of t`;
  const { rows } = (await db.raw(sql, [parentId])) as { rows: Row[] };
  return new Map(rows.map((row) => [row.id as string, toRecordJson(row, recordNames(child))]));
}

/**
 * The parent's owner (its new lines get it), record type and stage (whose rules bind the lines): from the
 * written record as answered, or read when the actor's view of it leaves one out.
 */
async function parentOf(
  db: Knex,
  entity: CompiledEntity,
  written: RecordJson,
): Promise<{ owner: string | null; recordType: string | null; state: string | null }> {
  const hasState = entity.table.columns.some((c) => c.name === 'state');
  if ('owner_id' in written && 'record_type' in written && (!hasState || 'state' in written))
    return {
      owner: (written.owner_id as string | null) ?? null,
      recordType: (written.record_type as string | null) ?? null,
      state: hasState ? ((written.state as string | null) ?? null) : null,
    };
  const id = written.id as string;
  const state = entity.table.columns.some((c) => c.name === 'state') ? 'state' : 'null as state';
  const sql = `select owner_id, record_type, ${state} from ${quoteIdent(entity.table.name)} where id = ?`;
  const { rows } = (await db.raw(sql, [id])) as {
    rows: { owner_id: string | null; record_type: string | null; state: string | null }[];
  };
  return { owner: rows[0]?.owner_id ?? null, recordType: rows[0]?.record_type ?? null, state: rows[0]?.state ?? null };
}

/** What a line sends that differs from the stored line: an unchanged value (a formula sent back as read) is no change. */
function changedFields(
  child: CompiledEntity,
  before: RecordJson,
  fields: Record<string, unknown>,
): Record<string, unknown> {
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  return Object.fromEntries(
    Object.entries(fields).filter(([name, value]) => {
      if (!(name in before)) return true; // not a field of the child: its own write names the issue
      return !same(before[name], value) && !(child.fields.get(name)?.kind === 'date' && sameDay(before[name], value));
    }),
  );
}

function sameDay(a: unknown, b: unknown): boolean {
  return typeof a === 'string' && typeof b === 'string' && a.slice(0, 10) === b.slice(0, 10);
}

/** The checks of a line that need no database (body shape, system columns, the child's schema for a new line). */
function checkLine(items: LineItems, fields: Record<string, unknown>, mode: 'create' | 'patch'): Issue[] {
  const { child } = items;
  // The parent's id is not known yet (or the parent was refused): any id stands in for it.
  const body = mode === 'create' ? { ...fields, [items.via]: PLACEHOLDER_ID } : fields;
  const { payload, issues } = toPayload(child, body, mode);
  if (mode === 'create') {
    const validator = child.validators.get(child.recordTypes.length ? (payload.recordType ?? '\0') : '');
    if (validator) issues.push(...validateRecord(validator, payload.fields));
  }
  return issues;
}

/** The parent refused: its issues, and those every line shows without a database, in one 422. */
function withLineIssues(error: unknown, lists: Map<LineItems, Record<string, unknown>[]>): unknown {
  if (!(error instanceof ValidationError) || !error.issues) return error;
  const issues = [...error.issues];
  for (const [items, lines] of lists)
    lines.forEach((line, i) => {
      const { id, version: _version, ...fields } = line;
      delete fields[items.via];
      if (items.order) fields[items.order] = i + 1;
      issues.push(...prefixed(`/${items.name}/${i}`, checkLine(items, fields, id === undefined ? 'create' : 'patch')));
    });
  return new ValidationError(summarize(issues), { issues });
}

/** Issues of lines judged later merged into `issues` by line (`/lines/3/…`), so a 422 reads in the list's order. */
function inLineOrder(issues: Issue[], later: Issue[]): Issue[] {
  const lineOf = (issue: Issue) => Number(/^\/[^/]+\/(\d+)/.exec(issue.pointer)?.[1] ?? -1);
  const merged = [...issues];
  for (const issue of later) {
    const next = merged.findIndex((other) => lineOf(other) > lineOf(issue));
    merged.splice(next < 0 ? merged.length : next, 0, issue);
  }
  return merged;
}

function prefixed(at: string, issues: readonly Issue[]): Issue[] {
  return issues.map((issue) => ({ ...issue, pointer: `${at}${issue.pointer}` }));
}

function throwIfIssues(issues: Issue[]): void {
  if (issues.length) throw new ValidationError(summarize(issues), { issues });
}
