import type { WorkflowDefinition } from '../../definitions/workflow.js';
import type { CompiledEntity, Model } from '../../model/compile-model.js';
import { ETAG_HEADER, json, problems, ref } from './common.js';
import type { JsonSchema } from './field-schemas.js';
import { RECORDS } from '../contract/records.js';
import { REPORTS } from '../contract/reports.js';
import type { RouteSpec } from '../contract/spec.js';
import { toOpenApiPath, toQueryParameters } from './contract-paths.js';

/** Workflows whose records live in this entity's table. */
function workflowsOf(model: Model, entity: CompiledEntity): WorkflowDefinition[] {
  return [...model.workflows.values()].filter((w) => w.meta.entity === entity.id);
}

/** Events, allowed transitions and history of an entity bound to a workflow (none otherwise). */
export function toWorkflowPaths(
  model: Model,
  entity: CompiledEntity,
  name: string,
  tag: string,
): Record<string, JsonSchema> {
  const workflows = workflowsOf(model, entity);
  if (!workflows.length) return {};
  const events = [
    ...new Set(workflows.flatMap((w) => Object.values(w.states).flatMap((s) => Object.keys(s.on ?? {})))),
  ].sort();
  const base = `/records/${entity.id}/{id}`;
  const id = ref('id', 'parameters');
  return {
    [`${base}/events`]: {
      parameters: [id],
      post: {
        operationId: `send${name}Event`,
        tags: [tag],
        summary: 'Send a workflow event',
        description: `One transaction: the guard judges the stored record and the caller, then state, actions, history, timers and outbox are written together. Workflows: ${workflows.map((w) => `\`${w.id}\``).join(', ')}.`,
        parameters: [ref('ifMatch', 'parameters')],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: eventBody(events) } },
        },
        responses: {
          200: json(
            'The record after the transition, and the transition.',
            {
              type: 'object',
              required: ['record', 'transition'],
              properties: { record: ref(name), transition: ref('TransitionMade') },
              additionalProperties: false,
            },
            ETAG_HEADER,
          ),
          ...problems(400, 404, 409, 422),
        },
      },
    },
    [`${base}/transitions`]: {
      parameters: [id],
      get: {
        operationId: `list${name}Transitions`,
        tags: [tag],
        summary: 'The events the caller may send now',
        parameters: [
          {
            name: 'all',
            in: 'query',
            schema: { enum: ['1', 'true'] },
            description: 'Also list the blocked events, each with the reason.',
          },
        ],
        responses: {
          200: json('The current state and its events.', ref('TransitionsAnswer')),
          ...problems(404),
        },
      },
    },
    [`${base}/history`]: {
      parameters: [id],
      get: {
        operationId: `get${name}History`,
        tags: [tag],
        summary: 'Every transition of the record, oldest first',
        responses: {
          200: json('The history, oldest first, each row with its stages and event by title.', {
            type: 'object',
            required: ['data'],
            properties: { data: { type: 'array', items: ref('TitledHistoryRow') } },
            additionalProperties: false,
          }),
          ...problems(404),
        },
      },
    },
  };
}

/** The contract's event body, its `type` narrowed to the events of the entity's workflows. */
function eventBody(events: string[]): JsonSchema {
  const body = RECORDS.routes.sendEvent.body as { properties: Record<string, JsonSchema> };
  return { ...body, properties: { ...body.properties, type: { ...body.properties.type, enum: events } } };
}

/** The report endpoints, one set per workflow. */
export function toReportPaths(model: Model): Record<string, JsonSchema> {
  const ids = [...model.workflows.keys()].sort();
  if (!ids.length) return {};
  // One path per report with the workflow as an enum of this model's workflows; filters and answers from the contract.
  const workflow = { name: 'workflow', in: 'path', required: true, schema: { enum: ids } };
  const report = (spec: RouteSpec) => ({
    parameters: [workflow],
    get: {
      operationId: spec.operationId,
      tags: spec.tags,
      summary: spec.summary,
      parameters: toQueryParameters(spec),
      responses: spec.responses,
    },
  });
  return Object.fromEntries(
    Object.values<RouteSpec>(REPORTS.routes).map((spec) => [toOpenApiPath(REPORTS.prefix, spec.path), report(spec)]),
  );
}
