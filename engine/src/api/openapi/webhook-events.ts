import type { CompiledEntity } from '../../model/compile-model.js';
import { CHANGE_EVENTS, type ChangeEvent } from '../../webhooks/event-kinds.js';
import { toRecordSchema } from './entity-schemas.js';
import type { JsonSchema } from './field-schemas.js';

const DESCRIPTIONS: Record<ChangeEvent, string> = {
  created: 'A record was created: `changes` holds each value it was created with as `[null, value]`.',
  updated:
    'Fields of a record changed (an edit, an import, an owner handover, a workflow action): `changes` holds `[before, after]` of each changed field.',
  deleted: 'A record was deleted: `changes` holds each value it had as `[value, null]`.',
  stateChanged:
    'A workflow moved a record to another state: `transition` says from where, to where and by which event; `changes` holds the fields it changed, the state among them.',
};

const HEADERS: JsonSchema[] = [
  ['X-Lodestar-Event', "The change id (also the body's `id`): the same at every retry, so receivers dedupe on it."],
  ['X-Lodestar-Delivery', "The delivery id (one per subscription and change), as in the subscription's delivery log."],
  ['X-Lodestar-Timestamp', 'Unix seconds when this attempt was sent: reject old ones to refuse replays.'],
  [
    'X-Lodestar-Signature',
    "`sha256=` and the hex HMAC-SHA256, with the subscription's secret, of `<X-Lodestar-Timestamp>.<raw body>`.",
  ],
].map(([name, description]) => ({ name, in: 'header', required: true, description, schema: { type: 'string' } }));

/**
 * The OpenAPI 3.1 `webhooks` section: one operation per entity and change event (`customer.updated`),
 * each with its payload schema, whose `changes` pairs are typed by the entity's own record schema.
 * Receivers of a subscription get these POSTs; only a 2xx answer counts as delivered.
 */
export function toWebhookEvents(entities: CompiledEntity[], names: Map<string, string>): Record<string, JsonSchema> {
  const webhooks: Record<string, JsonSchema> = {};
  for (const entity of entities) {
    const name = names.get(entity.id)!;
    const fields = Object.keys(toRecordSchema(entity).properties as Record<string, JsonSchema>);
    for (const event of CHANGE_EVENTS) {
      webhooks[`${entity.id}.${event}`] = {
        post: {
          operationId: `webhook_${entity.id}_${event}`,
          summary: `${entity.id}.${event}`,
          description: DESCRIPTIONS[event],
          tags: ['webhooks'],
          parameters: HEADERS,
          requestBody: {
            required: true,
            content: { 'application/json': { schema: payloadSchema(entity.id, name, event, fields) } },
          },
          responses: {
            '2XX': { description: 'Accepted: the delivery is done.' },
            default: { description: 'Anything else (or no answer in time) is retried with backoff.' },
          },
        },
      };
    }
  }
  return webhooks;
}

function payloadSchema(entity: string, name: string, event: ChangeEvent, fields: string[]): JsonSchema {
  const value = (field: string) => ({
    anyOf: [{ $ref: `#/components/schemas/${name}/properties/${pointer(field)}` }, { type: 'null' }],
  });
  const pair = (field: string) => ({
    type: 'array',
    prefixItems: [value(field), value(field)],
    minItems: 2,
    maxItems: 2,
  });
  const properties: Record<string, JsonSchema> = {
    id: { type: 'string', description: 'The change id: receivers dedupe on it.' },
    type: { const: `${entity}.${event}` },
    event: { const: event },
    entity: { const: entity },
    recordId: { type: 'string', format: 'uuid' },
    occurredAt: { type: 'string', format: 'date-time', description: 'When the change was committed.' },
    actorId: { type: ['string', 'null'], format: 'uuid', description: 'Who made it; null: the engine itself.' },
    changedFields: { type: 'array', items: { type: 'string' }, description: 'The keys of `changes`, sorted.' },
    changes: {
      type: 'object',
      properties: Object.fromEntries(fields.map((field) => [field, pair(field)])),
      additionalProperties: { type: 'array', minItems: 2, maxItems: 2 },
      description: '`{ field: [before, after] }`; links of many-to-many fields appear as id lists.',
    },
  };
  if (event === 'stateChanged')
    properties.transition = {
      type: 'object',
      properties: {
        workflow: { type: 'string' },
        event: { type: 'string' },
        from: { type: ['string', 'null'] },
        to: { type: 'string' },
      },
      required: ['workflow', 'event', 'from', 'to'],
    };
  return {
    type: 'object',
    title: `${entity}.${event}`,
    properties,
    required: Object.keys(properties),
    additionalProperties: false,
  };
}

/** A name as a JSON pointer token. */
const pointer = (name: string): string => name.replace(/~/g, '~0').replace(/\//g, '~1');
