import { json, problems, ref } from '../openapi/common.js';
import { contract, MIN_PASSWORD, object, text, uuid } from './spec.js';

const user = ref('User');
const tags = ['admin'];
const nullableUuid = { type: ['string', 'null'], format: 'uuid' };
const roles = {
  type: 'array',
  items: text(),
  description: 'Role names of the published model (roles.json), or `admin`.',
};
const userId = { id: { schema: uuid, description: 'The user id.' } };
const noSuchUser = { en: 'no such user', zh: '没有这个用户' };
/** Absent and null both mean "not given"; given, a value is a non-blank text. */
const optionalText = { type: ['string', 'null'], pattern: '\\S' };
const flag = { type: ['boolean', 'null'] };
const ORG_UNIT = ref('OrgUnit');
/** A user as administrators see them: with the time their sign-in is throttled until (null when it is not) and their last sign-in. */
const listedUser = ref('ListedUser');

/** One row of a bulk invite, every cell as typed (`row` as a spreadsheet numbers it, the header being 1). */
const inviteRow = object(
  {
    row: { type: 'integer', minimum: 1 },
    name: text({ maxLength: 400 }),
    email: text({ maxLength: 400 }),
    role: text({ maxLength: 400 }),
    manager: text({ maxLength: 400 }),
    team: text({ maxLength: 400 }),
  },
  ['row', 'name', 'email', 'role', 'manager', 'team'],
  { additionalProperties: false },
);
const inviteRows = { type: 'array', items: inviteRow, minItems: 1, maxItems: 500 };
/** A problem of one row's cell (or, with column null, of the file). */
const inviteIssue = object(
  {
    row: { type: 'integer' },
    column: { enum: ['name', 'email', 'role', 'manager', 'team', null] },
    text: ref('Text'),
  },
  ['row', 'column', 'text'],
  { additionalProperties: false },
);

