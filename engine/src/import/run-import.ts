import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { KeyIndexSpec } from '@lodestar/core';
import type { Actor } from '../actor.js';
import { jsonParam } from '../audit/audit-sql.js';
import { toLodestarError } from '../db/pg-errors.js';
import { ForbiddenError, LodestarError, type Text } from '../errors.js';
import { forbidden } from '../permissions/forbidden.js';
import { auditPart, createdChanges } from '../records/audit-parts.js';
import { keyConflict } from '../records/key-conflict.js';
import { requireOwnerInScope } from '../records/record-permissions.js';
import { toInsertManySql, selectRecords, type Row } from '../records/records-repo.js';
import { withSearchDocument } from '../search/search-document.js';
import type { RecordContext } from '../records/types.js';
import { checkCreate, createRecord, createRow, patchRecord, type RecordStart } from '../records/write-record.js';
import { startFor } from '../runtime/start-record.js';
import { hasNumbering } from '../records/numbering.js';
import { toSelectSql } from '../records/to-sql.js';
import { textOf } from './convert.js';
import { Stage } from './stage.js';
import { createdPart, holdImportLock, recordsWritten, recordWritten } from './imports-repo.js';
import type { ImportCounts, ImportOptions, ImportOutcome, RefusedRow, RowIssue } from './import-types.js';
import {
  existingByKey,
  joinKey,
  keyValue,
  peopleDirectory,
  preferIndexes,
  resolveTargets,
  uniqueKeys,
  type Existing,
  type Resolved,
} from './lookups.js';
import { fieldTitle, mapColumns, mappingProblem, type MappedColumn } from './mapping.js';
import { convertersOf, issueAt, prepareRow, rowIssuesOf, type PreparedRow, type RowShape } from './prepare-row.js';
import { openFile, type FileRow } from './read-file.js';

/*
 * The import itself: file → mapped, converted rows → batch lookups (keys, relations, people) → every row
 * judged as the records API judges a create or patch → written in batches, all inside ONE transaction. New
 * records without many-to-many links or start actions are COPY'd into a staging table (stage.ts) and go into
 * the entity's table in one INSERT … SELECT per batch, with their audit rows, workflow start (history) and undo
 * rows in the same statement; the rest go through the ordinary writes (updates: one patch each).
 * A test run, an all-or-nothing import with a bad row, a cancel or any failure rolls the transaction back,
 * so nothing is ever half-applied (a killed process too: the transaction never committed).
 */

export interface ImportRun {
  id: string;
  /** The importer's records context on the whole database (not in a transaction). */
  ctx: RecordContext;
  actor: Actor;
  now: Date;
  path: string;
  options: ImportOptions;
  onProgress?: (counts: ImportCounts) => void;
  signal?: AbortSignal;
}

const MAX_KEPT_ROWS = 100_000;
const MAX_BINDINGS = 30_000;

class Rollback extends Error {}

