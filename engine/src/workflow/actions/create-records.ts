import type { EntityDefinition } from '../../definitions/entity.js';
import { type Issue, issueOf } from '../../errors.js';
import { checkRecordExpression } from '../../formula/record-expression.js';
import { toFieldKind } from '../../schema/column-types.js';
import { EntityLookup, fieldTitle, RUN_AS_SCHEMA, settableAs, titleOf } from './related.js';
import type { ActionSpec } from './types.js';
import type { CreateRecordsEffect, FanOutOwner } from './carry-forward-effects.js';

export type { CreateRecordsEffect, FanOutOwner };

/** The most records one createRecords may create in one transition (and the largest `limit`). */
export const MAX_FAN_OUT = 10_000;

/** The name a fan-out's formulas read the record whose transition runs by (`trigger.targetSegment`). */
export const TRIGGER_NAME = 'trigger';

interface Params {
  entity: string;
  forEach: { entity: string; where?: string; limit?: number };
  linkBack: string;
  linkSource: string;
  set?: Record<string, string>;
  recordType?: string;
  owner?: FanOutOwner;
  runAs?: 'actor' | 'engine';
}

/**
 * Fans out: one new record of `entity` per row of `forEach.entity` that `forEach.where` (a formula over the
 * row, its parents and `trigger`, the record whose transition runs) holds for, e.g. one survey response per
 * customer of the survey's segment:
 * `{ "entity": "surveyResponse", "forEach": { "entity": "customer", "where": "rfmSegment = trigger.targetSegment" },
 *    "linkBack": "survey", "linkSource": "customer", "set": { "status": "\"invited\"" } }`.
 * The new record points back at the triggering record (`linkBack`) and at its source row (`linkSource`); a
 * source row that already has one is skipped, so sending again creates only what is missing. `set` computes
 * further fields from the source row and `trigger`. More rows than `limit` (default and at most 10,000)
 * refuse the transition.
 */
export const createRecords: ActionSpec<Params> = {
  name: 'createRecords',
  phase: 'inTransaction',
  params: {
    type: 'object',
    required: ['entity', 'forEach', 'linkBack', 'linkSource'],
    properties: {
      entity: { type: 'string', minLength: 1, description: 'The entity of the records to create.' },
      forEach: {
        type: 'object',
        required: ['entity'],
        description: 'The rows to create one record for: an entity and a yes/no formula over its rows and `trigger`.',
        properties: {
          entity: { type: 'string', minLength: 1 },
          where: { type: 'string', minLength: 1, maxLength: 4000 },
          limit: { type: 'integer', minimum: 1, maximum: MAX_FAN_OUT },
        },
        additionalProperties: false,
      },
      linkBack: {
        type: 'string',
        minLength: 1,
        description: "The new record's many-to-one field that points to the record whose transition runs.",
      },
      linkSource: {
        type: 'string',
        minLength: 1,
        description: "The new record's many-to-one field that points to its source row.",
      },
      set: {
        type: 'object',
        propertyNames: { pattern: '^[a-zA-Z][a-zA-Z0-9_]{0,62}$' },
        additionalProperties: { type: 'string', minLength: 1, maxLength: 4000 },
        description: 'Field of the new record → formula over the source row and `trigger`.',
      },
      recordType: { type: 'string', minLength: 1 },
      owner: {
        enum: ['actor', 'record', 'source'],
        description:
          'Who owns each new record: "actor" (default), the user who sent the event; "record", the owner of the record whose transition runs; "source", the owner of the source row (the actor when it has none).',
      },
      runAs: RUN_AS_SCHEMA,
    },
    additionalProperties: false,
  },
  plan(_ctx, p) {
    return {
      kind: 'createRecords',
      phase: 'inTransaction',
      entity: p.entity,
      forEach: { entity: p.forEach.entity, ...(p.forEach.where !== undefined && { where: p.forEach.where }) },
      limit: Math.min(p.forEach.limit ?? MAX_FAN_OUT, MAX_FAN_OUT),
      linkBack: p.linkBack,
      linkSource: p.linkSource,
      set: p.set ?? {},
      ...(p.recordType !== undefined && { recordType: p.recordType }),
      owner: p.owner ?? 'actor',
      // As createRecord: the engine's create rights (linking only what the sender sees) unless said otherwise.
      runAs: p.runAs ?? 'engine',
    };
  },
  check: (params, { bound, find }) => (bound ? checkFanOut(bound, params, find) : []),
};

