import type { EntityDefinition } from '../../definitions/entity.js';
import { type Issue, issueOf } from '../../errors.js';
import { checkRecordExpression } from '../../formula/record-expression.js';
import { toFieldKind } from '../../schema/column-types.js';
import { EntityLookup, followPath, PATH_PATTERN, RUN_AS_SCHEMA, titleOf, withState, type RunAs } from './related.js';
import type { ActionSpec } from './types.js';

/** Whom an event goes to: the record a many-to-one path names, or the children whose `via` points here. */
export type SendTo = { path: string } | { entity: string; via: string; where?: string };
type Params = { to: SendTo; event: string; runAs?: RunAs; required?: boolean };

/**
 * Sends an event to related records in the transition's transaction: the parent (`{ "path": "contract" }`)
 * or children (`{ "entity": "order", "via": "contract", "where": "state <> \"closed\"" }`). Each target's
 * transition is its own, with history, timers and audit; a target that refuses is recorded on the source's
 * audit trail and skipped, unless `required` makes any refusal refuse the whole transition.
 */
export const sendEvent: ActionSpec<Params> = {
  name: 'sendEvent',
  phase: 'inTransaction',
  params: {
    type: 'object',
    required: ['to', 'event'],
    properties: {
      to: {
        description: 'The parent by a many-to-one path, or the children of an entity whose field `via` points here.',
        oneOf: [
          {
            type: 'object',
            required: ['path'],
            properties: { path: { type: 'string', pattern: PATH_PATTERN } },
            additionalProperties: false,
          },
          {
            type: 'object',
            required: ['entity', 'via'],
            properties: {
              entity: { type: 'string', minLength: 1 },
              via: { type: 'string', minLength: 1 },
              where: { type: 'string', minLength: 1, maxLength: 4000 },
            },
            additionalProperties: false,
          },
        ],
      },
      event: { type: 'string', pattern: '^[A-Z][A-Z0-9_]{0,62}$' },
      runAs: RUN_AS_SCHEMA,
      required: { type: 'boolean', description: 'Refuse the whole transition when any target refuses.' },
    },
    additionalProperties: false,
  },
  plan(_ctx, { to, event, runAs = 'actor', required = false }) {
    return {
      kind: 'sendEvent',
      phase: 'inTransaction',
      to: 'path' in to ? { path: to.path.split('.') } : to,
      event,
      runAs,
      required,
    };
  },
  check: ({ to }, { bound, find }) => (bound ? targetEntity(bound, to, find).issues : []),
};

/**
 * The entity an event goes to, or why it cannot be reached: a broken path, an unknown child entity, a `via`
 * that is not its many-to-one field to the bound entity, or a `where` that is not a yes/no formula.
 */
export function targetEntity(
  bound: EntityDefinition,
  to: SendTo,
  find: (id: string) => EntityDefinition | undefined,
): { target?: EntityDefinition; issues: Issue[] } {
  if ('path' in to) return followPath(bound, to.path, find, '/to/path');
  const child = find(to.entity);
  if (!child)
    return {
      issues: [
        issueOf('/to/entity', 'unknownEntity', {
          en: `entity "${to.entity}" does not exist`,
          zh: `实体“${to.entity}”不存在`,
        }),
      ],
    };
  const via = Object.hasOwn(child.properties, to.via) ? child.properties[to.via] : undefined;
  if (!via || toFieldKind(via) !== 'manyToOne' || via['x-relation']!.entity !== bound.$id) {
    const text = {
      en: `"${to.via}" is not a many-to-one field of "${child.$id}" pointing to "${bound.$id}"`,
      zh: `“${titleOf(child)}”没有指向“${titleOf(bound)}”的多对一关联字段“${to.via}”`,
    };
    return { issues: [issueOf('/to/via', via ? 'notManyToOne' : 'unknownField', text)] };
  }
  if (to.where === undefined) return { target: child, issues: [] };
  const seen = withState(child);
  const entities = new EntityLookup(find, new Map([[child.$id, seen]]));
  const { issues } = checkRecordExpression(entities, seen, to.where, '/to/where', 'boolean');
  return { target: child, issues };
}
