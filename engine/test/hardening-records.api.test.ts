import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DefinitionSet } from '../src/definitions/definition-set.js';
import type { EntityDefinition } from '../src/definitions/entity.js';
import type { RolesDefinition } from '../src/definitions/roles.js';
import type { WorkflowDefinition } from '../src/definitions/workflow.js';
import { startTestServer, type TestResponse, type TestServer } from './support/test-server.js';

/*
 * Record integrity over HTTP against PostgreSQL: links stay within what the writer may read, deletes
 * audit every record they change (cascades and cleared links included) and never delete what the
 * actor could not, and a value that cannot be stored, or breaks a definition's rule, is a 422 on its
 * field, whether a user or a workflow action writes it.
 */

describe('the default template, two sales teams', () => {
  let server: TestServer;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  type Who = 'admin' | 'alice' | 'bob' | 'mia' | 'nina';
  const api = (who: Who, method: string, path: string, body?: unknown): Promise<TestResponse> =>
    server.request(method, `/api/v1${path}`, body, who === 'admin' ? {} : { authorization: `Bearer ${tokens[who]}` });
  const create = async (who: Who, entity: string, body: Record<string, unknown>): Promise<string> => {
    const response = await api(who, 'POST', `/records/${entity}`, body);
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body.id as string;
  };
  const audit = (entity: string, recordId: string) =>
    server.testDb.db
      .knex('lodestar_audit')
      .where({ entity, record_id: recordId })
      .orderBy('id')
      .select('action', 'actor_id', 'changes', 'detail');

  beforeAll(async () => {
    server = await startTestServer();
    const unit = async (name: string, parentId?: string) =>
      (await api('admin', 'POST', '/admin/org-units', { name, ...(parentId && { parentId }) })).body.id as string;
    const sales = await unit('销售部');
    const [teamA, teamB] = [await unit('华东组', sales), await unit('华南组', sales)];
    for (const [key, roles, orgUnitId] of [
      ['alice', ['salesperson'], teamA],
      ['bob', ['salesperson'], teamB],
      ['mia', ['salesManager'], teamA],
      ['nina', ['salesManager'], teamB],
    ] as const) {
      const { user, token } = await server.userToken({ email: `${key}@example.com`, roles: [...roles], orgUnitId });
      ids[key] = user.id;
      tokens[key] = token;
    }
    ids.customerA = await create('alice', 'customer', {
      record_type: 'company',
      name: '华东机械',
      industry: 'manufacturing',
    });
    ids.customerB = await create('bob', 'customer', { record_type: 'company', name: '华南百货', industry: 'retail' });
    ids.contactB = await create('bob', 'contact', { name: '李雷', customer: ids.customerB });
  });
  afterAll(() => server?.close());

  describe('links point only at records the writer may read', () => {
    const sameAnswer = (a: TestResponse, b: TestResponse) => {
      expect(a.status).toBe(422);
      expect({ detail: a.body.detail, issues: a.body.issues }).toEqual({
        detail: b.body.detail,
        issues: b.body.issues,
      });
    };

    it("refuses a many-to-one link to another team's customer exactly as a made-up id", async () => {
      const hidden = await api('alice', 'POST', '/records/opportunity', { name: '越界商机', customer: ids.customerB });
      const madeUp = await api('alice', 'POST', '/records/opportunity', { name: '越界商机', customer: randomUUID() });
      sameAnswer(hidden, madeUp);
      expect(hidden.body.issues).toEqual([expect.objectContaining({ pointer: '/customer', keyword: 'relation' })]);
      expect(hidden.body.i18n.zh).toBeTruthy();
      const activity = await api('alice', 'POST', '/records/activity', {
        subject: '拜访',
        type: 'visit',
        customer: ids.customerB,
      });
      expect(activity.status).toBe(422);
    });

    it("refuses a many-to-many link to another team's contact, on create and on patch", async () => {
      const hidden = await api('alice', 'POST', '/records/opportunity', {
        name: '商机',
        customer: ids.customerA,
        contacts: [ids.contactB],
      });
      const madeUp = await api('alice', 'POST', '/records/opportunity', {
        name: '商机',
        customer: ids.customerA,
        contacts: [randomUUID()],
      });
      sameAnswer(hidden, madeUp);
      const mine = await api('alice', 'POST', '/records/opportunity', { name: '自己的商机', customer: ids.customerA });
      expect(mine.status).toBe(201);
      const patched = await api('alice', 'PATCH', `/records/opportunity/${mine.body.id}`, {
        version: 1,
        contacts: [ids.contactB],
      });
      expect(patched.status).toBe(422);
      const moved = await api('alice', 'PATCH', `/records/opportunity/${mine.body.id}`, {
        version: 1,
        customer: ids.customerB,
      });
      expect(moved.status).toBe(422);
      expect((await api('admin', 'GET', `/records/opportunity/${mine.body.id}`)).body).toMatchObject({
        version: 1,
        customer: ids.customerA,
        contacts: [],
      });
    });

    it('keeps a link an administrator made: a patch that leaves it as it is still saves', async () => {
      const assigned = await create('admin', 'opportunity', {
        name: '跨组商机',
        customer: ids.customerB,
        owner_id: ids.alice,
      });
      const patched = await api('alice', 'PATCH', `/records/opportunity/${assigned}`, {
        version: 1,
        name: '跨组商机（更新）',
        customer: ids.customerB,
      });
      expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    });
  });

  describe('deleting a record that others refer to', () => {
    it('audits and versions every contact it cascades to, every activity it clears and every link it removes', async () => {
      const customer = await create('admin', 'customer', {
        record_type: 'company',
        name: '待删客户',
        industry: 'retail',
        owner_id: ids.bob,
      });
      const contact1 = await create('admin', 'contact', { name: '韩梅梅', customer, owner_id: ids.bob });
      const contact2 = await create('admin', 'contact', { name: '王刚', customer, owner_id: ids.bob });
      const activity = await create('admin', 'activity', {
        subject: '回访',
        type: 'callOut',
        customer,
        contact: contact1,
        owner_id: ids.bob,
      });
      const deal = await create('admin', 'opportunity', {
        name: '保留的商机',
        customer: ids.customerB,
        contacts: [contact2, ids.contactB],
        owner_id: ids.bob,
      });
      expect((await api('nina', 'DELETE', `/records/customer/${customer}?version=1`)).status).toBe(204);

      for (const contact of [contact1, contact2]) {
        expect((await api('admin', 'GET', `/records/contact/${contact}`)).status).toBe(404);
        expect(await audit('contact', contact)).toEqual([
          expect.objectContaining({ action: 'create' }),
          expect.objectContaining({
            action: 'delete',
            actor_id: ids.nina,
            detail: { cascadeFrom: { entity: 'customer', field: 'customer' } },
          }),
        ]);
      }
      const cleared = (await api('admin', 'GET', `/records/activity/${activity}`)).body;
      expect(cleared).toMatchObject({ customer: null, contact: null });
      expect(cleared.version).toBeGreaterThan(1);
      const activityAudit = await audit('activity', activity);
      const changes = Object.assign(
        {},
        ...activityAudit.filter((row) => row.action === 'update').map((row) => row.changes),
      );
      expect(changes).toEqual({ customer: [customer, null], contact: [contact1, null] });
      expect(activityAudit.filter((row) => row.action === 'update').every((row) => row.actor_id === ids.nina)).toBe(
        true,
      );

      const unlinked = (await api('admin', 'GET', `/records/opportunity/${deal}`)).body;
      // The template's contacts carry CUTE roles: links read as { id, role, influence }.
      expect(unlinked).toMatchObject({ version: 2, contacts: [{ id: ids.contactB, role: null, influence: null }] });
      expect((await audit('opportunity', deal)).at(-1)).toMatchObject({
        action: 'update',
        actor_id: ids.nina,
        changes: { contacts: [[contact2, ids.contactB], [ids.contactB]] },
      });
    });

    it('refuses (409, naming them) to cascade into records the actor may not delete, and changes nothing', async () => {
      const customer = await create('admin', 'customer', {
        record_type: 'company',
        name: '共享客户',
        industry: 'retail',
        owner_id: ids.alice,
      });
      const foreign = await create('admin', 'contact', { name: '外组联系人', customer, owner_id: ids.bob });
      const refused = await api('mia', 'DELETE', `/records/customer/${customer}?version=1`);
      expect(refused.status).toBe(409);
      expect(refused.body.referencedBy).toEqual({ entity: 'contact', field: 'customer' });
      expect(refused.body.i18n.zh).toContain('联系人');
      expect((await api('admin', 'GET', `/records/contact/${foreign}`)).body.version).toBe(1);
      expect((await api('admin', 'GET', `/records/customer/${customer}`)).status).toBe(200);
    });

    it('refuses with 409 while a restricting record still refers to it', async () => {
      const customer = await create('admin', 'customer', {
        record_type: 'company',
        name: '有商机的客户',
        industry: 'retail',
        owner_id: ids.bob,
      });
      await create('admin', 'opportunity', { name: '进行中', customer, owner_id: ids.bob });
      const refused = await api('nina', 'DELETE', `/records/customer/${customer}?version=1`);
      expect(refused.status).toBe(409);
      // The refusal names the kind of record, never how many: some may lie outside the actor's scope.
      expect(refused.body.referencedBy).toEqual({ entity: 'opportunity', field: 'customer' });
      expect(JSON.stringify(refused.body)).not.toMatch(/\b1\b/);
    });
  });

  describe('values that cannot be stored and rules of the definitions', () => {
    it('treats a required text of only spaces as missing, on create and on patch', async () => {
      const blank = await api('alice', 'POST', '/records/customer', {
        record_type: 'company',
        name: ' \u3000 ',
        industry: 'retail',
      });
      expect(blank.status).toBe(422);
      expect(blank.body.issues).toEqual([expect.objectContaining({ pointer: '/name', keyword: 'required' })]);
      const patched = await api('alice', 'PATCH', `/records/customer/${ids.customerA}`, { version: 1, name: '   ' });
      expect(patched.status).toBe(422);
      expect(patched.body.issues).toEqual([expect.objectContaining({ pointer: '/name', keyword: 'required' })]);
    });

    it('answers a number too large for its column with 422 on the field', async () => {
      const huge = await api('alice', 'POST', '/records/customer', {
        record_type: 'company',
        name: '巨头',
        industry: 'retail',
        annualRevenue: 1e30,
      });
      expect(huge.status).toBe(422);
      expect(huge.body.issues).toEqual([
        expect.objectContaining({ pointer: '/annualRevenue', keyword: 'exclusiveMaximum' }),
      ]);
      const patched = await api('alice', 'PATCH', `/records/customer/${ids.customerA}`, {
        version: 1,
        annualRevenue: 1e17,
      });
      expect(patched.status).toBe(422);
      expect(patched.body.issues[0].pointer).toBe('/annualRevenue');
    });

    it("enforces the template's cross-field rules on the field, in both languages", async () => {
      const early = await api('alice', 'POST', '/records/activity', {
        subject: '会议',
        type: 'meeting',
        plannedStart: '2026-05-01T10:00:00+08:00',
        plannedEnd: '2026-05-01T09:00:00+08:00',
      });
      expect(early.status).toBe(422);
      expect(early.body.issues).toEqual([
        expect.objectContaining({
          pointer: '/plannedEnd',
          keyword: 'rule',
          i18n: expect.objectContaining({ zh: expect.stringContaining('计划结束时间') }),
        }),
      ]);
      const birthday = await api('alice', 'POST', '/records/contact', {
        name: '张三',
        customer: ids.customerA,
        birthday: '2099-01-01',
      });
      expect(birthday.status).toBe(422);
      expect(birthday.body.issues[0]).toMatchObject({ pointer: '/birthday', keyword: 'rule' });
      const close = await api('alice', 'POST', '/records/opportunity', {
        name: '远古商机',
        customer: ids.customerA,
        expectedCloseDate: '1900-01-01',
      });
      expect(close.status).toBe(422);
      expect(close.body.issues[0]).toMatchObject({ pointer: '/expectedCloseDate', keyword: 'rule' });
      const fine = await api('alice', 'POST', '/records/activity', {
        subject: '会议',
        type: 'meeting',
        plannedStart: '2026-05-01T10:00:00+08:00',
        plannedEnd: '2026-05-01T11:00:00+08:00',
      });
      expect(fine.status).toBe(201);
      const later = await api('alice', 'PATCH', `/records/activity/${fine.body.id}`, {
        version: 1,
        plannedStart: '2026-05-01T12:00:00+08:00',
      });
      expect(later.status).toBe(422);
      expect(later.body.issues[0]).toMatchObject({ pointer: '/plannedEnd', keyword: 'rule' });
    });
  });
});

