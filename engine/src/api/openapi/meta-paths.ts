import { json, problems } from './common.js';
import type { JsonSchema } from './field-schemas.js';
import { META } from '../contract/meta.js';
import { HEALTH } from '../contract/health.js';
import { toContractPaths } from './contract-paths.js';

const object = (description: string, properties: JsonSchema = {}) => ({ type: 'object', description, properties });

/** Paths of the engine itself: health, this document, the docs page, and the `meta` API the studio uses. */
export const META_PATHS: Record<string, JsonSchema> = {
  '/health': {
    get: {
      operationId: 'health',
      tags: ['system'],
      summary: 'Liveness and database check',
      security: [],
      responses: {
        200: json(
          'Up.',
          object('', { status: { const: 'ok' }, modelVersion: { type: 'integer' }, database: { type: 'string' } }),
        ),
        ...problems(),
      },
    },
  },
  '/openapi.json': {
    get: {
      operationId: 'openapi',
      tags: ['system'],
      summary: 'This document, for the current model version',
      security: [],
      responses: { 200: json('OpenAPI 3.1.', { type: 'object' }) },
    },
  },
  ...toContractPaths(HEALTH),
  ...toContractPaths(META),
};
