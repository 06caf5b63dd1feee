import { json } from '../openapi/common.js';
import type { JsonSchema } from '../openapi/field-schemas.js';
import { contract } from './spec.js';

const tags = ['system'];
const check: JsonSchema = {
  type: 'object',
  required: ['ok'],
  properties: {
    ok: { type: 'boolean' },
    detail: { type: 'string', description: 'Why the check failed, in English (`i18n` in both languages).' },
    i18n: { type: 'object', properties: { en: { type: 'string' }, zh: { type: 'string' } } },
  },
};
const checks: JsonSchema = {
  type: 'object',
  description: 'One entry per check: the database answers, the engine tables are migrated, the newest model is loaded.',
  required: ['database', 'migrations', 'model'],
  properties: { database: check, migrations: check, model: check },
};

/** `/health/live` and `/health/ready`: what a load balancer or an orchestrator probes, without a token. */
export const HEALTH = contract('/health', {
  live: {
    method: 'get',
    path: '/live',
    operationId: 'healthLive',
    tags,
    public: true,
    summary: 'Liveness: the process is up and serving HTTP (restart it when this fails)',
    responses: {
      200: json('Up.', {
        type: 'object',
        required: ['status'],
        properties: { status: { const: 'live' }, uptimeSeconds: { type: 'number' } },
      }),
    },
  },
  ready: {
    method: 'get',
    path: '/ready',
    operationId: 'healthReady',
    tags,
    public: true,
    summary: 'Readiness: database reachable, engine tables migrated, newest model loaded (send traffic only then)',
    responses: {
      200: json('Ready.', {
        type: 'object',
        required: ['status', 'checks'],
        properties: { status: { const: 'ready' }, modelVersion: { type: 'integer' }, checks },
      }),
      503: {
        description: 'Not ready: the problem names each failing check (`checks`), in both languages.',
        content: {
          'application/problem+json': {
            schema: { allOf: [{ $ref: '#/components/schemas/Problem' }, { properties: { checks } }] },
          },
        },
      },
    },
  },
});