/** `/admin/*`: users, org units, handover and the audit trail (administrators only). */
export const ADMIN = contract('/admin', {
  listOrgUnits: {
    method: 'get',
    path: '/org-units',
    operationId: 'listOrgUnits',
    tags,
    summary: 'The org chart',
    responses: { 200: json('', object({ data: { type: 'array', items: ORG_UNIT } }, ['data'])), ...problems() },
  },
  createOrgUnit: {
    method: 'post',
    path: '/org-units',
    operationId: 'createOrgUnit',
    tags,
    summary: 'Add an org unit',
    // The name's rules (non-blank, up to 200 characters) and the parent's existence are the identity module's.
    body: object({ name: { type: 'string', maxLength: 200 }, parentId: nullableUuid }, ['name']),
    responses: { 201: json('Created.', ORG_UNIT), ...problems(422) },
  },
  updateOrgUnit: {
    method: 'patch',
    path: '/org-units/:id',
    operationId: 'updateOrgUnit',
    tags,
    summary: 'Rename an org unit or move it (with the units below it) under another parent',
    description:
      'A move under the unit itself or one of its own units is refused (422 at `/parentId`, naming both units).',
    params: { id: { schema: uuid, description: 'The org unit id.' } },
    notFound: { en: 'no such org unit', zh: '没有这个部门' },
    body: object({ name: { type: 'string', maxLength: 200 }, parentId: nullableUuid }),
    responses: { 200: json('Changed.', ORG_UNIT), ...problems(404, 422) },
  },
  checkInvites: {
    method: 'post',
    path: '/users/invites/check',
    operationId: 'checkInvites',
    tags,
    summary: 'Read a bulk invite’s CSV (or corrected rows) and name every row’s problems; creates nobody',
    description:
      'Send the file as `file` (base64 of a CSV in UTF-8 with or without BOM, or GBK/GB18030 as Chinese Excel saves it; columns 姓名/name, 邮箱/email, 角色/role, 上级/manager, 部门/team) or the rows as `rows`.',
    body: object({ file: text({ maxLength: 4 * 1024 * 1024 }), rows: inviteRows }),
    responses: {
      200: json(
        'The rows and their problems.',
        object(
          {
            rows: { type: 'array', items: inviteRow },
            issues: { type: 'array', items: inviteIssue },
            encoding: { type: ['string', 'null'] },
          },
          ['rows', 'issues', 'encoding'],
          { additionalProperties: false },
        ),
      ),
      ...problems(422),
    },
  },
  inviteUsers: {
    method: 'post',
    path: '/users/invites',
    operationId: 'inviteUsers',
    tags,
    summary: 'Create every row’s user with a one-time password, all or none',
    description:
      'Rows as `checkInvites` returns them. Any problem refuses the whole invite (422, an issue per cell at `/rows/<index>/<column>` with `row` and `column` as params). Each user must change the password at first sign-in.',
    body: object({ rows: inviteRows }, ['rows']),
    responses: {
      201: json(
        'Invited; the passwords are shown this once.',
        object(
          {
            data: {
              type: 'array',
              items: object({ row: { type: 'integer' }, user, password: text() }, ['row', 'user', 'password'], {
                additionalProperties: false,
              }),
            },
          },
          ['data'],
          { additionalProperties: false },
        ),
      ),
      ...problems(409, 422),
    },
  },
  listUsers: {
    method: 'get',
    path: '/users',
    operationId: 'listUsers',
    tags,
    summary:
      'Every user, with `signInBlockedUntil` while sign-in is throttled and `lastLoginAt` (null: never signed in)',
    responses: { 200: json('', object({ data: { type: 'array', items: listedUser } }, ['data'])), ...problems() },
  },
  createUser: {
    method: 'post',
    path: '/users',
    operationId: 'createUser',
    tags,
    summary: 'Add a user; they change the given password at first sign-in',
    body: object(
      {
        email: text(),
        password: text({ minLength: MIN_PASSWORD }),
        displayName: text(),
        roles,
        orgUnitId: nullableUuid,
        managerId: nullableUuid,
      },
      ['email', 'password'],
    ),
    responses: { 201: json('Created.', user), ...problems(409, 422) },
  },
  updateUser: {
    method: 'patch',
    path: '/users/:id',
    operationId: 'updateUser',
    tags,
    summary: 'Change a user’s roles, org unit, manager, name or active flag',
    params: userId,
    notFound: noSuchUser,
    body: object({
      roles,
      active: { type: 'boolean' },
      orgUnitId: nullableUuid,
      managerId: nullableUuid,
      displayName: text(),
    }),
    responses: { 200: json('Changed.', user), ...problems(404, 409, 422) },
  },
  resetPassword: {
    method: 'post',
    path: '/users/:id/password',
    operationId: 'resetPassword',
    tags,
    summary: 'Set a temporary password the user must change at next sign-in',
    params: userId,
    notFound: noSuchUser,
    body: object({ password: text({ minLength: MIN_PASSWORD }) }, ['password']),
    responses: { 200: json('Reset.', user), ...problems(404, 422) },
  },
  unlockUser: {
    method: 'post',
    path: '/users/:id/unlock',
    operationId: 'unlockUser',
    tags,
    summary: 'Lift every sign-in throttle on the user',
    params: userId,
    notFound: noSuchUser,
    responses: { 200: json('Unlocked.', listedUser), ...problems(404) },
  },
  handover: {
    method: 'post',
    path: '/handover',
    operationId: 'handover',
    tags,
    summary: 'Move one user’s records (or the open ones) to another, audited per record',
    description:
      'Name each user by id or email. Which users exist, are active and differ, and which entities have owners, is checked against the data (422 at the member).',
    body: object({
      fromUserId: optionalText,
      fromEmail: optionalText,
      toUserId: optionalText,
      toEmail: optionalText,
      entities: { type: ['array', 'null'], items: text(), description: 'Entity ids; all owned entities when absent.' },
      onlyOpen: flag,
      dryRun: flag,
    }),
    responses: {
      200: json('Moved (or counted, on a dry run).', ref('HandoverResult')),
      ...problems(422),
    },
  },
  readAudit: {
    method: 'get',
    path: '/audit',
    operationId: 'readAudit',
    tags,
    summary: 'The audit trail of any audited object, newest first',
    query: {
      required: ['entity', 'recordId'],
      properties: {
        entity: text({
          minLength: 1,
          description: 'An entity id or `lodestar.user`, `lodestar.orgUnit`, `lodestar.model`.',
        }),
        recordId: text({ minLength: 1 }),
        limit: { type: 'integer', minimum: 1 },
        cursor: text({ description: 'The `nextCursor` of the previous page.' }),
      },
    },
    responses: {
      200: json('A page of audit rows.', ref('AuditPage')),
      ...problems(400),
    },
  },
});
