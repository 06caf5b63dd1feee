import type { EntityDefinition } from '../../definitions/entity.js';
import { type Issue, issueOf } from '../../errors.js';
import type { FieldUse } from '../reference.js';
import {
  checkCopy,
  checkManyToOne,
  checkUserField,
  computedTarget,
  copyPairs,
  entityTitle,
  fieldTitle,
  isComputed,
  itemsOf,
  type Copy,
} from './copy-checks.js';
import { readSource, SOURCE_PATTERN, sourceField } from './source.js';
import type { ActionContext, ActionSpec } from './types.js';

type Value = unknown;

export type { CreateRecordEffect, LineCopyPlan, OwnerChoice, OwnerPlan } from './carry-forward-effects.js';
import type { CreateRecordEffect, OwnerChoice, OwnerPlan } from './carry-forward-effects.js';

interface LineCopy {
  from: string;
  to: string;
  copy: Copy;
}

type Params = {
  entity: string;
  values?: Record<string, Value>;
  recordType?: string;
  copy?: Copy;
  owner?: OwnerChoice;
  lines?: LineCopy[];
  linkBack?: string;
  storeIdIn?: string;
  runAs?: 'engine' | 'actor';
};

const FIELD = { type: 'string', pattern: '^[a-zA-Z][a-zA-Z0-9_]*$' };

/** `["customer", "amount"]` (same names) or `{ "targetField": "sourceField" }`. */
export const COPY_SCHEMA = {
  oneOf: [
    { type: 'array', items: FIELD, minItems: 1, uniqueItems: true },
    { type: 'object', minProperties: 1, propertyNames: FIELD, additionalProperties: FIELD },
  ],
};

export const OWNER_SCHEMA = {
  oneOf: [
    { enum: ['actor', 'source'] },
    { type: 'object', required: ['userField'], properties: { userField: FIELD }, additionalProperties: false },
    {
      type: 'object',
      required: ['roundRobinRole'],
      properties: { roundRobinRole: { type: 'string', minLength: 1 } },
      additionalProperties: false,
    },
  ],
};

export const RUN_AS_SCHEMA = { enum: ['engine', 'actor'] };

/** A value map: literals, or `{ from: "record.x" | "actor.id" | "now" }`. */
export const VALUES_SCHEMA = {
  type: 'object',
  additionalProperties: {
    anyOf: [
      {
        type: 'object',
        required: ['from'],
        properties: { from: { type: 'string', pattern: SOURCE_PATTERN } },
        additionalProperties: false,
      },
      { not: { type: 'object', required: ['from'] } },
    ],
  },
};

/**
 * Creates a related record: an activity to follow up, or an order from its quote carried forward with
 * its owner, record type, copied fields and copied line items, linked back to the source, its id kept
 * on the source. Values are literals or `{ from: "record.x" | "actor.id" | "now" }`.
 */
export const createRecord: ActionSpec<Params> = {
  name: 'createRecord',
  phase: 'inTransaction',
  params: {
    type: 'object',
    required: ['entity'],
    properties: {
      entity: { type: 'string', minLength: 1 },
      values: VALUES_SCHEMA,
      recordType: { type: 'string', minLength: 1 },
      copy: COPY_SCHEMA,
      owner: OWNER_SCHEMA,
      lines: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          required: ['from', 'to', 'copy'],
          properties: { from: FIELD, to: FIELD, copy: COPY_SCHEMA },
          additionalProperties: false,
        },
      },
      linkBack: FIELD,
      storeIdIn: FIELD,
      runAs: RUN_AS_SCHEMA,
    },
    additionalProperties: false,
  },
  plan(ctx, params) {
    const values = planValues(ctx, params);
    if (params.linkBack) values[params.linkBack] = ctx.record.id;
    const owner = planOwner(params.owner, ctx);
    const effect: CreateRecordEffect = { kind: 'createRecord', phase: 'inTransaction', entity: params.entity, values };
    if (owner) effect.owner = owner;
    if (params.lines)
      effect.lines = params.lines.map((l) => ({
        from: l.from,
        to: l.to,
        fields: Object.fromEntries(copyPairs(l.copy)),
      }));
    if (params.storeIdIn) effect.storeIdIn = params.storeIdIn;
    if (params.runAs === 'actor') effect.runAs = 'actor';
    return effect;
  },
  fields: ({ entity, values = {} }) => valueUses(entity, '/entity', values, ''),
  check: (params, { bound, find, all }) => {
    const target = find(params.entity);
    if (!target) return [];
    const issues = checkCreatable(target, givenFields(params), {
      type: typePointer(params),
      missing: params.values ? '/values' : '',
    });
    issues.push(...computedValues(target, params.values ?? {}, ''));
    if (!bound) return issues;
    issues.push(...checkTwice(params));
    issues.push(...checkCopy(copyPairs(params.copy), bound, target, '/copy', isMap(params.copy)));
    issues.push(...checkOwner(params.owner, params.values, bound, ''));
    if (params.linkBack)
      issues.push(
        ...checkManyToOne(target, params.linkBack, bound, '/linkBack', {
          en: 'links the new record back to the one it was created from',
          zh: '把新记录关联回创建它的记录',
        }),
      );
    if (params.storeIdIn)
      issues.push(
        ...checkManyToOne(bound, params.storeIdIn, target, '/storeIdIn', {
          en: 'keeps the id of the record the action creates',
          zh: '保存动作新建记录的 id',
        }),
      );
    params.lines?.forEach((lines, i) => issues.push(...checkLines(lines, `/lines/${i}`, bound, target, all ?? [])));
    return issues;
  },
};

