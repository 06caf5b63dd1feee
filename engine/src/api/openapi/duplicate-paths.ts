import { TEXT_KEY_KINDS, revealOf } from '@lodestar/core';
import type { CompiledEntity } from '../../model/compile-model.js';
import { json, problems, ref } from './common.js';
import type { JsonSchema } from './field-schemas.js';
import { toEntityTitle } from './entity-schemas.js';

/** `POST /records/{entity}/duplicates`: the duplicate check of one entity, its body the entity's own single-value fields. */
export function toDuplicatePaths(entity: CompiledEntity, name: string, tag: string): Record<string, JsonSchema> {
  const options = entity.definition['x-entity'];
  const keys = (options.unique ?? []).map((key) => key.fields.join(' + '));
  const match = options.duplicates?.match ?? [];
  const properties = Object.fromEntries(
    [...entity.fields.values()]
      .filter((field) => field.column && !field.column.type.array && field.kind !== 'json')
      .map((field) => [
        field.name,
        TEXT_KEY_KINDS.includes(field.kind)
          ? { type: ['string', 'null'], maxLength: 1000 }
          : { type: ['string', 'number', 'boolean', 'null'], maxLength: 1000 },
      ]),
  );
  return {
    [`/records/${entity.id}/duplicates`]: {
      post: {
        operationId: `find${name}Duplicates`,
        tags: [tag],
        summary: `Possible duplicates of a record being entered (${toEntityTitle(entity)})`,
        description:
          `Checks the values typed so far against every record, whoever owns it. Unique keys: ${keys.length ? keys.join('; ') : 'none'}. ` +
          `Duplicate check on: ${match.length ? match.join(', ') : 'nothing'}. ` +
          `Records the caller cannot read show ${REVEAL[revealOf(entity.definition)]}. ` +
          '`exclude` leaves out the record being edited.',
        parameters: [
          {
            name: 'exclude',
            in: 'query',
            schema: { type: 'string', format: 'uuid' },
            description: 'The id of the record being edited.',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': { schema: { type: 'object', properties, additionalProperties: false } },
          },
        },
        responses: {
          200: json('The possible duplicates, strongest first (at most 10).', ref('DuplicateAnswer')),
          ...problems(400, 422),
        },
      },
    },
  };
}

const REVEAL = {
  owner: 'their title and owner’s name',
  exists: 'only that they exist and why',
  nothing: 'nothing, except a unique-key match (which a save would reveal anyway)',
};
