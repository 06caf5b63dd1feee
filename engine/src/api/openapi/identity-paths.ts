import { json, problems, ref } from './common.js';
import type { JsonSchema } from './field-schemas.js';

const object = (properties: JsonSchema, required: string[] = []) => ({ type: 'object', properties, ...(required.length && { required }) });
const body = (schema: JsonSchema) => ({ required: true, content: { 'application/json': { schema } } });
const uuid = { type: 'string', format: 'uuid' };
const idParam = (description: string) => ({ name: 'id', in: 'path', required: true, schema: uuid, description });
const user = ref('User');
const session = object({ token: { type: 'string' }, expiresAt: { type: 'string', format: 'date-time' }, user });
const noContent = { description: 'Done.' };
const public_ = { security: [] };

/** `/auth/*`: sign-in, first-run setup, the caller's profile, password and API keys. Public ones say `security: []`. */
export const AUTH_PATHS: Record<string, JsonSchema> = {
  '/auth/login': {
    post: {
      operationId: 'login', tags: ['auth'], summary: 'Sign in with email and password: a session token for 12 hours', ...public_,
      requestBody: body(object({ email: { type: 'string' }, password: { type: 'string' } }, ['email', 'password'])),
      responses: { 200: json('Signed in.', session), 401: { description: 'Wrong email or password (the same answer for both).' }, 429: { description: 'Too many attempts.' }, ...problems(400, 422) },
    },
  },
  '/auth/setup': {
    get: { operationId: 'setupNeeded', tags: ['auth'], summary: 'Whether the first administrator still has to be created', ...public_, responses: { 200: json('', object({ needed: { type: 'boolean' } })) } },
    post: {
      operationId: 'setup', tags: ['auth'], summary: 'Create the first administrator (only while no user exists)', ...public_,
      requestBody: body(object({ email: { type: 'string' }, password: { type: 'string', minLength: 10 }, displayName: { type: 'string' } }, ['email', 'password'])),
      responses: { 201: json('Created and signed in.', session), ...problems(409, 422) },
    },
  },
  '/auth/logout': { post: { operationId: 'logout', tags: ['auth'], summary: 'End this session', responses: { 204: noContent, ...problems() } } },
  '/auth/me': { get: { operationId: 'me', tags: ['auth'], summary: 'The signed-in user', responses: { 200: json('', user), ...problems() } } },
  '/auth/password': {
    post: {
      operationId: 'changePassword', tags: ['auth'], summary: 'Change one’s own password with the current one; other sessions end',
      requestBody: body(object({ currentPassword: { type: 'string' }, newPassword: { type: 'string', minLength: 10 } }, ['currentPassword', 'newPassword'])),
      responses: { 200: json('Changed.', user), ...problems(400, 422) },
    },
  },
  '/auth/api-keys': {
    get: { operationId: 'listApiKeys', tags: ['auth'], summary: 'The caller’s API keys (never the secret)', responses: { 200: json('', object({ data: { type: 'array', items: { type: 'object' } } })), ...problems() } },
    post: {
      operationId: 'createApiKey', tags: ['auth'], summary: 'A new API key; its secret is shown once',
      requestBody: body(object({ name: { type: 'string', maxLength: 100 } }, ['name'])),
      responses: { 201: json('Created.', object({ id: uuid, key: { type: 'string' }, prefix: { type: 'string' }, note: { type: 'string' } })), ...problems(422) },
    },
  },
  '/auth/api-keys/{id}': { delete: { operationId: 'revokeApiKey', tags: ['auth'], summary: 'Revoke one of the caller’s API keys', parameters: [idParam('The key id.')], responses: { 204: noContent, ...problems(404) } } },
};

/** `/admin/*`: users, org units, handover and the audit trail (administrators only). */
export const ADMIN_PATHS: Record<string, JsonSchema> = {
  '/admin/org-units': {
    get: { operationId: 'listOrgUnits', tags: ['admin'], summary: 'The org chart', responses: { 200: json('', object({ data: { type: 'array', items: { type: 'object' } } })), ...problems() } },
    post: {
      operationId: 'createOrgUnit', tags: ['admin'], summary: 'Add an org unit',
      requestBody: body(object({ name: { type: 'string' }, parentId: uuid }, ['name'])),
      responses: { 201: json('Created.', { type: 'object' }), ...problems(422) },
    },
  },
  '/admin/users': {
    get: { operationId: 'listUsers', tags: ['admin'], summary: 'Every user, with `signInBlockedUntil` while sign-in is throttled', responses: { 200: json('', object({ data: { type: 'array', items: user } })), ...problems() } },
    post: {
      operationId: 'createUser', tags: ['admin'], summary: 'Add a user; they change the given password at first sign-in',
      requestBody: body(object({ email: { type: 'string' }, password: { type: 'string', minLength: 10 }, displayName: { type: 'string' }, roles: { type: 'array', items: { type: 'string' } }, orgUnitId: uuid, managerId: uuid }, ['email', 'password'])),
      responses: { 201: json('Created.', user), ...problems(409, 422) },
    },
  },
  '/admin/users/{id}': {
    patch: {
      operationId: 'updateUser', tags: ['admin'], summary: 'Change a user’s roles, org unit, manager, name or active flag', parameters: [idParam('The user id.')],
      requestBody: body(object({ roles: { type: 'array', items: { type: 'string' } }, active: { type: 'boolean' }, orgUnitId: { type: ['string', 'null'] }, managerId: { type: ['string', 'null'] }, displayName: { type: 'string' } })),
      responses: { 200: json('Changed.', user), ...problems(404, 409, 422) },
    },
  },
  '/admin/users/{id}/password': {
    post: {
      operationId: 'resetPassword', tags: ['admin'], summary: 'Set a temporary password the user must change at next sign-in', parameters: [idParam('The user id.')],
      requestBody: body(object({ password: { type: 'string', minLength: 10 } })),
      responses: { 200: json('Reset.', { type: 'object' }), ...problems(404, 422) },
    },
  },
  '/admin/users/{id}/unlock': { post: { operationId: 'unlockUser', tags: ['admin'], summary: 'Lift every sign-in throttle on the user', parameters: [idParam('The user id.')], responses: { 200: json('Unlocked.', user), ...problems(404) } } },
  '/admin/handover': {
    post: {
      operationId: 'handover', tags: ['admin'], summary: 'Move one user’s records (or the open ones) to another, audited per record',
      requestBody: body(object({ fromUserId: uuid, fromEmail: { type: 'string' }, toUserId: uuid, toEmail: { type: 'string' }, entities: { type: 'array', items: { type: 'string' } }, onlyOpen: { type: 'boolean' }, dryRun: { type: 'boolean' } })),
      responses: { 200: json('Moved.', { type: 'object' }), ...problems(422) },
    },
  },
  '/admin/audit': {
    get: {
      operationId: 'readAudit', tags: ['admin'], summary: 'The audit trail of any audited object, newest first',
      parameters: [
        { name: 'entity', in: 'query', required: true, schema: { type: 'string' }, description: 'An entity id or `lodestar.user`, `lodestar.orgUnit`, `lodestar.model`.' },
        { name: 'recordId', in: 'query', required: true, schema: { type: 'string' } },
        { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1 } },
        { name: 'cursor', in: 'query', schema: { type: 'string' } },
      ],
      responses: { 200: json('A page of audit rows.', { type: 'object' }), ...problems(400) },
    },
  },
};
