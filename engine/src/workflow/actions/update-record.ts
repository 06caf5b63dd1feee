import type { EntityDefinition } from '../../definitions/entity.js';
import { type Issue, issueOf } from '../../errors.js';
import { checkRecordExpression } from '../../formula/record-expression.js';
import {
  EntityLookup,
  fieldTitle,
  followPath,
  PATH_PATTERN,
  RUN_AS_SCHEMA,
  settableAs,
  titleOf,
  withTarget,
  type RunAs,
} from './related.js';
import type { ActionSpec } from './types.js';

type Params = { path: string; set: Record<string, string>; runAs?: RunAs };

/**
 * Sets fields of a related record reached by a many-to-one path (`customer`, `opportunity.customer`), each
 * to a formula over the record (its fields and parents) and `target`, the related record as it stands:
 * `{ "path": "customer", "set": { "paidTotal": "target.paidTotal + amount", "lastPaidAt": "NOW()" } }`.
 * The shell locks the target, computes in SQL and writes through the records' own patch.
 */
export const updateRecord: ActionSpec<Params> = {
  name: 'updateRecord',
  phase: 'inTransaction',
  params: {
    type: 'object',
    required: ['path', 'set'],
    properties: {
      path: { type: 'string', pattern: PATH_PATTERN, description: 'Many-to-one fields to the record to update.' },
      set: {
        type: 'object',
        minProperties: 1,
        propertyNames: { pattern: '^[a-zA-Z][a-zA-Z0-9_]{0,62}$' },
        additionalProperties: { type: 'string', minLength: 1, maxLength: 4000 },
        description:
          'Field of the related record → formula over this record and `target`. NOW() into a date field is the day in the company time zone (LODESTAR_TIME_ZONE).',
      },
      runAs: RUN_AS_SCHEMA,
    },
    additionalProperties: false,
  },
  plan(_ctx, { path, set, runAs = 'actor' }) {
    return { kind: 'updateRecord', phase: 'inTransaction', path: path.split('.'), set, runAs };
  },
  check: ({ path, set }, { bound, find }) => (bound ? checkUpdate(bound, path, set, find) : []),
};

function checkUpdate(
  bound: EntityDefinition,
  path: string,
  set: Record<string, string>,
  find: (id: string) => EntityDefinition | undefined,
): Issue[] {
  const { target, issues } = followPath(bound, path, find, '/path');
  if (!target) return issues;
  const source = withTarget(bound, target);
  const entities = new EntityLookup(find, new Map([[bound.$id, source]]));
  for (const [name, expression] of Object.entries(set)) {
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
    const accepts = settableAs(field);
    if (accepts === 'computed' || accepts === 'unsupported') {
      issues.push(
        issueOf(
          pointer,
          'readOnly',
          accepts === 'computed'
            ? {
                en: `"${name}" of "${target.$id}" is computed or read-only (formula, roll-up, numbering); an action cannot set it`,
                zh: `“${titleOf(target)}”的“${fieldTitle(field, name)}”由系统计算或只读（公式、汇总、编号），流程操作不能设置它`,
              }
            : {
                en: `"${name}" of "${target.$id}" holds a list or structured value; updateRecord sets single values only`,
                zh: `“${titleOf(target)}”的“${fieldTitle(field, name)}”是列表或结构化字段，updateRecord 只能设置单个值`,
              },
        ),
      );
      continue;
    }
    issues.push(...checkRecordExpression(entities, source, expression, pointer, accepts).issues);
  }
  return issues;
}