/** Runs an import to its end; throws only for what is not the file's fault (a 403, the database gone). */
export async function runImport(run: ImportRun): Promise<ImportOutcome> {
  const { ctx, options } = run;
  const { entity } = ctx;
  requireImportAllowed(run);
  const file = await openFile(run.path, { sheet: options.sheet });
  const outcome: ImportOutcome = {
    status: 'succeeded',
    headers: [],
    refused: [],
    processed: 0,
    created: 0,
    updated: 0,
    failed: 0,
    rolledBack: false,
  };
  let header: FileRow | undefined;
  try {
    header = (await file.rows.next()).value as FileRow | undefined;
  } catch (error) {
    return failed(outcome, fileError(error));
  }
  if (!header) return failed(outcome, { en: 'the file has no rows', zh: '文件中没有任何数据' });
  outcome.headers = header.cells.map((cell) => textOf(cell).trim());
  const mapping = mapColumns(entity, outcome.headers, options.mapping);
  const problem = mappingProblem(mapping, entity) ?? optionProblem(run, mapping.columns);
  if (problem) return failed(outcome, problem);
  const shape: RowShape = {
    entity,
    columns: mapping.columns,
    converters: convertersOf(entity),
    recordType: options.recordType,
  };
  try {
    await ctx.knex.transaction(async (trx) => {
      await holdImportLock(trx, run.id);
      await preferIndexes(trx);
      const importer = new Importer(run, trx, shape, outcome, () => file.fraction());
      await importer.init();
      const pipeline = new Pipeline(importer, Boolean(options.createMissing));
      let batch: PreparedRow[] = [];
      const size = batchSize(mapping.columns.length);
      for await (const row of file.rows) {
        batch.push(prepareRow(shape, row.number, row.cells));
        if (batch.length >= size) {
          await pipeline.add(batch);
          batch = [];
        }
      }
      if (batch.length) await pipeline.add(batch);
      await pipeline.end();
      if (options.dryRun || (outcome.failed > 0 && !options.skipBad)) throw new Rollback();
    });
  } catch (error) {
    if (error instanceof Rollback) outcome.rolledBack = true;
    else if (run.signal?.aborted) {
      outcome.rolledBack = true;
      outcome.status = 'cancelled';
    } else if (error instanceof LodestarError || isFileError(error)) {
      outcome.rolledBack = true;
      return failed(outcome, fileError(error));
    } else throw error;
  }
  if (outcome.failed > 0 && !options.skipBad && !options.dryRun) {
    outcome.status = 'failed';
    outcome.error = {
      en: `${outcome.failed} rows have problems, so nothing was imported; fix them, or choose to skip bad rows`,
      zh: `有 ${outcome.failed} 行数据有问题，因此没有导入任何数据；请修正后重试，或选择跳过有问题的行`,
    };
  }
  return outcome;
}

function failed(outcome: ImportOutcome, error: Text): ImportOutcome {
  return { ...outcome, status: 'failed', error, rolledBack: true };
}

const isFileError = (error: unknown): boolean =>
  error instanceof Error &&
  ('code' in error ? /^(CSV_|ERR_)/.test(String(error.code)) : /zip|xlsx|sheet/i.test(error.message));

function fileError(error: unknown): Text {
  if (error instanceof LodestarError) return error.text;
  const detail = error instanceof Error ? error.message : String(error);
  return { en: `the file cannot be read: ${detail}`, zh: `无法读取文件：${detail}` };
}

function batchSize(columns: number): number {
  return Math.max(50, Math.min(2000, Math.floor(MAX_BINDINGS / (columns + 8))));
}

/** 403 before anything is read: the actor must be allowed to create (insert, upsert) and update (update, upsert). */
function requireImportAllowed(run: ImportRun): void {
  const grant = run.ctx.access?.grant(run.ctx.entity.id);
  if (!grant) return;
  if (run.options.mode !== 'update' && grant.create === 'none') throw forbidden(run.ctx.entity, 'create');
  if (run.options.mode !== 'insert' && grant.update === 'none') throw forbidden(run.ctx.entity, 'update');
}

function optionProblem(run: ImportRun, columns: readonly MappedColumn[]): Text | undefined {
  const { options, ctx } = run;
  if (options.mode === 'insert') return undefined;
  if (!options.key)
    return { en: 'updating needs a key field to find each row’s record', zh: '更新导入需要指定用于匹配记录的关键字段' };
  if (!columns.some((c) => c.target.kind === 'field' && c.target.field === options.key)) {
    const title = ctx.entity.fields.has(options.key) ? fieldTitle(ctx.entity, options.key) : undefined;
    return {
      en: `no column of the file holds the key field ${title?.en ?? options.key}`,
      zh: `文件中没有关键字段“${title?.zh ?? options.key}”这一列`,
    };
  }
  if (options.recordType && !ctx.entity.recordTypes.includes(options.recordType))
    return { en: `there is no record type "${options.recordType}"`, zh: `没有记录类型“${options.recordType}”` };
  return undefined;
}

/** A batch judged and ready to write. */
interface Planned {
  rows: PreparedRow[];
  inserts: { row: PreparedRow; columns: Row; start: RecordStart | undefined }[];
  oneByOne: { row: PreparedRow; body: Record<string, unknown> }[];
  updates: { row: PreparedRow; body: Record<string, unknown>; found: Existing }[];
}

