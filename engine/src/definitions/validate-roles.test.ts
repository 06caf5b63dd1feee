import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../test/support/paths.js';
import type { DefinitionSet, SourceFiles } from './definition-set.js';
import { readFolder } from './read-folder.js';
import type { RolesDefinition } from './roles.js';
import { validateDefinitionSet } from './validate-definition-set.js';
import { validateRoles } from './validate-roles.js';

/** A roles.json with one role holding the given permissions. */
const oneRole = (entities: Record<string, unknown>, id = 'sales'): unknown => ({
  roles: { [id]: { title: { zh: '销售', en: 'Sales' }, entities } },
});

let defaults: { set: DefinitionSet; files: SourceFiles };
let delivery: { set: DefinitionSet; files: SourceFiles };
beforeAll(async () => {
  defaults = await readFolder(REPO_ROOT);
  delivery = await readFolder(join(REPO_ROOT, 'templates/project-delivery'));
});

describe('the shipped roles.json files', () => {
  it('validate with zero issues', () => {
    expect(defaults.set.roles).toBeDefined();
    expect(validateRoles(defaults.set.roles, defaults.set)).toEqual([]);
    expect(delivery.set.roles).toBeDefined();
    expect(validateRoles(delivery.set.roles, delivery.set)).toEqual([]);
  });
});

describe('roles.json shape', () => {
  it.each([
    ['an unknown scope', oneRole({ customer: { read: 'everyone' } }), '/roles/sales/entities/customer/read', 'enum'],
    [
      'an unknown action',
      oneRole({ customer: { write: 'own' } }),
      '/roles/sales/entities/customer/write',
      'additionalProperties',
    ],
    [
      'an unknown field restriction',
      oneRole({ customer: { fields: { name: 'secret' } } }),
      '/roles/sales/entities/customer/fields/name',
      'enum',
    ],
    [
      'an event scope that is no scope',
      oneRole({ opportunity: { events: { SIGN: true } } }),
      '/roles/sales/entities/opportunity/events/SIGN',
      'enum',
    ],
    ['a role without a title', { roles: { sales: { entities: {} } } }, '/roles/sales/title', 'required'],
    ['a role without entities', { roles: { sales: { title: 'Sales' } } }, '/roles/sales/entities', 'required'],
    ['no roles at all', {}, '/roles', 'required'],
    ['a list instead of an object', [], '', 'type'],
  ])('rejects %s', (_name, roles, pointer, keyword) => {
    const issues = validateRoles(roles, defaults.set);
    expect(issues).toContainEqual(expect.objectContaining({ pointer, keyword }));
    for (const issue of issues) expect(issue.message.length).toBeGreaterThan(3);
  });
});

describe('roles.json against the definition set', () => {
  it('names role ids that are not camelCase identifiers', () => {
    for (const id of ['Sales Rep', 'sales_rep', '1sales', 'a'.repeat(49)]) {
      expect(validateRoles(oneRole({}, id), defaults.set)).toEqual([
        expect.objectContaining({ pointer: `/roles/${id}`, keyword: 'roleId', message: expect.stringContaining(id) }),
      ]);
    }
    expect(validateRoles(oneRole({}, 'keyAccountManager2'), defaults.set)).toEqual([]);
  });

  it('names entities that do not exist, but accepts "*" for every entity', () => {
    expect(validateRoles(oneRole({ ghost: { read: 'all' }, '*': { read: 'own' } }), defaults.set)).toEqual([
      expect.objectContaining({
        pointer: '/roles/sales/entities/ghost',
        keyword: 'unknownEntity',
        message: expect.stringContaining('"ghost"'),
      }),
    ]);
  });

  it('names restricted fields the entity does not have; under "*", fields no entity has', () => {
    const roles = oneRole({
      opportunity: { read: 'own', fields: { amount: 'hidden', margin: 'hidden' } },
      '*': { read: 'own', fields: { notes: 'readOnly', salary: 'hidden' } },
    });
    expect(validateRoles(roles, defaults.set)).toEqual([
      expect.objectContaining({
        pointer: '/roles/sales/entities/opportunity/fields/margin',
        keyword: 'unknownField',
        message: 'field "margin" is not a property of entity "opportunity"',
      }),
      expect.objectContaining({
        pointer: '/roles/sales/entities/*/fields/salary',
        keyword: 'unknownField',
        message: 'no entity has a field "salary"',
      }),
    ]);
  });

  it("names events that no workflow bound to the entity defines in any state's `on`", () => {
    const roles = oneRole({
      opportunity: { update: 'own', events: { SIGN: 'own', LOSE: 'own', WIN: 'none', APPROVE: 'none' } },
      serviceRequest: { update: 'own', events: { APPROVE: 'none', REJECT: 'none' } },
      activity: { update: 'own', events: { DONE: 'own' } },
      '*': { events: { SURVEY: 'none', FLY: 'none' } },
    });
    expect(validateRoles(roles, defaults.set)).toEqual([
      expect.objectContaining({
        pointer: '/roles/sales/entities/opportunity/events/WIN',
        keyword: 'unknownEvent',
        message: 'no workflow bound to entity "opportunity" defines event "WIN"',
      }),
      expect.objectContaining({ pointer: '/roles/sales/entities/opportunity/events/APPROVE', keyword: 'unknownEvent' }),
      expect.objectContaining({
        pointer: '/roles/sales/entities/activity/events/DONE',
        keyword: 'unknownEvent',
        message: 'entity "activity" has no workflow, so it has no event "DONE"',
      }),
      expect.objectContaining({
        pointer: '/roles/sales/entities/*/events/FLY',
        keyword: 'unknownEvent',
        message: 'no workflow defines event "FLY"',
      }),
    ]);
  });

  it('counts the events of every workflow bound to the entity, one per record type', () => {
    const roles = oneRole({ project: { update: 'own', events: { KICK_OFF: 'own', RENEW: 'own', SUBMIT: 'own' } } });
    expect(validateRoles(roles, delivery.set)).toEqual([
      expect.objectContaining({ pointer: '/roles/sales/entities/project/events/SUBMIT', keyword: 'unknownEvent' }),
    ]);
  });

  it('escapes keys in pointers (RFC 6901)', () => {
    expect(validateRoles(oneRole({ 'a/b': {} }), defaults.set)).toEqual([
      expect.objectContaining({ pointer: '/roles/sales/entities/a~1b' }),
    ]);
  });
});

