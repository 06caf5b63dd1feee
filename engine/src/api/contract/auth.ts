import { json, problems, ref } from '../openapi/common.js';
import { contract, MIN_PASSWORD, object, text, uuid } from './spec.js';

const user = ref('User');
const session = ref('SignedIn');
const noContent = { description: 'Done.' };
const tags = ['auth'];
const API_KEY = object({
  id: uuid,
  name: text(),
  prefix: text(),
  createdAt: text({ format: 'date-time' }),
  revokedAt: { type: ['string', 'null'], format: 'date-time' },
});

/** `/auth/*`: sign-in, first-run setup, the caller's profile, password and API keys. */
export const AUTH = contract('/auth', {
  login: {
    method: 'post',
    path: '/login',
    operationId: 'login',
    tags,
    public: true,
    summary: 'Sign in with email and password: a session token for 12 hours',
    body: object({ email: text({ minLength: 1 }), password: text({ minLength: 1 }) }, ['email', 'password']),
    responses: {
      200: json('Signed in.', session),
      401: { description: 'Wrong email or password (the same answer for both).' },
      429: { description: 'Too many attempts.' },
      ...problems(400, 422),
    },
  },
  setupNeeded: {
    method: 'get',
    path: '/setup',
    operationId: 'setupNeeded',
    tags,
    public: true,
    summary: 'Whether the first administrator still has to be created',
    responses: { 200: json('', object({ needed: { type: 'boolean' } }, ['needed'])) },
  },
  setup: {
    method: 'post',
    path: '/setup',
    operationId: 'setup',
    tags,
    public: true,
    summary: 'Create the first administrator (only while no user exists)',
    body: object({ email: text(), password: text({ minLength: MIN_PASSWORD }), displayName: text() }, [
      'email',
      'password',
    ]),
    responses: { 201: json('Created and signed in.', session), ...problems(409, 422) },
  },
  logout: {
    method: 'post',
    path: '/logout',
    operationId: 'logout',
    tags,
    summary: 'End this session',
    responses: { 204: noContent, ...problems() },
  },
  changePassword: {
    method: 'post',
    path: '/password',
    operationId: 'changePassword',
    tags,
    summary: 'Change one’s own password with the current one; other sessions end',
    body: object({ currentPassword: text(), newPassword: text({ minLength: MIN_PASSWORD }) }, [
      'currentPassword',
      'newPassword',
    ]),
    responses: { 200: json('Changed.', user), ...problems(400, 422) },
  },
  me: {
    method: 'get',
    path: '/me',
    operationId: 'me',
    tags,
    summary: 'The signed-in user',
    responses: { 200: json('', user), ...problems() },
  },
  listApiKeys: {
    method: 'get',
    path: '/api-keys',
    operationId: 'listApiKeys',
    tags,
    summary: 'The caller’s API keys (never the secret)',
    responses: { 200: json('', object({ data: { type: 'array', items: API_KEY } }, ['data'])), ...problems() },
  },
  createApiKey: {
    method: 'post',
    path: '/api-keys',
    operationId: 'createApiKey',
    tags,
    summary: 'A new API key; its secret is shown once',
    body: object({ name: text({ minLength: 1, maxLength: 100, 'x-notBlank': true }) }, ['name']),
    responses: {
      201: json('Created.', object({ id: uuid, key: text(), prefix: text(), note: text() }, ['id', 'key', 'prefix'])),
      ...problems(422),
    },
  },
  revokeApiKey: {
    method: 'delete',
    path: '/api-keys/:id',
    operationId: 'revokeApiKey',
    tags,
    summary: 'Revoke one of the caller’s API keys',
    params: { id: { schema: uuid, description: 'The key id.' } },
    notFound: { en: 'no such API key', zh: '没有这个 API 密钥' },
    responses: { 204: noContent, ...problems(404) },
  },
});