describe('workflow actions write as a user would', () => {
  let server: TestServer;
  let clerk = '';
  let clerkToken = '';
  const api = (method: string, path: string, body?: unknown, token?: string): Promise<TestResponse> =>
    server.request(method, `/api/v1${path}`, body, token ? { authorization: `Bearer ${token}` } : {});
  const send = (id: string, type: string, token?: string) =>
    api('POST', `/records/ticket/${id}/events`, { type }, token);

  const account: EntityDefinition = {
    $id: 'account',
    title: 'Account',
    type: 'object',
    'x-entity': { titleField: 'name' },
    properties: { name: { type: 'string', maxLength: 100 } },
    required: ['name'],
  };
  const ticket: EntityDefinition = {
    $id: 'ticket',
    title: 'Ticket',
    type: 'object',
    'x-entity': { titleField: 'subject', workflow: 'ticket-flow' },
    properties: {
      subject: { type: 'string', maxLength: 100 },
      note: { type: 'string', maxLength: 500 },
      priority: { type: 'string', enum: ['low', 'high'] },
      code: { type: 'string', maxLength: 5 },
      account: { type: 'string', format: 'uuid', 'x-relation': { entity: 'account', onDelete: 'setNull' } },
    },
    required: ['subject'],
    // A top-level rule, which once made setField skip validation altogether.
    if: { properties: { priority: { const: 'high' } }, required: ['priority'] },
    then: { properties: { note: { type: 'string', minLength: 1 } }, required: ['note'] },
  };
  const followUp: EntityDefinition = {
    $id: 'followUp',
    title: 'Follow-up',
    type: 'object',
    'x-entity': { titleField: 'title' },
    properties: {
      title: { type: 'string', maxLength: 100 },
      account: { type: 'string', format: 'uuid', 'x-relation': { entity: 'account', onDelete: 'setNull' } },
    },
    required: ['title'],
  };
  const step = (actions: unknown[]) => ({ target: 'open', actions });
  const flow = {
    id: 'ticket-flow',
    initial: 'open',
    meta: { entity: 'ticket' },
    states: {
      open: {
        on: {
          PRIORITY_FROM_NOTE: step([{ type: 'setField', params: { field: 'priority', valueFrom: 'record.note' } }]),
          CODE_FROM_NOTE: step([{ type: 'setField', params: { field: 'code', valueFrom: 'record.note' } }]),
          ESCALATE: step([{ type: 'setField', params: { field: 'priority', value: 'high' } }]),
          FOLLOW_UP: step([
            {
              type: 'createRecord',
              params: { entity: 'followUp', values: { title: '跟进', account: { from: 'record.account' } } },
            },
          ]),
        },
      },
    },
  };
  // No top-level rule here: its fields' own formats are checked on every setField.
  const errand: EntityDefinition = {
    $id: 'errand',
    title: 'Errand',
    type: 'object',
    'x-entity': { titleField: 'title', workflow: 'errand-flow' },
    properties: { title: { type: 'string', maxLength: 100 }, doneOn: { type: 'string', format: 'date' } },
    required: ['title'],
  };
  const errandFlow = {
    id: 'errand-flow',
    initial: 'todo',
    meta: { entity: 'errand' },
    states: {
      todo: {
        on: {
          DONE: { target: 'done', actions: [{ type: 'setField', params: { field: 'doneOn', valueFrom: 'now' } }] },
        },
      },
      done: { type: 'final' },
    },
  };
  const roles = {
    roles: {
      clerk: {
        title: { zh: '文员', en: 'Clerk' },
        entities: {
          ticket: { read: 'all', create: 'all', update: 'all', delete: 'none' },
          account: { read: 'own', create: 'own', update: 'own', delete: 'none' },
          followUp: { read: 'all', create: 'all', update: 'all', delete: 'none' },
        },
      },
    },
  };
  const definitions = {
    entities: [account, ticket, followUp, errand],
    workflows: [flow, errandFlow] as unknown as WorkflowDefinition[],
    roles: roles as unknown as RolesDefinition,
  } satisfies DefinitionSet;

  beforeAll(async () => {
    server = await startTestServer({ definitions });
    const created = await server.userToken({ email: 'clerk@example.com', roles: ['clerk'] });
    clerk = created.user.id;
    clerkToken = created.token;
  });
  afterAll(() => server?.close());

  const newTicket = async (fields: Record<string, unknown>) => {
    const response = await api('POST', '/records/ticket', { subject: '打印机坏了', ...fields });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body.id as string;
  };

  it('validates setField against the whole effective schema: enum, length and top-level if/then, on the field', async () => {
    const outside = await newTicket({ note: 'urgent' });
    const refused = await send(outside, 'PRIORITY_FROM_NOTE');
    expect(refused.status).toBe(422);
    expect(refused.body.issues).toEqual([expect.objectContaining({ pointer: '/priority', keyword: 'enum' })]);
    const tooLong = await send(outside, 'CODE_FROM_NOTE');
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.issues).toEqual([expect.objectContaining({ pointer: '/code', keyword: 'maxLength' })]);
    const noNote = await newTicket({});
    const escalated = await send(noNote, 'ESCALATE');
    expect(escalated.status).toBe(422);
    expect(escalated.body.issues).toEqual([expect.objectContaining({ pointer: '/note', keyword: 'required' })]);
    expect((await api('GET', `/records/ticket/${noNote}`)).body).toMatchObject({ priority: null, version: 1 });
  });

  it('writes "now" into a date field as today\'s date', async () => {
    const id = (await api('POST', '/records/errand', { title: '寄快递' })).body.id as string;
    const done = await api('POST', `/records/errand/${id}/events`, { type: 'DONE' });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect((await api('GET', `/records/errand/${id}`)).body.doneOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("links a created record only to what the event's sender may read", async () => {
    const adminAccount = (await api('POST', '/records/account', { name: '总部客户' })).body.id as string;
    const own = (await api('POST', '/records/account', { name: '我的客户' }, clerkToken)).body.id as string;
    const theirs = await newTicket({ account: adminAccount });
    const refused = await send(theirs, 'FOLLOW_UP', clerkToken);
    expect(refused.status).toBe(422);
    // The issue sits under the created record's entity: the sender's own record has no such field.
    expect(refused.body.issues).toEqual([
      expect.objectContaining({ pointer: '/followUp/account', keyword: 'relation' }),
    ]);
    const mine = await newTicket({ account: own });
    expect((await send(mine, 'FOLLOW_UP', clerkToken)).status).toBe(200);
    expect((await send(theirs, 'FOLLOW_UP')).status).toBe(200);
    expect(clerk).toBeTruthy();
  });

  it('rejects a workflow naming a user who does not exist at publish, and refuses at run time once they leave', async () => {
    const giveAway = (userId: string) => {
      const open = flow.states.open;
      const withGiveAway = {
        ...flow,
        states: { open: { on: { ...open.on, GIVE_AWAY: step([{ type: 'assignOwner', params: { userId } }]) } } },
      };
      return { ...definitions, workflows: [withGiveAway, errandFlow] };
    };
    const publishDraft = async (set: unknown) => {
      expect((await api('PUT', '/meta/drafts/studio', { definitions: set })).status).toBe(200);
      return api('POST', '/meta/drafts/studio/publish', {});
    };
    const ghost = await publishDraft(giveAway('00000000-0000-4000-8000-00000000dead'));
    expect(ghost.status).toBe(422);
    expect(ghost.body.issues).toEqual([
      expect.objectContaining({ pointer: '/states/open/on/GIVE_AWAY/actions/0/params/userId', keyword: 'unknownUser' }),
    ]);
    const { user: leaver } = await server.userToken({ email: 'leaver@example.com', roles: ['clerk'] });
    expect((await publishDraft(giveAway(leaver.id))).status).toBe(201);
    expect((await api('PATCH', `/admin/users/${leaver.id}`, { active: false })).status).toBe(200);
    const id = await newTicket({});
    const refused = await send(id, 'GIVE_AWAY');
    expect(refused.status).toBe(409);
    expect(refused.body.i18n?.zh ?? refused.body.reason?.zh).toBeTruthy();
    expect((await api('GET', `/records/ticket/${id}`)).body.owner_id).toBe(server.admin.id);
  });
});
