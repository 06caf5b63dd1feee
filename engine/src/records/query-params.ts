import { SYSTEM_TITLES } from '@lodestar/core';
import type { Issue, Text } from '../errors.js';
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

/** An issue about one query parameter; given as a Text, it carries both languages (`i18n`). */
export function paramIssue(param: string, keyword: string, text: Text, params?: Record<string, unknown>): Issue {
  return { pointer: pointerOf(param), keyword, message: text.en, i18n: text, ...(params && { params }) };
}

/** Throws one BadRequestError carrying every issue, if there are any (its detail in both languages). */
export function throwIfIssues(issues: Issue[]): void {
  if (!issues.length) return;
  throw new BadRequestError(
    { en: issues.map((i) => i.message).join('; '), zh: issues.map((i) => i.i18n?.zh ?? i.message).join('；') },
    { issues },
  );
}

/** A field of `entity` by its Chinese title (its name when it has none), for messages. */
export function fieldTitleZh(entity: CompiledEntity, name: string): string {
  const field = entity.definition.properties[name];
  return field?.['x-i18n']?.title?.zh ?? field?.title ?? SYSTEM_TITLES[name]?.zh ?? name;
}

function entityTitleZh(entity: CompiledEntity): string {
  return entity.definition['x-i18n']?.title?.zh ?? entity.definition.title ?? entity.id;
}

/** `"x" is not a field of customer` / 客户没有字段“x”. */
export function notAField(name: string, entity: CompiledEntity): Text {
  return { en: `"${name}" is not a field of ${entity.id}`, zh: `${entityTitleZh(entity)}没有字段“${name}”` };
}

/** A parameter that must be given at most once, as a string; undefined when absent. */
export function singleParam(query: QueryParams, name: string, issues: Issue[]): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  issues.push(
    paramIssue(name, 'type', {
      en: `query parameter "${name}" must be given once`,
      zh: `查询参数“${name}”只能给出一次`,
    }),
  );
  return undefined;
}

/** `fields=a,b`: known attribute names, `id` first; undefined when absent (all attributes). */
export function parseFields(query: QueryParams, entity: CompiledEntity, issues: Issue[]): string[] | undefined {
  const names = nameList(singleParam(query, 'fields', issues));
  if (!names) return undefined;
  const { byName } = attributesOf(entity);
  for (const name of names) {
    if (!byName.has(name)) issues.push(paramIssue('fields', 'unknownField', notAField(name, entity), { field: name }));
  }
  return [...new Set(['id', ...names])];
}

/** `expand=customer,contacts`: relation fields (many-to-one or many-to-many) to embed. */
export function parseExpand(query: QueryParams, entity: CompiledEntity, issues: Issue[]): string[] {
  const names = nameList(singleParam(query, 'expand', issues)) ?? [];
  const { byName } = attributesOf(entity);
  for (const name of names) {
    const attribute = byName.get(name);
    if (!attribute) issues.push(paramIssue('expand', 'unknownField', notAField(name, entity), { field: name }));
    else if (!attribute.target && attribute.kind !== 'user')
      issues.push(
        paramIssue(
          'expand',
          'notRelation',
          { en: `"${name}" is not a relation`, zh: `“${fieldTitleZh(entity, name)}”不是关联字段` },
          { field: name },
        ),
      );
  }
  return [...new Set(names)];
}

/** Parses the query string of a single-record read. */
export function toReadQuery(query: QueryParams, entity: CompiledEntity): ReadQuery {
  const issues: Issue[] = [];
  for (const name of Object.keys(query)) {
    if (name !== 'fields' && name !== 'expand')
      issues.push(
        paramIssue(name, 'unknownParameter', {
          en: `unknown query parameter "${name}"`,
          zh: `不支持查询参数“${name}”`,
        }),
      );
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
  return value
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
}
