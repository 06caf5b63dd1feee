import type { Knex } from 'knex';
import { ValidationError, type Issue } from '../errors.js';
import { auditPart, createdChanges, withAudit } from './audit-parts.js';
import { requireReadableLinks } from './link-scope.js';
import type { Payload } from './payload.js';
import { requireOwnerInScope } from './record-permissions.js';
import { toInsertManySql, type Row } from './records-repo.js';
import type { RecordContext } from './types.js';
import { inactiveUserFields, requireActiveUsers } from './user-refs.js';
import { auditWho, checkCreate, createRecord, createRow, type StartRecord } from './write-record.js';

/** A new line of a list: where it sits in the request (`/lines/3`) and the record to create. */
export interface NewLine {
  at: string;
  body: Record<string, unknown>;
}

/**
 * Creates the new lines of one list (inside the caller's transaction) in ONE statement: every line is
 * judged exactly as createRecord judges a record (action, payload, field grants, numbering, schema and
 * rules, owner scope, readable links, active users, the stage it starts in), then all of them are one
 * INSERT … VALUES with their audit rows in the same statement, so the child's roll-up triggers (statement
 * triggers) run once for the list rather than once per line. Numbers are drawn per row, in list order.
 * Answers the issues, each under its line's pointer; nothing is written when there is one. Lines that need
 * more than a row (many-to-many links, a workflow start with its history) are created one by one, as before.
 */
export async function createLines(
  ctx: RecordContext,
  lines: NewLine[],
  startRecord: StartRecord | undefined,
): Promise<Issue[]> {
  if (!lines.length) return [];
  const issues: Issue[] = [];
  const checked: { line: NewLine; payload: Payload }[] = [];
  for (const line of lines) {
    try {
      checked.push({ line, payload: checkCreate(ctx, line.body) });
    } catch (error) {
      issues.push(...issuesOf(error, line.at));
    }
  }
  if (issues.length) return issues;
  await requireOwners(ctx, checked);
  issues.push(...(await linkIssues(ctx, checked)));
  for (const { line, payload } of checked) {
    try {
      requireActiveUsers(await inactiveUserFields(ctx.knex, ctx.entity, payload.fields));
    } catch (error) {
      issues.push(...issuesOf(error, line.at));
    }
  }
  if (issues.length) return issues;
  const rows: Row[] = [];
  for (const { line, payload } of checked) {
    try {
      const { columns, values, start } = createRow(ctx, payload, startRecord);
      if (values.links.size || start) return oneByOne(ctx, lines, startRecord);
      rows.push(columns);
    } catch (error) {
      issues.push(...issuesOf(error, line.at));
    }
  }
  if (issues.length) return issues;
  const { entity } = ctx;
  const statement = withAudit(toInsertManySql(entity, rows), (source) =>
    auditPart(source, entity, 'create', auditWho(ctx), createdChanges(source)),
  );
  await ctx.knex.raw(statement.sql, statement.bindings as Knex.RawBinding[]);
  return [];
}

/** The owners the lines name (usually one: the parent's), each checked once against the create scope. */
async function requireOwners(ctx: RecordContext, checked: { payload: Payload }[]): Promise<void> {
  if (!ctx.access) return;
  const scope = ctx.access.grant(ctx.entity.id).create;
  for (const owner of new Set(checked.map(({ payload }) => payload.ownerId ?? null)))
    await requireOwnerInScope(ctx.knex, scope, ctx.access.actor, owner);
}

/**
 * The links of all lines judged in one lookup per related entity (the lines of one list mostly point at the
 * same few records); only when that finds a link missing is each line looked up on its own, to say which.
 */
async function linkIssues(ctx: RecordContext, checked: { line: NewLine; payload: Payload }[]): Promise<Issue[]> {
  const sight = ctx.access ?? ctx.linkSight;
  if (!sight) return [];
  const merged: Record<string, unknown[]> = {};
  for (const { payload } of checked)
    for (const [name, value] of Object.entries(payload.fields)) {
      if (value === null || value === undefined) continue;
      (merged[name] ??= []).push(...(Array.isArray(value) ? value : [value]));
    }
  try {
    await requireReadableLinks(ctx.knex, sight, ctx.entity, merged);
    return [];
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
  }
  const issues: Issue[] = [];
  for (const { line, payload } of checked) {
    try {
      await requireReadableLinks(ctx.knex, sight, ctx.entity, payload.fields);
    } catch (error) {
      issues.push(...issuesOf(error, line.at));
    }
  }
  return issues;
}

/** Lines that need more than one row each: createRecord per line; after the first refusal the rest are only judged. */
async function oneByOne(ctx: RecordContext, lines: NewLine[], startRecord: StartRecord | undefined): Promise<Issue[]> {
  const issues: Issue[] = [];
  for (const line of lines) {
    try {
      if (issues.length) checkCreate(ctx, line.body);
      else await createRecord(ctx, line.body, startRecord);
    } catch (error) {
      issues.push(...issuesOf(error, line.at));
    }
  }
  return issues;
}

/** A refusal's issues under the line's pointer; anything else is not a line's fault and propagates. */
function issuesOf(error: unknown, at: string): Issue[] {
  if (!(error instanceof ValidationError) || !error.issues) throw error;
  return error.issues.map((issue) => ({ ...issue, pointer: `${at}${issue.pointer}` }));
}