/**
 * Batches in a pipeline: a batch's lookups run, then the previous batch's write goes to the database and runs
 * while this one is judged in the engine (the transaction's one connection takes its statements in order).
 */
class Pipeline {
  private previous: Planned | undefined;

  constructor(
    private readonly importer: Importer,
    private readonly createsWhileJudging: boolean,
  ) {}

  async add(rows: PreparedRow[]): Promise<void> {
    const existing = await this.importer.lookup(rows);
    // Writes one by one use savepoints, and so may judging (create-if-missing): those never overlap.
    if (this.previous && (this.previous.oneByOne.length || this.previous.updates.length || this.createsWhileJudging)) {
      await this.importer.write(this.previous);
      this.previous = undefined;
    }
    const writing = this.previous ? this.importer.write(this.previous) : Promise.resolve();
    // Settled either way before anything throws, so no write is left unobserved.
    const [judged, written] = await Promise.allSettled([this.importer.judge(rows, existing), writing]);
    if (written.status === 'rejected') throw written.reason;
    if (judged.status === 'rejected') throw judged.reason;
    this.previous = judged.value;
  }

  async end(): Promise<void> {
    if (this.previous) await this.importer.write(this.previous);
    this.previous = undefined;
  }
}

/** One import's state across batches: the transaction, lookups made once, keys seen in the file. */
class Importer {
  private readonly ctx: RecordContext;
  private people!: (text: string) => Resolved;
  private readonly seenKeys = new Map<string, number>();
  private readonly created = new Map<string, Map<string, string>>();
  private readonly owners = new Map<string, RowIssue['message'] | null>();
  private readonly start: ReturnType<ReturnType<typeof startFor>>;
  private readonly matchKey: KeyIndexSpec | undefined;
  private stage: Stage | undefined;
  private readonly keyValues = new WeakMap<PreparedRow, Map<KeyIndexSpec, string[] | undefined>>();

  constructor(
    private readonly run: ImportRun,
    private readonly trx: Knex,
    private readonly shape: RowShape,
    private readonly outcome: ImportOutcome,
    private readonly fraction: () => number | undefined,
  ) {
    this.ctx = { ...run.ctx, knex: trx, requestId: `import:${run.id}` };
    this.start = startFor(run.ctx.model, run.actor, run.now)(run.ctx.entity);
    const key = run.options.key;
    if (key && run.options.mode !== 'insert')
      this.matchKey = uniqueKeys(run.ctx.entity).find((k) => k.parts.length === 1 && k.parts[0]!.column === key) ?? {
        name: key,
        unique: false,
        parts: [{ column: key, steps: [] }],
      };
  }

  async init(): Promise<void> {
    this.people = await peopleDirectory(this.trx);
  }

  /** A batch's lookups (relations, people, keys in the file and in the table): the database part of judging it. */
  async lookup(rows: PreparedRow[]): Promise<Map<PreparedRow, Existing>> {
    if (this.run.signal?.aborted) throw new Error('cancelled');
    await this.resolveRefs(rows);
    this.checkFileKeys(rows);
    return this.existing(rows);
  }

  /** Judges every row of a looked-up batch as the records API would, and plans its writes. */
  async judge(rows: PreparedRow[], existing: Map<PreparedRow, Existing>): Promise<Planned> {
    const planned: Planned = { rows, inserts: [], oneByOne: [], updates: [] };
    for (const row of rows) {
      if (row.issues.length) continue;
      const found = existing.get(row);
      const body = this.bodyOf(row);
      if (found) {
        if (!found.allowed)
          row.issues.push(
            issueAt(row, this.keyColumn(), 'scope', {
              en: 'the record this row updates is outside what you may change',
              zh: '这一行要更新的记录不在您可修改的范围内',
            }),
          );
        else planned.updates.push({ row, body, found });
        continue;
      }
      try {
        const payload = checkCreate(this.ctx, body);
        await this.requireOwner(row, payload.ownerId ?? null);
        if (row.issues.length) continue;
        const { columns, values, start } = createRow(this.ctx, payload, this.start);
        if (values.links.size || (start && !start.oneStatement)) planned.oneByOne.push({ row, body });
        else planned.inserts.push({ row, columns, start });
      } catch (error) {
        row.issues.push(...this.issuesOf(row, error));
      }
    }
    return planned;
  }

