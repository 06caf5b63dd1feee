import { json, problems, ref } from './common.js';
import type { JsonSchema } from './field-schemas.js';

const object = (description: string, properties: JsonSchema = {}) => ({ type: 'object', description, properties });
const dataList = (description: string) => object(description, { data: { type: 'array', items: { type: 'object' } } });
const draftId = { name: 'id', in: 'path', required: true, schema: { type: 'string' }, description: 'The draft id, e.g. `main`.' };
const definitionsBody = { required: true, content: { 'application/json': { schema: object('', { definitions: ref('DefinitionSet') }) } } };
const issues = object('Every issue of the definitions; empty when they are valid.', { issues: { type: 'array', items: ref('Issue') } });

const versionParam = (name: string, description: string) => ({ name, in: 'path', required: true, schema: { type: 'integer', minimum: 1 }, description });
const keyedDiff = object('Ids added and removed, and the changes of the rest.', { added: { type: 'array', items: { type: 'string' } }, removed: { type: 'array', items: { type: 'string' } }, changed: { type: 'array', items: { type: 'object' } } });
const template = object('A template as one document, file by file as its folder holds it.', {
  manifest: object('template.json', { name: { type: 'string' }, version: { type: 'string' }, exportedFrom: { type: 'object' } }),
  schemas: { type: 'object', description: 'File name (`customer.schema.json`) → entity definition.', additionalProperties: { type: 'object' } },
  workflows: { type: 'object', description: 'File name (`sales.workflow.json`) → workflow definition.', additionalProperties: { type: 'object' } },
  roles: { type: 'object', description: 'roles.json' },
});
const installResult = object('', { status: { enum: ['unchanged', 'planned', 'published'] }, template: { type: 'object' }, previous: { type: 'object' }, version: { type: 'integer' }, plan: { type: 'object' } });

