import type { Contract, RouteSpec } from '../contract/spec.js';
import type { JsonSchema } from './field-schemas.js';

/** `/users/:id` under `/admin` as OpenAPI writes it: `/admin/users/{id}`. */
export function toOpenApiPath(prefix: string, path: string): string {
  return `${prefix}${path === '/' ? '' : path}`.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

/** The OpenAPI path items of a contract's routes: the same schemas the validation middleware compiles. */
export function toContractPaths(contract: Contract): Record<string, JsonSchema> {
  const paths: Record<string, JsonSchema> = {};
  for (const spec of Object.values<RouteSpec>(contract.routes).filter((s) => !s.perEntity)) {
    const item = (paths[toOpenApiPath(contract.prefix, spec.path)] ??= {});
    item[spec.method] = toOperation(spec);
  }
  return paths;
}

/** The query parameters of a route as OpenAPI parameter objects. */
export function toQueryParameters(spec: RouteSpec): JsonSchema[] {
  const required = new Set((spec.query?.required as string[] | undefined) ?? []);
  return Object.entries(spec.query?.properties ?? {}).map(([name, schema]) => {
    const { description, ...rest } = schema;
    return {
      name,
      in: 'query',
      ...(required.has(name) && { required: true }),
      schema: rest,
      ...(typeof description === 'string' && { description }),
    };
  });
}

function toOperation(spec: RouteSpec): JsonSchema {
  const parameters = [
    ...Object.entries(spec.params ?? {}).map(([name, p]) => ({
      name,
      in: 'path',
      required: true,
      schema: p.schema,
      ...(p.description && { description: p.description }),
    })),
    ...toQueryParameters(spec),
  ];
  return {
    operationId: spec.operationId,
    tags: spec.tags,
    summary: spec.summary,
    ...(spec.description && { description: spec.description }),
    ...(spec.public && { security: [] }),
    ...(parameters.length && { parameters }),
    ...(spec.body && { requestBody: { required: true, content: { 'application/json': { schema: spec.body } } } }),
    responses: spec.responses,
  };
}
