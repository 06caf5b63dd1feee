import { toText, type FieldKind } from '@lodestar/core';
import type { EntityDefinition, FieldDefinition } from '../../definitions/entity.js';
import { issueOf, type Issue, type Text } from '../../errors.js';
import { toFieldKind } from '../../schema/column-types.js';

/*
 * Publish-time checks of actions that copy a record's values into records they create (createRecord,
 * convert): every named field exists, the target can be written and holds what the source holds, and
 * relation fields point where the action needs them to. Pure: definitions in, bilingual issues out.
 */

/** Pairs of (target field, source field) a `copy` names: a list copies same-named fields. */
export type Copy = string[] | Record<string, string>;

export function copyPairs(copy: Copy | undefined): [string, string][] {
  if (!copy) return [];
  return Array.isArray(copy) ? copy.map((name) => [name, name]) : Object.entries(copy);
}

export function entityTitle(entity: EntityDefinition): Text {
  return toText(entity['x-i18n']?.title, entity.title, entity.$id);
}

export function fieldTitle(entity: EntityDefinition, name: string): Text {
  const field = entity.properties[name];
  return toText(field?.['x-i18n']?.title, field?.title, name);
}

/** "报价的销售代表" / "Quote's Sales rep": a field named with its entity, for issues and refusals. */
export function fieldName(entity: EntityDefinition, name: string): Text {
  const e = entityTitle(entity);
  const f = fieldTitle(entity, name);
  return { en: `${e.en} ${f.en}`, zh: `${e.zh}的“${f.zh}”` };
}

/** Fields the engine computes or numbers: no action writes them (a `readOnly` field is read-only to users, not to actions). */
export function isComputed(field: FieldDefinition): boolean {
  return Boolean(field['x-formula'] || field['x-rollup'] || field['x-sequence']);
}

/** Issues of copying `pairs` from `source` records into new `target` records, under `pointer` (the copy). */
export function checkCopy(
  pairs: [string, string][],
  source: EntityDefinition,
  target: EntityDefinition,
  pointer: string,
  mapping: boolean,
): Issue[] {
  const issues: Issue[] = [];
  for (const [to, from] of pairs) {
    // A list names each field once (its index is the pointer); a map's key is the target, its value the source.
    const at = mapping ? `${pointer}/${escape(to)}` : `${pointer}/${pairs.findIndex(([t]) => t === to)}`;
    const issue = pairIssue(source, from, target, to, at);
    if (issue) issues.push(issue);
  }
  return issues;
}

function pairIssue(source: EntityDefinition, from: string, target: EntityDefinition, to: string, at: string) {
  const fromField = source.properties[from];
  if (!fromField) return unknownField(source, from, at);
  const toField = target.properties[to];
  if (!toField) return unknownField(target, to, at);
  if (isComputed(toField)) return computedTarget(target, to, at);
  const [a, b] = [toFieldKind(fromField), toFieldKind(toField)];
  if (a === 'manyToMany' || b === 'manyToMany')
    return issueOf(at, 'fieldKind', {
      en: `${fieldName(source, from).en}: a many-to-many field cannot be copied`,
      zh: `${fieldName(source, from).zh}是多对多关联，不能复制`,
    });
  if (a && b && fits(fromField, a, toField, b)) return undefined;
  const [s, t] = [fieldName(source, from), fieldName(target, to)];
  const [ks, kt] = [kindName(a), kindName(b)];
  return issueOf(at, 'fieldKind', {
    en: `${s.en} (${ks.en}) cannot be copied into ${t.en} (${kt.en})`,
    zh: `${s.zh}（${ks.zh}）不能复制到${t.zh}（${kt.zh}）`,
  });
}

const TEXT_TARGETS = new Set<FieldKind>(['text', 'longText']);
const TEXT_SOURCES = new Set<FieldKind>(['text', 'longText', 'email', 'phone', 'url', 'choice', 'uuid']);
const NUMBERS = new Set<FieldKind>(['integer', 'number', 'money']);

/** Whether every value the source field can hold is one the target field accepts by kind (lengths are the write's). */
function fits(from: FieldDefinition, a: FieldKind, to: FieldDefinition, b: FieldKind): boolean {
  if (TEXT_TARGETS.has(b)) return TEXT_SOURCES.has(a);
  if (b === 'number' || b === 'money') return NUMBERS.has(a);
  // A moment copied into a date is the calendar day it falls on (see runtime/apply-effects.ts).
  if (b === 'date') return a === 'date' || a === 'dateTime';
  if (a !== b) return false;
  if (b === 'manyToOne') return from['x-relation']?.entity === to['x-relation']?.entity;
  if (b === 'choice') return (from.enum ?? []).every((v) => (to.enum ?? []).includes(v));
  if (b === 'multiChoice') return (from.items?.enum ?? []).every((v) => (to.items?.enum ?? []).includes(v));
  return true;
}