/** The literal and `{ from }` values, then the copied fields, then the record type. */
export function planValues(
  ctx: ActionContext,
  params: { values?: Record<string, Value>; copy?: Copy; recordType?: string },
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [to, from] of copyPairs(params.copy)) {
    const value = ctx.record[from];
    // A blank source leaves the field to its default, as a create that does not name it.
    if (value !== null && value !== undefined) values[to] = value;
  }
  for (const [field, value] of Object.entries(params.values ?? {}))
    values[field] = isFrom(value) ? readSource(value.from, ctx) : value;
  if (params.recordType) values.record_type = params.recordType;
  return values;
}

export function planOwner(choice: OwnerChoice | undefined, ctx: ActionContext): OwnerPlan | undefined {
  if (choice === undefined) return undefined;
  if (choice === 'actor') return { userId: ctx.actor.id, field: 'actor' };
  if (choice === 'source') return { userId: (ctx.record.owner_id as string | null) ?? null, field: 'owner_id' };
  if ('roundRobinRole' in choice) return { roundRobinRole: choice.roundRobinRole };
  return { userId: (ctx.record[choice.userField] as string | null | undefined) ?? null, field: choice.userField };
}

/** Literal values checked against the target's field schemas, and the source fields `{ from }` reads. */
export function valueUses(
  entity: string,
  entityPointer: string,
  values: Record<string, Value>,
  prefix: string,
): FieldUse[] {
  return Object.entries(values)
    .filter(([field]) => !SYSTEM_VALUES.has(field))
    .flatMap(([field, value]): FieldUse[] => [
      {
        pointer: `${prefix}/values/${field}`,
        field,
        entity: { id: entity, pointer: entityPointer },
        write: true,
        values: isFrom(value) ? [] : [{ pointer: `${prefix}/values/${field}`, value }],
      },
      ...(isFrom(value) ? sourceField(value.from, `${prefix}/values/${field}/from`) : []),
    ]);
}

/** The owner choice names a user field of the source, and is not given twice. */
export function checkOwner(
  owner: OwnerChoice | undefined,
  values: Record<string, Value> | undefined,
  bound: EntityDefinition,
  prefix: string,
): Issue[] {
  if (owner === undefined) return [];
  if (values && 'owner_id' in values)
    return [
      issueOf(`${prefix}/owner`, 'oneOf', {
        en: 'the owner is given twice: by owner and by values.owner_id',
        zh: '负责人被指定了两次：owner 和 values.owner_id，只能保留一个',
      }),
    ];
  return typeof owner === 'object' && 'userField' in owner
    ? checkUserField(bound, owner.userField, `${prefix}/owner/userField`)
    : [];
}

/** Each field of the new record is given by one of values, copy and linkBack. */
function checkTwice(params: Params): Issue[] {
  const seen = new Set(Object.keys(params.values ?? {}));
  const issues: Issue[] = [];
  for (const [to] of copyPairs(params.copy)) {
    if (seen.has(to)) issues.push(twice(`/copy${isMap(params.copy) ? `/${to}` : ''}`, to));
    seen.add(to);
  }
  if (params.linkBack && seen.has(params.linkBack)) issues.push(twice('/linkBack', params.linkBack));
  return issues;
}

function twice(pointer: string, field: string): Issue {
  return issueOf(pointer, 'duplicate', {
    en: `field "${field}" of the new record is given twice`,
    zh: `新记录的字段“${field}”被赋值了两次`,
  });
}

