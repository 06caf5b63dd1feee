import type { Text } from '../../errors.js';
import type { JsonSchema } from '../openapi/field-schemas.js';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * One fixed route as data: what it accepts (path parameters, query, body) and what it answers. The
 * validation middleware (validate.ts) and the OpenAPI document (openapi-paths.ts) both read it, so the
 * route, its checks and its documentation cannot drift apart.
 */
export interface RouteSpec {
  method: Method;
  /** The express path under the router's mount point: `/users/:id`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  /** Reachable without a token (`security: []` in the document). */
  public?: boolean;
  /**
   * Documented once per entity from the definitions (openapi/record-paths.ts, workflow-paths.ts), which
   * take the body and query schemas from here; the generic path is not in the document.
   */
  perEntity?: boolean;
  /** The status of a body that fails its schema: 422 unless the route has always said 400. */
  malformedBody?: 400 | 422;
  /** Path parameters by name; a value that fails its schema names nothing: 404 with `notFound`. */
  params?: Record<string, { schema: JsonSchema; description?: string }>;
  notFound?: Text;
  /** The query as an object schema of its parameters (strings coerced to the declared types); failing it is 400. */
  query?: JsonSchema & { properties: Record<string, JsonSchema> };
  /** The JSON body; failing it is 422. An absent body is validated as `{}`. */
  body?: JsonSchema;
  /** OpenAPI response objects by status (see openapi/common.ts `json` and `problems`). */
  responses: Record<string, JsonSchema>;
}

/** The routes of one router, with the prefix it is mounted at under `/api/v1`. */
export interface Contract<Names extends string = string> {
  prefix: string;
  routes: Record<Names, RouteSpec>;
}

export function contract<Names extends string>(prefix: string, routes: Record<Names, RouteSpec>): Contract<Names> {
  return { prefix, routes };
}

/** The shortest password the identity module accepts (identity/users.ts; route-schemas.api.test.ts keeps the two equal). */
export const MIN_PASSWORD = 10;

// Small builders: the schemas read like the bodies they describe.
export const uuid = { type: 'string', format: 'uuid' } as const;
export const text = (more: JsonSchema = {}): JsonSchema => ({ type: 'string', ...more });
export const object = (
  properties: Record<string, JsonSchema>,
  required: string[] = [],
  more: JsonSchema = {},
): JsonSchema => ({
  type: 'object',
  properties,
  ...(required.length && { required }),
  ...more,
});
