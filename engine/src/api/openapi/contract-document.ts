import { CONTRACTS } from '../contract/index.js';
import { COMMON_SCHEMAS, PROBLEM_RESPONSES } from './common.js';
import { toContractPaths } from './contract-paths.js';
import type { JsonSchema } from './field-schemas.js';

/**
 * The OpenAPI document of the fixed routes alone (no entity routes): the same for every model, so the
 * apps' generated client types (ui-shared/src/api/schema.d.ts) change only when a contract does.
 */
export function toContractDocument(): JsonSchema {
  return {
    openapi: '3.1.0',
    info: { title: 'Lodestar API: fixed routes', version: '1', description: 'Generated from engine/src/api/contract.' },
    servers: [{ url: '/api/v1' }],
    security: [{ bearerAuth: [] }],
    paths: Object.assign({}, ...CONTRACTS.map(toContractPaths)),
    components: {
      schemas: COMMON_SCHEMAS,
      responses: PROBLEM_RESPONSES,
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'A login token or an API key.' } },
    },
  };
}