describe('validateDefinitionSet with roles', () => {
  const without = (set: DefinitionSet, ...ids: string[]): RolesDefinition => {
    const roles = structuredClone(set.roles!);
    for (const id of ids) delete roles.roles[id];
    return roles;
  };

  it("files roles.json's issues under roles.json", () => {
    const roles = structuredClone(defaults.set.roles!);
    roles.roles.marketing!.entities.ghost = { read: 'all' };
    const set = { ...defaults.set, roles };
    expect(validateDefinitionSet(set, defaults.files)).toEqual([
      expect.objectContaining({
        file: 'roles.json',
        pointer: '/roles/marketing/entities/ghost',
        keyword: 'unknownEntity',
      }),
    ]);
    expect(validateDefinitionSet(set)).toEqual([expect.objectContaining({ file: 'roles.json' })]);
  });

  it('names every role a workflow needs that roles.json does not define, where the workflow names it', () => {
    const set = { ...defaults.set, roles: without(defaults.set, 'serviceManager', 'serviceAgent', 'salesManager') };
    const issues = validateDefinitionSet(set, defaults.files);
    const file = 'workflows/service-request.workflow.json';
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          file,
          pointer: '/states/pendingApproval/meta/approval/role',
          keyword: 'unknownRole',
          message: 'role "serviceManager" is not defined in roles.json',
        }),
        expect.objectContaining({
          file,
          pointer: '/states/escalated/on/RESUME/guard/params/roles/0',
          keyword: 'unknownRole',
        }),
        expect.objectContaining({
          file,
          pointer: '/states/created/on/ASSIGN/actions/0/params/roundRobinRole',
          message: expect.stringContaining('"serviceAgent"'),
        }),
        expect.objectContaining({
          file: 'workflows/customer-lifecycle.workflow.json',
          pointer: '/states/active/on/PROMOTE/guard/params/roles/0',
        }),
      ]),
    );
    // admin is built in, so the guards' "admin" entries are never reported.
    expect(issues.filter((i) => i.message.includes('"admin"'))).toEqual([]);
    expect(issues.every((i) => i.keyword === 'unknownRole')).toBe(true);
  });

  it('finds roles inside nested guards (all/any/not)', () => {
    const set = { ...delivery.set, roles: without(delivery.set, 'projectManager') };
    const issues = validateDefinitionSet(set, delivery.files);
    expect(issues).toContainEqual(
      expect.objectContaining({
        file: 'workflows/project-implementation.workflow.json',
        pointer: '/states/initiation/on/PAUSE/guard/params/guards/0/params/roles/0',
        keyword: 'unknownRole',
      }),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({
        file: 'workflows/timesheet-approval.workflow.json',
        pointer: '/states/submitted/meta/approval/role',
      }),
    );
  });

  it('checks no workflow roles when the set has no roles.json, or roles.json is malformed', () => {
    const { roles: _roles, ...noRoles } = defaults.set;
    expect(validateDefinitionSet(noRoles, defaults.files)).toEqual([]);
    const malformed = validateDefinitionSet(
      { ...defaults.set, roles: 'everyone' as unknown as RolesDefinition },
      defaults.files,
    );
    expect(malformed).toEqual([expect.objectContaining({ file: 'roles.json', pointer: '', keyword: 'type' })]);
  });
});
