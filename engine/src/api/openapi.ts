import { rollupFieldNames } from '../schema/rollup-fields.js';
import type { CompiledEntity, Model } from '../model/compile-model.js';
import type { ModelAccess } from '../permissions/model-access.js';
import { numberedFieldNames } from '../records/numbering.js';
import { COMMON_SCHEMAS, PROBLEM_RESPONSES, RECORD_PARAMETERS } from './openapi/common.js';
import { toEntitySchemas, toEntityTitle } from './openapi/entity-schemas.js';
import { addLineItemSchemas } from './openapi/item-schemas.js';
import type { JsonSchema } from './openapi/field-schemas.js';
import { ADMIN_PATHS, AUTH_PATHS } from './openapi/identity-paths.js';
import { META_PATHS } from './openapi/meta-paths.js';
import { toTypeNames } from './openapi/names.js';
import { toRecordPaths } from './openapi/record-paths.js';
import { addStageRuleNotes } from './openapi/stage-rule-notes.js';
import { addCrossFieldRuleNotes } from './openapi/cross-field-rule-notes.js';
import { RUNTIME_UI_PATHS, toGroupPaths, toTotalsPaths } from './openapi/runtime-ui-paths.js';
import { toReportPaths, toWorkflowPaths } from './openapi/workflow-paths.js';
import { toWebhookEvents } from './openapi/webhook-events.js';

/** The parts of the generated document that callers and tests read. */
export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  servers: { url: string }[];
  security: Record<string, string[]>[];
  tags: { name: string; description?: string }[];
  paths: Record<string, JsonSchema>;
  /** The change events webhook subscriptions receive (administrators only, who alone subscribe). */
  webhooks?: Record<string, JsonSchema>;
  components: {
    schemas: Record<string, JsonSchema>;
    parameters: Record<string, JsonSchema>;
    responses: Record<string, JsonSchema>;
    securitySchemes: JsonSchema;
  };
}

// Served on every docs load: build once per model version and role set; the WeakMap lets old versions go.
const cache = new WeakMap<Model, Map<string, OpenApiDocument>>();

/**
 * The OpenAPI 3.1 document of a model as an actor sees it: records paths and schemas per entity the
 * actor may read (without hidden fields; read-only fields marked and left out of create and patch
 * bodies), plus the engine's own routes. Administrators (no access) get the whole model.
 */
export function toOpenApi(model: Model, access?: ModelAccess): OpenApiDocument {
  let perModel = cache.get(model);
  if (!perModel) cache.set(model, (perModel = new Map()));
  const key = access ? [...access.actor.roles].sort().join(',') : '*';
  let document = perModel.get(key);
  if (!document) perModel.set(key, (document = buildDocument(model, access)));
  return document;
}

/** Schema name per entity id: the PascalCase id unless a common schema or another entity's name would clash. */
export function toSchemaNames(model: Model): Map<string, string> {
  return toTypeNames([...model.entities.keys()], {
    reserved: Object.keys(COMMON_SCHEMAS),
    suffixes: ['', 'List', 'Create', 'Patch'],
  });
}

function buildDocument(model: Model, access: ModelAccess | undefined): OpenApiDocument {
  const names = toSchemaNames(model);
  const entities = [...(access?.views ?? model.entities).values()];
  const tags = toTags(entities);
  const schemas: Record<string, JsonSchema> = { ...COMMON_SCHEMAS };
  // The admin routes are described to administrators only (access undefined), who alone may call them.
  const paths: Record<string, JsonSchema> = {
    ...META_PATHS,
    ...AUTH_PATHS,
    ...(!access && ADMIN_PATHS),
    ...RUNTIME_UI_PATHS,
    ...toReportPaths(model),
  };
  for (const entity of entities) {
    const entitySchemas = toEntitySchemas(entity, names.get(entity.id)!);
    markReadOnly(
      entitySchemas,
      new Set([
        ...(access?.grant(entity.id).readOnly ?? []),
        ...rollupFieldNames(entity.definition),
        ...numberedFieldNames(entity.definition),
      ]),
    );
    Object.assign(schemas, entitySchemas);
    Object.assign(paths, toRecordPaths(entity, names.get(entity.id)!, tags.get(entity.id)!));
    const listParameters = (paths[`/records/${entity.id}`]?.get as JsonSchema | undefined)?.parameters as
      JsonSchema[] | undefined;
    Object.assign(paths, toGroupPaths(entity, names.get(entity.id)!, tags.get(entity.id)!, listParameters ?? []));
    Object.assign(paths, toTotalsPaths(entity, names.get(entity.id)!, tags.get(entity.id)!, listParameters ?? []));
    Object.assign(paths, toWorkflowPaths(model, entity, names.get(entity.id)!, tags.get(entity.id)!));
    addStageRuleNotes(paths, model, entity);
    addCrossFieldRuleNotes(paths, entity);
  }
  addLineItemSchemas(schemas, model, entities, names);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Lodestar API',
      version: String(model.version),
      description: `Generated from model version ${model.version}. Errors are \`application/problem+json\` (RFC 9457).`,
    },
    servers: [{ url: '/api/v1' }],
    security: [{ bearerAuth: [] }],
    tags: [
      ...entities.map((e) => ({ name: tags.get(e.id)!, description: `\`${e.id}\` records` })),
      { name: 'reports' },
      { name: 'meta' },
      { name: 'auth' },
      ...(access ? [] : [{ name: 'admin' }, { name: 'webhooks', description: 'Change events sent to subscriptions' }]),
      { name: 'system' },
    ],
    paths,
    ...(!access && { webhooks: toWebhookEvents(entities, names) }),
    components: {
      schemas,
      parameters: RECORD_PARAMETERS,
      responses: PROBLEM_RESPONSES,
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'A login token or an API key.' } },
    },
  };
}

/** Read-only fields: marked in the record schema, absent from create and patch bodies. */
function markReadOnly(schemas: Record<string, JsonSchema>, readOnly: ReadonlySet<string>): void {
  if (!readOnly.size) return;
  for (const schema of Object.values(schemas)) {
    const properties = schema.properties as Record<string, JsonSchema> | undefined;
    if (!properties) continue;
    const isBody = !Array.isArray(schema.required) || !(schema.required as string[]).includes('id');
    for (const name of readOnly) {
      if (!properties[name]) continue;
      if (isBody) delete properties[name];
      else properties[name] = { ...properties[name], readOnly: true };
    }
    if (isBody && Array.isArray(schema.required))
      schema.required = (schema.required as string[]).filter((name) => !readOnly.has(name));
  }
}

/** One tag per entity: its title, or `title (id)` when two entities share a title or it clashes with `meta`/`system`. */
function toTags(entities: CompiledEntity[]): Map<string, string> {
  const titles = entities.map(toEntityTitle);
  const taken = (title: string) =>
    titles.filter((t) => t === title).length > 1 || ['meta', 'system', 'reports', 'auth', 'admin'].includes(title);
  return new Map(
    entities.map((entity, i) => [entity.id, taken(titles[i]!) ? `${titles[i]} (${entity.id})` : titles[i]!]),
  );
}
