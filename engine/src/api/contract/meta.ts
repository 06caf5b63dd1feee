import { json, problems, ref } from '../openapi/common.js';
import type { JsonSchema } from '../openapi/field-schemas.js';
import { contract, object, text } from './spec.js';

const tags = ['meta'];
const described = (description: string, properties: Record<string, JsonSchema> = {}) => ({
  type: 'object',
  description,
  properties,
});
/** A closed object (every member declared), so the response test catches an answer member nobody documented. */
const answer = (properties: Record<string, JsonSchema>, required = Object.keys(properties)) => ({
  type: 'object',
  properties,
  required,
  additionalProperties: false,
});
const dataOf = (items: JsonSchema) => answer({ data: { type: 'array', items } });
/** An entity definition as the definition validators accepted it; the apps read it as core's EntityDefinition. */
const entityDefinition = {
  type: 'object',
  description: 'An entity definition (`*.schema.json`), as the caller may see it.',
  'x-core-type': 'EntityDefinition',
};
const integer = { type: 'integer' };
/** entity id → what the caller may do with it (visible-definitions.ts entityPermissions). */
const permissions = {
  type: 'object',
  description: 'Per entity the caller may read: the scope of each action and the fields they may not write.',
  additionalProperties: ref('EffectivePermissions'),
};
const libraryEntry = (more: Record<string, JsonSchema> = {}) =>
  answer({ name: text(), params: { type: 'object', description: 'The JSON Schema of its params.' }, ...more }, [
    'name',
    'params',
  ]);
const draftId = { id: { schema: text(), description: 'The draft id, e.g. `studio`.' } };
const versionNumber = (description: string) => ({ schema: text({ pattern: '^[1-9]\\d{0,8}$' }), description });
const noSuchVersion = { en: 'there is no such version', zh: '没有这个版本' };
/** `{ "<workflow>": { "<removed state>": "<target state>" } }`: judged with the plan (migrate/state-mapping.ts). */
const stateMapping = {
  description:
    'Where the records of each removed state go: `{ "<workflow>": { "<removed state>": "<target state>" } }`.',
};
const definitions = {
  type: 'object',
  required: ['entities', 'workflows'],
  properties: {
    entities: { type: 'array' },
    workflows: { type: 'array' },
    roles: { description: 'roles.json; absent or null: no roles.' },
    dashboards: { type: 'array', description: 'dashboards/*.dashboard.json; absent: none.' },
  },
  description:
    'Every definition of one model; each definition is judged by the definition validators (issues in the answer).',
};
const issues = {
  ...answer({ issues: { type: 'array', items: ref('Issue') } }),
  description: 'Every issue of the definitions; empty when they are valid.',
};
/** The install body's core TemplateJson, loosely: request bodies are checked without components, and the template
 *  and definition validators judge every file with its pointer. */