  /** Writes a judged batch and counts it. */
  async write(planned: Planned): Promise<void> {
    await this.insertMany(planned.inserts);
    for (const { row, body } of planned.oneByOne) await this.createOne(row, body);
    await this.updateAll(planned.updates);
    this.count(planned.rows);
  }

  private count(rows: PreparedRow[]): void {
    for (const row of rows) {
      this.outcome.processed++;
      if (!row.issues.length) continue;
      this.outcome.failed++;
      if (this.outcome.refused.length < MAX_KEPT_ROWS)
        this.outcome.refused.push({ row: row.number, cells: row.cells, issues: row.issues } satisfies RefusedRow);
    }
    this.run.onProgress?.({
      processed: this.outcome.processed,
      created: this.outcome.created,
      updated: this.outcome.updated,
      failed: this.outcome.failed,
      ...(this.fraction() !== undefined && { fraction: this.fraction() }),
    });
  }

  private bodyOf(row: PreparedRow): Record<string, unknown> {
    return {
      ...row.fields,
      ...(row.recordType !== undefined && { record_type: row.recordType }),
      ...(row.owner !== undefined && { owner_id: row.owner }),
    };
  }

  private column(field: string): MappedColumn | undefined {
    return this.shape.columns.find((c) => c.target.kind === 'field' && c.target.field === field);
  }

  private keyColumn(): MappedColumn | undefined {
    return this.run.options.key ? this.column(this.run.options.key) : undefined;
  }

  private issuesOf(row: PreparedRow, error: unknown): RowIssue[] {
    const known =
      error instanceof LodestarError
        ? error
        : toLodestarError(error, (_table, constraint) => keyConflict(this.ctx.entity.definition, constraint));
    if (!known || known.status >= 500) throw error;
    if (known.issues?.length) return rowIssuesOf(row, this.shape.columns, known.issues);
    return [issueAt(row, undefined, known.type.split('/').pop() ?? 'refused', known.text)];
  }

  /** Relation, person and owner cells to ids, one lookup per related entity and batch. */
  private async resolveRefs(rows: PreparedRow[]): Promise<void> {
    const { entity, model } = this.ctx;
    const byTarget = new Map<string, Set<string>>();
    for (const row of rows)
      for (const [field, texts] of row.refs) {
        const target = entity.fields.get(field)!.definition['x-relation']?.entity;
        if (!target) continue;
        const set = byTarget.get(target) ?? new Set<string>();
        for (const text of Array.isArray(texts) ? texts : [texts]) set.add(text);
        byTarget.set(target, set);
      }
    const answers = new Map<string, Map<string, Resolved>>();
    const sight = this.ctx.access ?? this.ctx.linkSight;
    for (const [target, texts] of byTarget) {
      const known = this.created.get(target);
      const open = [...texts].filter((t) => !known?.has(t));
      const found = await resolveTargets(this.trx, model, target, open, sight);
      for (const [text, id] of known ?? []) found.set(text, { id });
      answers.set(target, found);
    }
    for (const row of rows) {
      for (const [field, texts] of row.refs) {
        const target = entity.fields.get(field)!.definition['x-relation']?.entity;
        const lookup = (text: string) => (target ? answers.get(target)!.get(text) : this.people(text));
        const ids: string[] = [];
        for (const text of Array.isArray(texts) ? texts : [texts]) {
          let found = lookup(text);
          if (!found && target && this.run.options.createMissing)
            found = await this.createTarget(row, field, target, text);
          if (found && 'id' in found) ids.push(found.id);
          else if (!row.issues.some((i) => i.column === this.column(field)?.header))
            row.issues.push(
              issueAt(
                row,
                this.column(field),
                found ? 'ambiguous' : 'notFound',
                this.refMessage(field, target, !!found),
              ),
            );
        }
        row.fields[field] = Array.isArray(texts) ? ids : ids[0];
      }
      if (row.owner !== undefined) {
        const found = this.people(row.owner);
        if (found && 'id' in found) row.owner = found.id;
        else {
          row.issues.push(
            issueAt(
              row,
              this.shape.columns.find((c) => c.target.kind === 'owner'),
              found ? 'ambiguous' : 'notFound',
              found
                ? { en: 'two active users have this name; use the email', zh: '有两位在职用户同名，请改填邮箱' }
                : { en: 'no active user has this email or name', zh: '没有这个邮箱或姓名的在职用户' },
            ),
          );
          row.owner = undefined;
        }
      }
    }
  }

