import type { Issue } from '../errors.js';
import { BadRequestError } from '../errors.js';
import type { CompiledEntity } from '../model/compile-model.js';
import { attributesOf } from './attributes.js';

/** A query string as express' simple parser gives it: repeated keys become arrays. */
export type QueryParams = Record<string, unknown>;

/** What `GET /records/{entity}/{id}` accepts besides the id. */
export interface ReadQuery {
  fields?: string[];
  expand: string[];
}

/** The JSON pointer of a query parameter, e.g. `/query/filter[amount][gt]`. */
export function pointerOf(param: string): string {
  return `/query/${param.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

/** An issue about one query parameter. */
export function paramIssue(param: string, keyword: string, message: string, params?: Record<string, unknown>): Issue {
  return { pointer: pointerOf(param), keyword, message, ...(params && { params }) };
}

/** Throws one BadRequestError carrying every issue, if there are any. */
export function throwIfIssues(issues: Issue[]): void {
  if (issues.length) throw new BadRequestError(issues.map((i) => i.message).join('; '), { issues });
}

/** A parameter that must be given at most once, as a string; undefined when absent. */
export function singleParam(query: QueryParams, name: string, issues: Issue[]): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  issues.push(paramIssue(name, 'type', `query parameter "${name}" must be given once`));
  return undefined;
}

/** `fields=a,b`: known attribute names, `id` first; undefined when absent (all attributes). */
export function parseFields(query: QueryParams, entity: CompiledEntity, issues: Issue[]): string[] | undefined {
  const names = nameList(singleParam(query, 'fields', issues));
  if (!names) return undefined;
  const { byName } = attributesOf(entity);
  for (const name of names) {
    if (!byName.has(name)) issues.push(paramIssue('fields', 'unknownField', `"${name}" is not a field of ${entity.id}`, { field: name }));
  }
  return [...new Set(['id', ...names])];
}

/** `expand=customer,contacts`: relation fields (many-to-one or many-to-many) to embed. */
export function parseExpand(query: QueryParams, entity: CompiledEntity, issues: Issue[]): string[] {
  const names = nameList(singleParam(query, 'expand', issues)) ?? [];
  const { byName } = attributesOf(entity);
  for (const name of names) {
    const attribute = byName.get(name);
    if (!attribute) issues.push(paramIssue('expand', 'unknownField', `"${name}" is not a field of ${entity.id}`, { field: name }));
    else if (!attribute.target) issues.push(paramIssue('expand', 'notRelation', `"${name}" is not a relation`, { field: name }));
  }
  return [...new Set(names)];
}

/** Parses the query string of a single-record read. */
export function toReadQuery(query: QueryParams, entity: CompiledEntity): ReadQuery {
  const issues: Issue[] = [];
  for (const name of Object.keys(query)) {
    if (name !== 'fields' && name !== 'expand') issues.push(paramIssue(name, 'unknownParameter', `unknown query parameter "${name}"`));
  }
  const fields = parseFields(query, entity, issues);
  const expand = parseExpand(query, entity, issues);
  throwIfIssues(issues);
  return { ...(fields && { fields: withExpanded(fields, expand) }), expand };
}

/** Selected fields plus the expanded relations, which are returned even when `fields` leaves them out. */
export function withExpanded(fields: string[], expand: string[]): string[] {
  return [...new Set([...fields, ...expand])];
}

function nameList(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return value.split(',').map((name) => name.trim()).filter(Boolean);
}