const KIND_NAMES: Record<FieldKind, Text> = {
  text: { en: 'text', zh: '文本' },
  longText: { en: 'long text', zh: '长文本' },
  integer: { en: 'whole number', zh: '整数' },
  number: { en: 'number', zh: '数字' },
  money: { en: 'amount', zh: '金额' },
  boolean: { en: 'yes/no', zh: '是/否' },
  date: { en: 'date', zh: '日期' },
  dateTime: { en: 'date and time', zh: '日期时间' },
  email: { en: 'email', zh: '邮箱' },
  phone: { en: 'phone', zh: '电话' },
  url: { en: 'link', zh: '网址' },
  uuid: { en: 'id', zh: '标识' },
  choice: { en: 'choice', zh: '单选' },
  multiChoice: { en: 'multiple choice', zh: '多选' },
  manyToOne: { en: 'relation', zh: '关联' },
  user: { en: 'user', zh: '用户' },
  manyToMany: { en: 'many-to-many relation', zh: '多对多关联' },
  textList: { en: 'text list', zh: '文本列表' },
  json: { en: 'structured value', zh: '结构化值' },
};

function kindName(kind: FieldKind | undefined): Text {
  return kind ? KIND_NAMES[kind] : { en: 'unsupported', zh: '不支持的类型' };
}

export function unknownField(entity: EntityDefinition, name: string, at: string): Issue {
  const e = entityTitle(entity);
  return issueOf(at, 'unknownField', {
    en: `"${name}" is not a field of ${e.en}`,
    zh: `“${name}”不是${e.zh}的字段`,
  });
}

export function computedTarget(entity: EntityDefinition, name: string, at: string): Issue {
  const f = fieldName(entity, name);
  return issueOf(at, 'readOnly', {
    en: `${f.en} is computed or numbered by the engine; an action cannot write it`,
    zh: `${f.zh}由系统计算或编号，流程动作不能写入`,
  });
}

/**
 * Issues unless `name` is a many-to-one field of `on` pointing at `to` (`role` says what the action
 * uses it for, in both languages: "links the order back to its quote").
 */
export function checkManyToOne(
  on: EntityDefinition,
  name: string,
  to: EntityDefinition,
  at: string,
  role: Text,
): Issue[] {
  const field = on.properties[name];
  if (!field) return [unknownField(on, name, at)];
  if (toFieldKind(field) === 'manyToOne' && field['x-relation']?.entity === to.$id && !isComputed(field)) return [];
  const [f, t] = [fieldName(on, name), entityTitle(to)];
  return [
    issueOf(at, 'fieldKind', {
      en: `${f.en} must be a many-to-one relation to ${t.en}: it ${role.en}`,
      zh: `${f.zh}必须是指向${t.zh}的多对一关联：它用于${role.zh}`,
    }),
  ];
}

/** Issues unless `name` is a user field (`x-user`) of `on`, or its owner. */
export function checkUserField(on: EntityDefinition, name: string, at: string): Issue[] {
  if (name === 'owner_id') return [];
  const field = on.properties[name];
  if (!field) return [unknownField(on, name, at)];
  if (toFieldKind(field) === 'user') return [];
  const f = fieldName(on, name);
  return [
    issueOf(at, 'fieldKind', {
      en: `${f.en} is not a user field: an owner must be a user`,
      zh: `${f.zh}不是用户字段：负责人必须是用户`,
    }),
  ];
}

/** A child entity's line-item list of a parent (`x-relation.items`), found in the definitions. */
export interface ItemsDefinition {
  child: EntityDefinition;
  via: string;
  order?: string;
}

export function itemsOf(
  all: readonly EntityDefinition[],
  parent: EntityDefinition,
  name: string,
): ItemsDefinition | undefined {
  for (const child of all)
    for (const [field, schema] of Object.entries(child.properties)) {
      const relation = schema['x-relation'];
      if (relation?.entity === parent.$id && relation.items === name)
        return { child, via: field, ...(relation.itemOrder && { order: relation.itemOrder }) };
    }
  return undefined;
}

function escape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