  private refMessage(field: string, target: string | undefined, ambiguous: boolean): Text {
    if (!target)
      return ambiguous
        ? { en: 'two active users have this name; use the email', zh: '有两位在职用户同名，请改填邮箱' }
        : { en: 'no active user has this email or name', zh: '没有这个邮箱或姓名的在职用户' };
    const entity = this.ctx.model.entities.get(target)!.definition;
    const title = {
      en: entity['x-i18n']?.title?.en ?? entity.title ?? target,
      zh: entity['x-i18n']?.title?.zh ?? target,
    };
    return ambiguous
      ? {
          en: `more than one ${title.en} has this name; use its unique code`,
          zh: `有多个${title.zh}同名，请改填唯一编码`,
        }
      : { en: `no ${title.en} with this name or code`, zh: `找不到这个名称或编码的${title.zh}` };
  }

  /** "Create if missing": a target record with the cell as its title, written like any create. */
  private async createTarget(row: PreparedRow, field: string, target: string, text: string): Promise<Resolved> {
    const entity = this.ctx.model.entities.get(target)!;
    const titleField = entity.definition['x-entity'].titleField;
    if (!titleField) return undefined;
    try {
      const record = await this.trx.transaction((sp) =>
        createRecord(
          { ...this.ctx, knex: sp, entity },
          { [titleField]: text },
          startFor(this.ctx.model, this.run.actor, this.run.now)(entity),
        ),
      );
      const id = record.id as string;
      await recordWritten(this.trx, {
        importId: this.run.id,
        entity: target,
        recordId: id,
        action: 'create',
        version: record.version as number,
      });
      const known = this.created.get(target) ?? new Map<string, string>();
      known.set(text, id);
      this.created.set(target, known);
      return { id };
    } catch (error) {
      const issues = this.issuesOf(row, error);
      const message = issues[0]?.message;
      row.issues.push(
        issueAt(row, this.column(field), 'createMissing', {
          en: `cannot create it: ${message?.en ?? ''}`,
          zh: `无法新建：${message?.zh ?? ''}`,
        }),
      );
      return { ambiguous: true };
    }
  }

  /** A unique key's value repeated in the file: the later row is refused, naming the first. */
  private checkFileKeys(rows: PreparedRow[]): void {
    const keys = uniqueKeys(this.ctx.entity);
    const extra = this.matchKey && !this.matchKey.unique ? [this.matchKey] : [];
    for (const row of rows) {
      if (row.issues.length) continue;
      for (const key of [...keys, ...extra]) {
        const value = this.keyOf(key, row);
        if (!value) continue;
        const id = `${key.name}\u0000${joinKey(value)}`;
        const first = this.seenKeys.get(id);
        if (first === undefined) this.seenKeys.set(id, row.number);
        else {
          const titles = key.parts.map((p) => fieldTitle(this.ctx.entity, p.column));
          row.issues.push(
            issueAt(row, this.column(key.parts[0]!.column), 'duplicateInFile', {
              en: `row ${first} has the same ${titles.map((t) => t.en).join(' and ')}`,
              zh: `与第 ${first} 行的${titles.map((t) => t.zh).join('和')}重复`,
            }),
          );
        }
      }
    }
  }

