import type { CompiledEntity, Model } from '../model/compile-model.js';
import { COMMON_SCHEMAS, PROBLEM_RESPONSES, RECORD_PARAMETERS } from './openapi/common.js';
import { toEntitySchemas, toEntityTitle } from './openapi/entity-schemas.js';
import type { JsonSchema } from './openapi/field-schemas.js';
import { META_PATHS } from './openapi/meta-paths.js';
import { toTypeNames } from './openapi/names.js';
import { toRecordPaths } from './openapi/record-paths.js';
import { toReportPaths, toWorkflowPaths } from './openapi/workflow-paths.js';

/** The parts of the generated document that callers and tests read. */
export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  servers: { url: string }[];
  security: Record<string, string[]>[];
  tags: { name: string; description?: string }[];
  paths: Record<string, JsonSchema>;
  components: { schemas: Record<string, JsonSchema>; parameters: Record<string, JsonSchema>; responses: Record<string, JsonSchema>; securitySchemes: JsonSchema };
}

// Served on every docs load: build once per model version; the WeakMap lets old versions go.
const cache = new WeakMap<Model, OpenApiDocument>();

/** The OpenAPI 3.1 document of a model: records paths and schemas per entity, plus the engine's own routes. */
export function toOpenApi(model: Model): OpenApiDocument {
  let document = cache.get(model);
  if (!document) cache.set(model, (document = buildDocument(model)));
  return document;
}

/** Schema name per entity id: the PascalCase id unless a common schema or another entity's name would clash. */
export function toSchemaNames(model: Model): Map<string, string> {
  return toTypeNames([...model.entities.keys()], { reserved: Object.keys(COMMON_SCHEMAS), suffixes: ['', 'List', 'Create', 'Patch'] });
}

function buildDocument(model: Model): OpenApiDocument {
  const names = toSchemaNames(model);
  const tags = toTags([...model.entities.values()]);
  const schemas: Record<string, JsonSchema> = { ...COMMON_SCHEMAS };
  const paths: Record<string, JsonSchema> = { ...META_PATHS, ...toReportPaths(model) };
  for (const entity of model.entities.values()) {
    Object.assign(schemas, toEntitySchemas(entity, names.get(entity.id)!));
    Object.assign(paths, toRecordPaths(entity, names.get(entity.id)!, tags.get(entity.id)!));
    Object.assign(paths, toWorkflowPaths(model, entity, names.get(entity.id)!, tags.get(entity.id)!));
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Lodestar API',
      version: String(model.version),
      description: `Generated from model version ${model.version}. Errors are \`application/problem+json\` (RFC 9457).`,
    },
    servers: [{ url: '/api/v1' }],
    security: [{ bearerAuth: [] }],
    tags: [...[...model.entities.values()].map((e) => ({ name: tags.get(e.id)!, description: `\`${e.id}\` records` })), { name: 'reports' }, { name: 'meta' }, { name: 'system' }],
    paths,
    components: {
      schemas,
      parameters: RECORD_PARAMETERS,
      responses: PROBLEM_RESPONSES,
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'A login token or an API key.' } },
    },
  };
}

/** One tag per entity: its title, or `title (id)` when two entities share a title or it clashes with `meta`/`system`. */
function toTags(entities: CompiledEntity[]): Map<string, string> {
  const titles = entities.map(toEntityTitle);
  const taken = (title: string) => titles.filter((t) => t === title).length > 1 || title === 'meta' || title === 'system' || title === 'reports';
  return new Map(entities.map((entity, i) => [entity.id, taken(titles[i]!) ? `${titles[i]} (${entity.id})` : titles[i]!]));
}