/** Paths of the engine itself: health, this document, the docs page, and the `meta` API the studio uses. */
export const META_PATHS: Record<string, JsonSchema> = {
  '/health': {
    get: {
      operationId: 'health',
      tags: ['system'],
      summary: 'Liveness and database check',
      security: [],
      responses: { 200: json('Up.', object('', { status: { const: 'ok' }, modelVersion: { type: 'integer' }, database: { type: 'string' } })), ...problems() },
    },
  },
  '/openapi.json': {
    get: { operationId: 'openapi', tags: ['system'], summary: 'This document, for the current model version', security: [], responses: { 200: json('OpenAPI 3.1.', { type: 'object' }) } },
  },
  '/meta/model': {
    get: {
      operationId: 'getModel',
      tags: ['meta'],
      summary: 'The published model: version, hash and every definition',
      responses: { 200: json('The model.', object('', { version: { type: 'integer' }, hash: { type: 'string' }, definitions: ref('DefinitionSet') })) },
    },
  },
  '/meta/entities': { get: { operationId: 'listEntities', tags: ['meta'], summary: 'Published entity definitions', responses: { 200: json('Entities.', dataList('')) } } },
  '/meta/entities/{id}': {
    get: {
      operationId: 'getEntity',
      tags: ['meta'],
      summary: 'One published entity definition',
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      responses: { 200: json('The definition.', { type: 'object' }), ...problems(404) },
    },
  },
  '/meta/library': {
    get: {
      operationId: 'workflowLibrary',
      tags: ['meta'],
      summary: 'The guards and actions workflows may name, each with the JSON Schema of its params (administrators)',
      responses: { 200: json('The library.', { type: 'object', properties: { guards: { type: 'array', items: { type: 'object' } }, actions: { type: 'array', items: { type: 'object' } } } }) },
    },
  },
  '/meta/versions': { get: { operationId: 'listVersions', tags: ['meta'], summary: 'Published versions, with the plans they applied', responses: { 200: json('Versions.', dataList('')) } } },
  '/meta/versions/{from}/diff/{to}': {
    parameters: [versionParam('from', 'The older version.'), versionParam('to', 'The newer version.')],
    get: {
      operationId: 'diffVersions',
      tags: ['meta'],
      summary: 'What differs between two versions: entities (fields, record types), workflows (states, transitions), roles, and the table steps',
      responses: {
        200: json(
          'Added and removed ids, and per changed definition its changed parts; `plan.steps` without row counts.',
          object('', { from: { type: 'integer' }, to: { type: 'integer' }, entities: keyedDiff, workflows: keyedDiff, roles: keyedDiff, plan: { type: 'object' } }),
        ),
        ...problems(404),
      },
    },
  },
  '/meta/versions/{version}/rollback': {
    parameters: [versionParam('version', 'The version to go back to.')],
    post: {
      operationId: 'rollbackVersion',
      tags: ['meta'],
      summary: 'Write a past version into the studio draft and plan it against the current version (publish the draft to roll back)',
      requestBody: { content: { 'application/json': { schema: object('', { stateMapping: { type: 'object' } }) } } },
      responses: {
        200: json('The draft id, the version, and the plan: steps, each safe or destructive with the rows it touches.', object('', { draft: { type: 'string' }, rollbackTo: { type: 'integer' }, baseVersion: { type: 'integer' }, steps: { type: 'array', items: { type: 'object' } } })),
        ...problems(404, 422),
      },
    },
  },
  '/meta/template': {
    get: {
      operationId: 'exportTemplate',
      tags: ['meta'],
      summary: 'The published model as a template: manifest (template.json), schemas and workflows by file name, roles',
      parameters: ['name', 'version', 'title'].map((name) => ({ name, in: 'query', required: false, schema: { type: 'string' }, description: `The manifest's ${name}.` })),
      responses: { 200: json('The template.', template), ...problems(404, 422) },
    },
  },
  '/meta/template/install': {
    post: {
      operationId: 'installTemplate',
      tags: ['meta'],
      summary: 'Validate a template, plan it against the database, and publish it (or only plan: dryRun)',
      requestBody: {
        required: true,
        content: { 'application/json': { schema: { ...template, properties: { ...template.properties, dryRun: { type: 'boolean', default: false }, confirmDestructive: { type: 'boolean', default: false }, stateMapping: { type: 'object' } } } } },
      },
      responses: {
        200: json('Planned (dry run) or unchanged.', installResult),
        201: json('Published as the next model version.', installResult),
        ...problems(409, 422),
      },
    },
  },
  '/meta/validate': {
    post: { operationId: 'validateDefinitions', tags: ['meta'], summary: 'Validate definitions without saving them', requestBody: definitionsBody, responses: { 200: json('Issues.', issues), ...problems(400) } },
  },
  '/meta/drafts': {
    get: {
      operationId: 'listDrafts',
      tags: ['meta'],
      summary: 'The stored drafts; `id` narrows to one (an empty list when it does not exist)',
      parameters: [{ name: 'id', in: 'query', required: false, schema: { type: 'string' }, description: 'Only this draft, e.g. `studio`.' }],
      responses: { 200: json('The drafts, each with its definitions and base version.', dataList('')), ...problems(400) },
    },
  },
  '/meta/drafts/{id}': {
    parameters: [draftId],
    get: { operationId: 'getDraft', tags: ['meta'], summary: 'Read a draft', responses: { 200: json('The draft.', { type: 'object' }), ...problems(404) } },
    put: { operationId: 'saveDraft', tags: ['meta'], summary: 'Save a draft (the whole definition set)', requestBody: definitionsBody, responses: { 200: json('Saved, with its issues.', issues), ...problems(400) } },
    delete: { operationId: 'deleteDraft', tags: ['meta'], summary: 'Discard a draft', responses: { 204: { description: 'Deleted.' }, ...problems(404) } },
  },
  '/meta/drafts/{id}/plan': {
    parameters: [draftId],
    post: {
      operationId: 'planDraft',
      tags: ['meta'],
      summary: 'The migration plan publishing the draft would apply',
      responses: { 200: json('The plan: steps, each safe or destructive with the rows it touches.', { type: 'object' }), ...problems(404, 422) },
    },
  },
  '/meta/drafts/{id}/publish': {
    parameters: [draftId],
    post: {
      operationId: 'publishDraft',
      tags: ['meta'],
      summary: 'Apply the plan and publish the draft as the next model version',
      requestBody: {
        content: { 'application/json': { schema: object('', { confirmDestructive: { type: 'boolean', default: false }, note: { type: 'string' } }) } },
      },
      responses: { 201: json('The new version and the plan it applied.', { type: 'object' }), ...problems(404, 409, 422) },
    },
  },
};