  /** The stored records rows update (by the match key), and rows whose insert a unique key already refuses. */
  private async existing(rows: PreparedRow[]): Promise<Map<PreparedRow, Existing>> {
    const matches = new Map<PreparedRow, Existing>();
    const open = rows.filter((row) => !row.issues.length);
    const { mode } = this.run.options;
    if (this.matchKey) {
      const found = await this.byKey(this.matchKey, open);
      for (const row of open) {
        const value = this.keyOf(this.matchKey, row);
        const match = value && found.get(joinKey(value));
        if (match) matches.set(row, match);
        else if (mode === 'update')
          row.issues.push(
            issueAt(
              row,
              this.keyColumn(),
              value ? 'notFound' : 'required',
              value
                ? { en: 'no record has this key', zh: '没有与此关键字段匹配的记录' }
                : { en: 'the key field is empty, so no record can be found', zh: '关键字段为空，无法找到要更新的记录' },
            ),
          );
      }
    }
    // New records: every unique key must be free in the table (the database would refuse the whole batch).
    const inserts = open.filter((row) => !matches.has(row) && !row.issues.length);
    for (const key of uniqueKeys(this.ctx.entity)) {
      if (!inserts.length) break;
      const found = await this.byKey(key, inserts);
      for (const row of inserts) {
        const value = this.keyOf(key, row);
        if (!value || !found.has(joinKey(value))) continue;
        const conflict = keyConflict(this.ctx.entity.definition, key.name);
        row.issues.push(
          issueAt(
            row,
            this.column(key.parts[0]!.column),
            'unique',
            conflict?.text ?? {
              en: 'a record with this key already exists',
              zh: '已存在相同关键字段的记录',
            },
          ),
        );
      }
    }
    return matches;
  }

  /** A row's value of a key, normalised once per row and key (its fields are final once its references are resolved). */
  private keyOf(key: KeyIndexSpec, row: PreparedRow): string[] | undefined {
    let values = this.keyValues.get(row);
    if (!values) this.keyValues.set(row, (values = new Map()));
    if (!values.has(key)) values.set(key, keyValue(key, row.fields));
    return values.get(key);
  }

  private async byKey(key: KeyIndexSpec, rows: PreparedRow[]): Promise<Map<string, Existing>> {
    const values = new Map<string, string[]>();
    for (const row of rows) {
      const value = this.keyOf(key, row);
      if (value) values.set(joinKey(value), value);
    }
    return existingByKey(this.trx, this.ctx.entity, key, [...values.values()], this.ctx.access);
  }

  private async requireOwner(row: PreparedRow, ownerId: string | null): Promise<void> {
    const access = this.ctx.access;
    if (!access) return;
    const cacheKey = ownerId ?? '';
    if (!this.owners.has(cacheKey)) {
      try {
        await requireOwnerInScope(this.trx, access.grant(this.ctx.entity.id).create, access.actor, ownerId);
        this.owners.set(cacheKey, null);
      } catch (error) {
        if (!(error instanceof ForbiddenError)) throw error;
        this.owners.set(cacheKey, error.issues?.[0]?.i18n ?? error.text);
      }
    }
    const refusal = this.owners.get(cacheKey);
    if (refusal)
      row.issues.push(
        issueAt(
          row,
          this.shape.columns.find((c) => c.target.kind === 'owner'),
          'scope',
          refusal,
        ),
      );
  }