/**
 * The source entity as a fan-out's formulas see it: its fields and parents, plus `trigger`, a many-to-one to
 * the record whose transition runs (unless the source has a field so named).
 */
export function withTrigger(source: EntityDefinition, bound: EntityDefinition): EntityDefinition {
  const properties = { ...source.properties };
  if (!Object.hasOwn(properties, 'state')) properties.state = { type: 'string' };
  if (!Object.hasOwn(properties, TRIGGER_NAME))
    properties[TRIGGER_NAME] = { type: 'string', format: 'uuid', 'x-relation': { entity: bound.$id } };
  return { ...source, properties };
}

function checkFanOut(bound: EntityDefinition, p: Params, find: (id: string) => EntityDefinition | undefined): Issue[] {
  const issues: Issue[] = [];
  const unknown = (pointer: string, id: string) =>
    issueOf(pointer, 'unknownEntity', { en: `entity "${id}" does not exist`, zh: `实体“${id}”不存在` });
  const target = find(p.entity);
  const source = find(p.forEach.entity);
  if (!target) issues.push(unknown('/entity', p.entity));
  if (!source) issues.push(unknown('/forEach/entity', p.forEach.entity));
  if (!target || !source) return issues;
  issues.push(...linkIssues(target, p.linkBack, bound, '/linkBack'));
  issues.push(...linkIssues(target, p.linkSource, source, '/linkSource'));
  if (p.linkBack === p.linkSource)
    issues.push(
      issueOf('/linkSource', 'sameField', {
        en: 'linkBack and linkSource must be two different fields',
        zh: 'linkBack 与 linkSource 必须是两个不同的字段',
      }),
    );
  if (p.recordType !== undefined && !Object.hasOwn(target['x-entity'].recordTypes ?? {}, p.recordType))
    issues.push(
      issueOf('/recordType', 'unknownRecordType', {
        en: `"${target.$id}" has no record type "${p.recordType}"`,
        zh: `“${titleOf(target)}”没有记录类型“${p.recordType}”`,
      }),
    );
  const seen = withTrigger(source, bound);
  const entities = new EntityLookup(find, new Map([[source.$id, seen]]));
  if (p.forEach.where !== undefined)
    issues.push(...checkRecordExpression(entities, seen, p.forEach.where, '/forEach/where', 'boolean').issues);
  for (const [name, expression] of Object.entries(p.set ?? {})) {
    const pointer = `/set/${name}`;
    const field = Object.hasOwn(target.properties, name) ? target.properties[name] : undefined;
    if (!field) {
      issues.push(
        issueOf(pointer, 'unknownField', {
          en: `"${target.$id}" has no field "${name}"`,
          zh: `“${titleOf(target)}”没有字段“${name}”`,
        }),
      );
      continue;
    }
    if (name === p.linkBack || name === p.linkSource) {
      issues.push(
        issueOf(pointer, 'linkField', {
          en: `"${name}" is the link the action fills itself; set cannot set it`,
          zh: `“${fieldTitle(field, name)}”是该操作自动填写的关联字段，set 不能再设置它`,
        }),
      );
      continue;
    }
    const accepts = settableAs(field);
    if (accepts === 'computed' || accepts === 'unsupported') {
      issues.push(
        issueOf(pointer, 'readOnly', {
          en: `"${name}" of "${target.$id}" is computed, read-only or a list; createRecords cannot set it`,
          zh: `“${titleOf(target)}”的“${fieldTitle(field, name)}”由系统计算、只读或是列表字段，createRecords 不能设置它`,
        }),
      );
      continue;
    }
    issues.push(...checkRecordExpression(entities, seen, expression, pointer, accepts).issues);
  }
  return issues;
}

/** A link field of the new record: it must be a many-to-one field of `target` pointing to `to`. */
function linkIssues(target: EntityDefinition, name: string, to: EntityDefinition, pointer: string): Issue[] {
  const field = Object.hasOwn(target.properties, name) ? target.properties[name] : undefined;
  if (field && toFieldKind(field) === 'manyToOne' && field['x-relation']!.entity === to.$id) return [];
  return [
    issueOf(pointer, field ? 'notManyToOne' : 'unknownField', {
      en: `"${name}" is not a many-to-one field of "${target.$id}" pointing to "${to.$id}"`,
      zh: `“${titleOf(target)}”没有指向“${titleOf(to)}”的多对一关联字段“${name}”`,
    }),
  ];
}