const template = {
  manifest: described('template.json', {
    name: text(),
    version: text(),
    exportedFrom: { type: 'object' },
    extends: { description: 'An add-on: the template it installs on, or a list of them.' },
  }),
  schemas: {
    type: 'object',
    description: 'File name (`customer.schema.json`) → entity definition.',
    additionalProperties: { type: 'object' },
  },
  workflows: {
    type: 'object',
    description: 'File name (`sales.workflow.json`) → workflow definition.',
    additionalProperties: { type: 'object' },
  },
  roles: { description: 'roles.json' },
  dashboards: {
    type: 'object',
    description: 'File name (`sales-overview.dashboard.json`) → dashboard definition.',
    additionalProperties: { type: 'object' },
  },
  extensions: {
    type: 'object',
    description: 'An add-on only: file name (`customer.extend.json`) → what it adds to that entity.',
    additionalProperties: { type: 'object' },
  },
};
/** What an install did: core's InstallAnswer, one closed shape per status. */
const installResult = ref('InstallAnswer');
/** `/meta/*`: the model as the apps read it, and the definitions, drafts, plans, versions and templates the studio shapes it with. */
export const META = contract('/meta', {
  model: {
    method: 'get',
    path: '/model',
    operationId: 'getModel',
    tags,
    summary: 'The published model: version, hash and every definition (as the caller may see it)',
    responses: {
      200: json(
        'The model.',
        answer({ version: integer, hash: text(), definitions: ref('DefinitionSet'), permissions }),
      ),
      ...problems(),
    },
  },
  entities: {
    method: 'get',
    path: '/entities',
    operationId: 'listEntities',
    tags,
    summary: 'Published entity definitions, with field kinds and permissions',
    responses: {
      200: json(
        'Entities.',
        answer({
          data: { type: 'array', items: entityDefinition },
          kinds: {
            type: 'object',
            description: 'entity id → field name → its kind, as the engine classifies it.',
            additionalProperties: { type: 'object', additionalProperties: { ...text(), 'x-core-type': 'FieldKind' } },
          },
          permissions,
        }),
      ),
      ...problems(),
    },
  },
  entity: {
    method: 'get',
    path: '/entities/:id',
    operationId: 'getEntity',
    tags,
    summary: 'One published entity definition',
    params: { id: { schema: text() } },
    responses: { 200: json('The definition.', entityDefinition), ...problems(404) },
  },
  versions: {
    method: 'get',
    path: '/versions',
    operationId: 'listVersions',
    tags,
    summary: 'Published versions, with the plans they applied',
    responses: {
      200: json('Versions, newest first, without their definitions.', dataOf(ref('VersionSummary'))),
      ...problems(),
    },
  },
  version: {
    method: 'get',
    path: '/versions/:version',
    operationId: 'getVersion',
    tags,
    summary: 'One published version and its definitions',
    params: { version: versionNumber('The version.') },
    notFound: noSuchVersion,
    responses: {
      200: json('The version.', ref('StoredVersion')),
      ...problems(404),
    },
  },
  diff: {
    method: 'get',
    path: '/versions/:from/diff/:to',
    operationId: 'diffVersions',
    tags,
    summary:
      'What differs between two versions: entities (fields, record types), workflows (states, transitions), roles, and the table steps',
    params: { from: versionNumber('The older version.'), to: versionNumber('The newer version.') },
    notFound: noSuchVersion,
    responses: {
      200: json(
        'Added and removed ids, and per changed definition its changed parts; `plan.steps` without row counts.',
        ref('VersionsDiff'),
      ),
      ...problems(404),
    },
  },
  rollback: {
    method: 'post',
    path: '/versions/:version/rollback',
    operationId: 'rollbackVersion',
    tags,
    summary:
      'Write a past version into the studio draft and plan it against the current version (publish the draft to roll back)',
    params: { version: versionNumber('The version to go back to.') },
    notFound: noSuchVersion,
    body: object({ stateMapping }),
    responses: {
      200: json(
        'The draft id, the version, and the plan: steps, each safe or destructive with the rows it touches.',
        answer({
          draft: text(),
          rollbackTo: integer,
          baseVersion: integer,
          steps: { type: 'array', items: ref('WordedStep') },
        }),
      ),
      ...problems(404, 422),
    },
  },
  exportTemplate: {
    method: 'get',
    path: '/template',
    operationId: 'exportTemplate',
    tags,
    summary: 'The published model as a template: manifest (template.json), schemas and workflows by file name, roles',
    query: {
      properties: {
        name: text({ description: "The manifest's name." }),
        version: text({ description: "The manifest's version." }),
        title: text({ description: "The manifest's title." }),
      },
    },
    responses: {
      200: json('The template, file by file as its folder holds it.', ref('TemplateJson')),
      ...problems(400, 404, 422),
    },
  },
  installTemplate: {
    method: 'post',
    path: '/template/install',
    operationId: 'installTemplate',
    tags,
    summary: 'Validate a template, plan it against the database, and publish it (or only plan: dryRun)',
    description:
      'The template itself is judged by the template and definition validators: each issue names its file and pointer.',
    body: object({
      ...template,
      dryRun: { type: 'boolean', default: false },
      confirmDestructive: { type: 'boolean', default: false },
      stateMapping,
    }),
    responses: {
      200: json('Planned (dry run) or unchanged.', installResult),
      201: json('Published as the next model version.', installResult),
      ...problems(409, 422),
    },
  },
  installedTemplates: {
    method: 'get',
    path: '/templates',
    operationId: 'listInstalledTemplates',
    tags,
    summary: 'What the published model is made of: the whole-model template it was installed from, then its add-ons',
    responses: {
      200: json(
        'The installed templates, the whole model first, add-ons in install order.',
        ref('InstalledTemplatesAnswer'),
      ),
      ...problems(),
    },
  },
  shippedTemplates: {
    method: 'get',
    path: '/templates/shipped',
    operationId: 'listShippedTemplates',
    tags,
    summary: 'The templates shipped in templates/ beside the engine’s definitions, and which of them are installed',
    responses: {
      200: json('The shipped templates by folder.', ref('ShippedTemplatesAnswer')),
      ...problems(),
    },
  },
  installShippedTemplate: {
    method: 'post',
    path: '/templates/shipped/:folder/install',
    operationId: 'installShippedTemplate',
    tags,
    summary:
      'Install or upgrade a shipped template (an add-on is merged into the published model), or only plan it: dryRun',
    params: {
      folder: {
        schema: text({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$' }),
        description: 'Its folder under templates/.',
      },
    },
    notFound: { en: 'no such template is shipped', zh: '没有这个模板' },
    body: object({
      dryRun: { type: 'boolean', default: false },
      confirmDestructive: { type: 'boolean', default: false },
      stateMapping,
    }),
    responses: {
      200: json('Planned (dry run) or unchanged.', installResult),
      201: json('Published as the next model version.', installResult),
      ...problems(404, 409, 422),
    },
  },
  library: {
    method: 'get',
    path: '/library',
    operationId: 'workflowLibrary',
    tags,
    summary: 'The guards and actions workflows may name, each with the JSON Schema of its params (administrators)',
    responses: {
      200: json(
        'The library.',
        answer({
          guards: { type: 'array', items: libraryEntry() },
          actions: {
            type: 'array',
            items: libraryEntry({
              phase: text({ description: 'When it runs, if not with the transition (e.g. `after` the commit).' }),
            }),
          },
        }),
      ),
      ...problems(),
    },
  },
  validate: {
    method: 'post',
    path: '/validate',
    operationId: 'validateDefinitions',
    tags,
    summary: 'Validate definitions without saving them',
    body: object(
      {
        definitions,
        before: {
          ...definitions,
          description:
            'The set being edited, to judge removals: a field or state it has that `definitions` drops while still naming it is an issue listing every reference by title.',
        },
      },
      ['definitions'],
    ),
    malformedBody: 400,
    responses: { 200: json('Issues.', issues), ...problems(400) },
  },
  drafts: {
    method: 'get',
    path: '/drafts',
    operationId: 'listDrafts',
    tags,
    summary: 'The stored drafts; `id` narrows to one (an empty list when it does not exist)',
    query: { properties: { id: text({ description: 'Only this draft, e.g. `studio`.' }) } },
    responses: {
      200: json('The drafts, each with its definitions and base version.', dataOf(ref('StoredDraft'))),
      ...problems(400),
    },
  },
  draft: {
    method: 'get',
    path: '/drafts/:id',
    operationId: 'getDraft',
    tags,
    summary: 'Read a draft',
    params: draftId,
    responses: { 200: json('The draft.', ref('StoredDraft')), ...problems(404) },
  },
  saveDraft: {
    method: 'put',
    path: '/drafts/:id',
    operationId: 'saveDraft',
    tags,
    summary: 'Save a draft (the whole definition set)',
    params: draftId,
    body: object(
      {
        definitions,
        baseVersion: {
          type: 'integer',
          description: 'The version the draft was made from; the current one when absent.',
        },
      },
      ['definitions'],
    ),
    malformedBody: 400,
    responses: {
      200: json(
        'Saved, with its issues.',
        answer({ id: text(), baseVersion: integer, issues: { type: 'array', items: ref('Issue') } }),
      ),
      ...problems(400),
    },
  },
  deleteDraft: {
    method: 'delete',
    path: '/drafts/:id',
    operationId: 'deleteDraft',
    tags,
    summary: 'Discard a draft',
    params: draftId,
    responses: { 204: { description: 'Deleted.' }, ...problems(404) },
  },
  planDraft: {
    method: 'post',
    path: '/drafts/:id/plan',
    operationId: 'planDraft',
    tags,
    summary: 'The migration plan publishing the draft would apply',
    params: draftId,
    body: object({ stateMapping }),
    responses: {
      200: json('The plan: steps, each safe or destructive with the rows it touches.', ref('WordedPlan')),
      ...problems(404, 422),
    },
  },
  publishDraft: {
    method: 'post',
    path: '/drafts/:id/publish',
    operationId: 'publishDraft',
    tags,
    summary: 'Apply the plan and publish the draft as the next model version',
    params: draftId,
    body: object({ confirmDestructive: { type: 'boolean', default: false }, note: text(), stateMapping }),
    responses: {
      201: json('The new version and the plan it applied.', answer({ version: integer, plan: ref('WordedPlan') })),
      ...problems(404, 409, 422),
    },
  },
});