  /**
   * New records of one batch: per record type and start state, the rows go into the stage (COPY) and from it
   * into the table in one INSERT … SELECT, with audit, start and undo rows as CTEs of the same statement.
   * No savepoint: each would be a subtransaction, and foreign-key locks taken on the same parent by many
   * subtransactions turn into growing multixacts (measured: the batches slowed down as the import went on).
   * Numbered entities keep one multi-row INSERT: each record draws its number in its own row.
   */
  private async insertMany(
    inserts: { row: PreparedRow; columns: Row; start: RecordStart | undefined }[],
  ): Promise<void> {
    const groups = new Map<string, typeof inserts>();
    for (const insert of inserts) {
      const group = `${String(insert.columns.record_type ?? '')}\u0000${insert.start?.state ?? ''}`;
      groups.set(group, [...(groups.get(group) ?? []), insert]);
    }
    const { entity } = this.ctx;
    const who = { actorId: this.ctx.userId ?? null, requestId: this.ctx.requestId };
    const also = (source: string) => [
      auditPart(source, entity, 'create', who, createdChanges(source), jsonParam({ import: this.run.id })),
      createdPart(source, this.run.id, entity.id),
    ];
    if (groups.size && !hasNumbering(entity)) this.stage ??= await Stage.open(this.trx, entity);
    for (const group of groups.values()) {
      const start = group[0]!.start;
      const rows = group.map(({ columns }) => ({
        // The id is the engine's, so rows the database skipped (a key taken meanwhile) can be named.
        ...(this.stage && { id: randomUUID() }),
        ...columns,
        ...(start && { state: start.state, state_entered_at: start.at }),
        ...(start?.slaDueAt && { sla_due_at: start.slaDueAt }),
      }));
      const insert = this.stage ? await this.staged(rows) : toInsertManySql(entity, rows);
      if (start?.oneStatement) await start.oneStatement(this.trx, insert, also, false);
      else {
        const parts = [{ sql: `r as (${insert.sql})`, bindings: insert.bindings }, ...also('r')];
        await this.trx.raw(
          `with ${parts.map((p) => p.sql).join(', ')} select 1`,
          parts.flatMap((p) => p.bindings),
        );
      }
      const skipped = this.stage ? await this.stage.skipped(this.trx, entity) : [];
      this.outcome.created += group.length - skipped.length;
      // A key another writer committed since the batch's lookups: the ordinary create names the row's problem.
      for (const n of skipped) await this.createOne(group[n]!.row, this.bodyOf(group[n]!.row));
    }
  }

  /** Loads rows into the import's stage and answers the INSERT that takes them from it. */
  private async staged(rows: Row[]): Promise<{ sql: string; bindings: Knex.RawBinding[] }> {
    await this.stage!.load(
      this.trx,
      rows.map((row) => withSearchDocument(this.ctx.entity.table, row)),
    );
    return this.stage!.insertSql(this.ctx.entity, toSelectSql(this.ctx.entity));
  }

  /** A new record that needs more than a row (many-to-many links, start actions): the ordinary create. */
  private async createOne(row: PreparedRow, body: Record<string, unknown>): Promise<void> {
    try {
      const record = await this.trx.transaction((sp) => createRecord({ ...this.ctx, knex: sp }, body, this.start));
      await recordWritten(this.trx, {
        importId: this.run.id,
        entity: this.ctx.entity.id,
        recordId: record.id as string,
        action: 'create',
        version: record.version as number,
      });
      this.outcome.created++;
    } catch (error) {
      row.issues.push(...this.issuesOf(row, error));
    }
  }

  /**
   * Rows that update their records: the stored values they change read in one query, then each row the
   * ordinary patch at the version read (one savepoint each), and what they changed kept for undo in one insert.
   */
  private async updateAll(updates: Planned['updates']): Promise<void> {
    if (!updates.length) return;
    const { entity } = this.ctx;
    const stored = new Map(
      (
        await selectRecords(
          this.trx,
          entity,
          updates.map((u) => u.found.id),
        )
      ).map((r) => [r.id as string, r]),
    );
    const written: Parameters<typeof recordsWritten>[1] = [];
    for (const { row, body, found } of updates) {
      const before = Object.fromEntries(
        Object.keys(body)
          .filter((name) => entity.table.columns.some((c) => c.name === name))
          .map((name) => [name, stored.get(found.id)?.[name] ?? null]),
      );
      try {
        const record = await this.trx.transaction((sp) =>
          patchRecord({ ...this.ctx, knex: sp }, { id: found.id, version: found.version }, body),
        );
        written.push({
          importId: this.run.id,
          entity: entity.id,
          recordId: found.id,
          action: 'update',
          version: record.version as number,
          before,
        });
        this.outcome.updated++;
      } catch (error) {
        row.issues.push(...this.issuesOf(row, error));
      }
    }
    await recordsWritten(this.trx, written);
  }
}