/** The source list and the target list exist, their line fields fit, and the new lines get every required field. */
function checkLines(
  lines: LineCopy,
  at: string,
  bound: EntityDefinition,
  target: EntityDefinition,
  all: readonly EntityDefinition[],
): Issue[] {
  const from = itemsOf(all, bound, lines.from);
  const to = itemsOf(all, target, lines.to);
  const missing = (entity: EntityDefinition, name: string, pointer: string) =>
    issueOf(pointer, 'items', {
      en: `${entityTitle(entity).en} has no line items named "${name}"`,
      zh: `${entityTitle(entity).zh}没有名为“${name}”的明细`,
    });
  if (!from || !to)
    return [
      ...(from ? [] : [missing(bound, lines.from, `${at}/from`)]),
      ...(to ? [] : [missing(target, lines.to, `${at}/to`)]),
    ];
  const pairs = copyPairs(lines.copy);
  const issues = checkCopy(pairs, from.child, to.child, `${at}/copy`, isMap(lines.copy));
  for (const [field] of pairs)
    if (field === to.via || field === to.order)
      issues.push(computedTarget(to.child, field, `${at}/copy${isMap(lines.copy) ? `/${field}` : ''}`));
  const given = Object.fromEntries([...pairs.map(([t]) => [t, true]), [to.via, true]]);
  if (to.order) given[to.order] = true;
  issues.push(...checkCreatable(to.child, given, { type: `${at}/copy`, missing: `${at}/copy` }));
  return issues;
}

/** System values a created record may be given, as a create request may: its record type and owner. */
const SYSTEM_VALUES = new Set(['record_type', 'owner_id']);

/** Every field the new record is given (values, copy, linkBack), and its record type. */
function givenFields(params: Params): Record<string, Value> {
  const given: Record<string, Value> = { ...params.values };
  for (const [to] of copyPairs(params.copy)) given[to] = true;
  if (params.linkBack) given[params.linkBack] = true;
  if (params.recordType !== undefined) given.record_type = params.recordType;
  return given;
}

/** Where checkCreatable reports: the record type (when missing or wrong) and the required fields left out. */
export interface CreatablePointers {
  type: string;
  missing: string;
}

/**
 * A created record needs what a create request needs: a literal record type of the entity's (when it
 * has types) and every field the entity and that type require, unless the field has a default.
 */
export function checkCreatable(target: EntityDefinition, given: Record<string, Value>, at: CreatablePointers): Issue[] {
  const types = target['x-entity'].recordTypes;
  const recordType = given.record_type;
  const issues: Issue[] = [];
  const title = entityTitle(target);
  if (types && (typeof recordType !== 'string' || !(recordType in types))) {
    const names = Object.keys(types).join(', ');
    const message = `"${target.$id}" has record types: the record type must be one of ${names}`;
    issues.push({
      pointer: at.type,
      keyword: recordType === undefined ? 'required' : 'enum',
      message,
      i18n: { en: message, zh: `${title.zh}有记录类型，必须选择其中之一：${names}` },
      params: { allowedValues: Object.keys(types) },
    });
  } else if (!types && recordType !== undefined) {
    issues.push(
      issueOf(at.type, 'additionalProperties', {
        en: `"${target.$id}" has no record types`,
        zh: `${title.zh}没有记录类型`,
      }),
    );
  }
  const typeRequired = typeof recordType === 'string' ? (types?.[recordType]?.required ?? []) : [];
  const missing = [...new Set([...(target.required ?? []), ...typeRequired])].filter(
    (name) => !(name in given) && target.properties[name]?.default === undefined,
  );
  if (missing.length) {
    const message = `the created "${target.$id}" record needs ${missing.join(', ')}`;
    const titles = missing.map((name) => `“${fieldTitle(target, name).zh}”`).join('、');
    issues.push({
      pointer: at.missing,
      keyword: 'required',
      message,
      i18n: { en: message, zh: `新建的${title.zh}缺少必填字段：${titles}` },
      params: { missingProperties: missing },
    });
  }
  return issues;
}

/** Literal values may not name a field the engine computes (numbered fields are the `fields` hook's to name). */
export function computedValues(target: EntityDefinition, values: Record<string, Value>, prefix: string): Issue[] {
  return Object.keys(values)
    .filter(
      (name) =>
        target.properties[name] && isComputed(target.properties[name]) && !target.properties[name]['x-sequence'],
    )
    .map((name) => computedTarget(target, name, `${prefix}/values/${name}`));
}

/** Where a record type is named, or (missing) where it belongs. */
function typePointer(params: Params): string {
  if (params.recordType !== undefined) return '/recordType';
  if (params.values?.record_type !== undefined) return '/values/record_type';
  return params.values ? '/values' : '';
}

function isMap(copy: Copy | undefined): boolean {
  return copy !== undefined && !Array.isArray(copy);
}

function isFrom(value: Value): value is { from: string } {
  return typeof value === 'object' && value !== null && typeof (value as { from?: unknown }).from === 'string';
}
