import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DefinitionSet } from '../src/definitions/definition-set.js';
import type { EntityDefinition } from '../src/definitions/entity.js';
import { startTestServer, type TestServer } from './support/test-server.js';

/**
 * Unique keys and duplicate checks (x-entity.unique, x-entity.duplicates) over HTTP against PostgreSQL:
 * normalised conflicts answer 409 naming the fields, a key over existing duplicates blocks the publish
 * with the count and the values, and the duplicate check finds matches across owners, revealing of the
 * records a user cannot read only what the entity allows.
 */

function account(options: Partial<EntityDefinition['x-entity']> = {}): EntityDefinition {
  return {
    $id: 'account',
    title: 'Account',
    type: 'object',
    'x-i18n': { title: { zh: '客户', en: 'Customer' } },
    'x-entity': { titleField: 'name', ...options },
    properties: {
      name: { type: 'string', title: 'Name', maxLength: 200, 'x-i18n': { title: { zh: '客户名称', en: 'Name' } } },
      creditCode: {
        type: 'string',
        maxLength: 40,
        'x-i18n': { title: { zh: '统一社会信用代码', en: 'Unified social credit code' } },
      },
      region: { type: 'string', maxLength: 40, 'x-i18n': { title: { zh: '区域', en: 'Region' } } },
      phone: { type: 'string', format: 'phone', maxLength: 40, 'x-i18n': { title: { zh: '电话', en: 'Phone' } } },
      tags: { type: 'array', items: { type: 'string' } },
    },
    required: ['name'],
  } as EntityDefinition;
}

const KEYS: Partial<EntityDefinition['x-entity']> = {
  unique: [
    { fields: ['creditCode'], normalize: ['trim', 'case', 'width', 'spaces'] },
    { fields: ['name', 'region'], normalize: ['trim', 'case'] },
  ],
  duplicates: { match: ['name', 'creditCode', 'phone'] },
};

function definitions(options: Partial<EntityDefinition['x-entity']>, reveal?: string): DefinitionSet {
  const entity = account(structuredClone(options));
  if (reveal && entity['x-entity'].duplicates) (entity['x-entity'].duplicates as { reveal?: string }).reveal = reveal;
  return {
    entities: [entity],
    workflows: [],
    roles: {
      roles: {
        sales: {
          title: { zh: '销售', en: 'Sales' },
          entities: { account: { read: 'own', create: 'own', update: 'own' } },
        },
      },
    },
  } as DefinitionSet;
}

let server: TestServer;
const users: Record<'li' | 'wang', { id: string; token: string }> = {
  li: { id: '', token: '' },
  wang: { id: '', token: '' },
};
const as = (who: 'li' | 'wang') => ({ authorization: `Bearer ${users[who].token}` });

async function publish(set: DefinitionSet) {
  const put = await server.request('PUT', '/api/v1/meta/drafts/main', { definitions: set });
  expect(put.status).toBe(200);
  const plan = await server.request('POST', '/api/v1/meta/drafts/main/plan');
  const published = await server.request('POST', '/api/v1/meta/drafts/main/publish', {});
  return { plan, published };
}

beforeAll(async () => {
  server = await startTestServer({ definitions: definitions({}) });
  for (const [key, name] of [
    ['li', '李销售'],
    ['wang', '王销售'],
  ] as const) {
    const { user, token } = await server.userToken({
      email: `${key}@example.com`,
      roles: ['sales'],
      displayName: name,
    });
    users[key] = { id: user.id, token };
  }
});
afterAll(async () => {
  await server?.close();
});

describe('unique keys', () => {
  it('blocks a key over existing duplicates with the count and the values, and changes nothing', async () => {
    const create = (body: Record<string, unknown>) => server.request('POST', '/api/v1/records/account', body);
    expect((await create({ name: 'Alpha Trading', creditCode: '91330100MA27XK1234' })).status).toBe(201);
    const twin = await create({ name: 'Alpha Trading Co', creditCode: ' 91330100ma27xk1234 ' });
    expect(twin.status).toBe(201);
    const { plan, published } = await publish(definitions(KEYS));
    const step = plan.body.steps.find(
      (s: { kind: string; key?: { unique: boolean; parts: { column: string }[] } }) =>
        s.kind === 'addKeyIndex' && s.key?.unique && s.key.parts[0]!.column === 'creditCode',
    );
    expect(step).toMatchObject({ safety: 'blocked', rows: 2, duplicates: [[expect.any(String)]] });
    const shared = (step.duplicates as string[][])[0]![0]!;
    expect(['91330100MA27XK1234', ' 91330100ma27xk1234 ']).toContain(shared);
    expect(step.reasonText.zh).toContain('有 2 条记录的「统一社会信用代码」与其他记录重复');
    expect(step.reasonText.zh).toContain(`“${shared}”`);
    expect(published.status).toBe(409);
    expect(published.body.i18n.zh).toContain('统一社会信用代码');
    const indexes = await server.testDb.db.knex.raw(`select indexname from pg_indexes where tablename = 'account'`);
    expect(
      indexes.rows.map((r: { indexname: string }) => r.indexname).filter((n: string) => /_(u|d)key$/.test(n)),
    ).toEqual([]);
    // Told apart, the key publishes.
    const patched = await server.request('PATCH', `/api/v1/records/account/${twin.body.id}`, {
      version: twin.body.version,
      creditCode: '91330100MA27XK9999',
    });
    expect(patched.status).toBe(200);
    const again = await publish(definitions(KEYS));
    expect(again.published.status).toBe(201);
    expect(again.plan.body.steps.filter((s: { kind: string }) => s.kind === 'addKeyIndex')).toHaveLength(5);
  });

  it('refuses a duplicate after normalisation with 409 naming the fields in both languages', async () => {
    const refused = await server.request('POST', '/api/v1/records/account', {
      name: 'Someone Else',
      creditCode: 'ＡＢＣ　１２３',
    });
    expect(refused.status).toBe(201);
    const same = await server.request('POST', '/api/v1/records/account', { name: 'Other', creditCode: ' abc 123 ' });
    expect(same.status).toBe(409);
    expect(same.headers.get('content-type')).toContain('application/problem+json');
    expect(same.body.i18n).toEqual({
      en: 'a Customer with the same Unified social credit code already exists',
      zh: '已存在统一社会信用代码相同的客户',
    });
    expect(same.body.issues).toEqual([expect.objectContaining({ pointer: '/creditCode', keyword: 'unique' })]);
    // Nothing about the record holding the value.
    expect(JSON.stringify(same.body)).not.toContain('Someone Else');
    // Blank values never conflict.
    for (const creditCode of ['', '   ', '　', null]) {
      expect(
        (await server.request('POST', '/api/v1/records/account', { name: `Blank ${String(creditCode)}x`, creditCode }))
          .status,
      ).toBe(201);
      expect(
        (await server.request('POST', '/api/v1/records/account', { name: `Blank ${String(creditCode)}y`, creditCode }))
          .status,
      ).toBe(201);
    }
  });

  it('applies composite keys to the combination only, and to patches too', async () => {
    const create = (body: Record<string, unknown>, who: 'li' | 'wang' = 'li') =>
      server.request('POST', '/api/v1/records/account', body, as(who));
    expect((await create({ name: 'Harbour Foods', region: 'East' })).status).toBe(201);
    expect((await create({ name: 'Harbour Foods', region: 'West' })).status).toBe(201);
    expect((await create({ name: 'Harbour Foods' })).status).toBe(201);
    expect((await create({ name: 'Harbour Foods' })).status).toBe(201);
    const clash = await create({ name: ' HARBOUR FOODS ', region: 'East' }, 'wang');
    expect(clash.status).toBe(409);
    expect(clash.body.i18n.zh).toBe('已存在客户名称和区域相同的客户');
    expect(clash.body.issues.map((i: { pointer: string }) => i.pointer)).toEqual(['/name', '/region']);
    const north = await create({ name: 'Harbour Foods', region: 'North' });
    const moved = await server.request(
      'PATCH',
      `/api/v1/records/account/${north.body.id}`,
      { version: north.body.version, region: 'West' },
      as('li'),
    );
    expect(moved.status).toBe(409);
    expect(moved.body.i18n.zh).toBe('已存在客户名称和区域相同的客户');
  });
});

describe('the duplicate check', () => {
  let hangzhou: { id: string };
  beforeAll(async () => {
    // 王销售 owns these; 李销售 cannot read them.
    hangzhou = (
      await server.request(
        'POST',
        '/api/v1/records/account',
        { name: '杭州西湖智能制造有限公司', creditCode: '91330106MA2H0XYZ12', phone: '0571-8888 6666' },
        as('wang'),
      )
    ).body;
    await server.request(
      'POST',
      '/api/v1/records/account',
      { name: '李的客户有限公司', phone: '13800001111' },
      as('li'),
    );
  });
  const check = (body: unknown, who: 'li' | 'wang' = 'li', query = '') =>
    server.request('POST', `/api/v1/records/account/duplicates${query}`, body, as(who));

  it('finds by normalised credit code across owners, showing the title and the owner by default', async () => {
    const answer = await check({ creditCode: '９１３３０１０６ｍａ２ｈ０ｘｙｚ１２' });
    expect(answer.status).toBe(200);
    expect(answer.body.conflict).toBe(true);
    expect(answer.body.matches).toEqual([
      {
        readable: false,
        title: '杭州西湖智能制造有限公司',
        owner: { name: '王销售' },
        reasons: [{ kind: 'unique', fields: ['creditCode'] }],
        text: {
          en: 'Already exists: 杭州西湖智能制造有限公司, owner 王销售',
          zh: '已存在：杭州西湖智能制造有限公司，负责人 王销售',
        },
      },
    ]);
  });

  it('finds similar names (suffixes, brackets, spaces, prefixes) and phone numbers written otherwise', async () => {
    for (const name of [
      '杭州西湖智能制造（集团）有限公司',
      '杭州 西湖智能制造股份有限公司',
      '杭州西湖智能',
      '杭州西湖智能制造有限公司滨江分公司',
    ]) {
      const answer = await check({ name });
      expect(
        answer.body.matches.map((m: { title?: string }) => m.title),
        name,
      ).toEqual(['杭州西湖智能制造有限公司']);
      expect(answer.body.conflict).toBe(false);
    }
    expect((await check({ name: '宁波港口物流有限公司' })).body.matches).toEqual([]);
    const phone = await check({ phone: '0571 88886666' });
    expect(phone.body.matches[0]).toMatchObject({ reasons: [{ kind: 'same', fields: ['phone'] }] });
  });

  it('gives the id and links only for records the user may read, and leaves out the record being edited', async () => {
    const own = await check({ name: '李的客户' });
    expect(own.body.matches).toEqual([
      expect.objectContaining({
        readable: true,
        id: expect.any(String),
        title: '李的客户有限公司',
        owner: { id: users.li.id, name: '李销售' },
      }),
    ]);
    const editing = await check({ name: '李的客户' }, 'li', `?exclude=${String(own.body.matches[0].id)}`);
    expect(editing.body.matches).toEqual([]);
    const mine = await check({ creditCode: '91330106MA2H0XYZ12' }, 'wang');
    expect(mine.body.matches[0]).toMatchObject({ readable: true, id: hangzhou.id });
  });

  it('reveals only that a match exists, or nothing but unique conflicts, when the entity says so', async () => {
    expect((await publish(definitions(KEYS, 'exists'))).published.status).toBe(201);
    const exists = await check({ name: '杭州西湖智能制造', creditCode: '91330106MA2H0XYZ12' });
    expect(exists.body.matches).toEqual([
      {
        readable: false,
        reasons: [
          { kind: 'unique', fields: ['creditCode'] },
          { kind: 'same', fields: ['name'] },
        ],
        text: {
          en: 'A Customer with the same Unified social credit code already exists',
          zh: '已存在统一社会信用代码相同的客户',
        },
      },
    ]);
    expect(JSON.stringify(exists.body)).not.toMatch(/王销售|杭州西湖智能制造有限公司|[0-9a-f]{8}-/);
    expect((await publish(definitions(KEYS, 'nothing'))).published.status).toBe(201);
    expect((await check({ name: '杭州西湖智能制造' })).body.matches).toEqual([]);
    const conflict = await check({ creditCode: '91330106MA2H0XYZ12' });
    expect(conflict.body).toEqual({
      conflict: true,
      matches: [
        {
          readable: false,
          reasons: [{ kind: 'unique', fields: ['creditCode'] }],
          text: {
            en: 'A Customer with the same Unified social credit code already exists',
            zh: '已存在统一社会信用代码相同的客户',
          },
        },
      ],
    });
    expect((await publish(definitions(KEYS))).published.status).toBe(201);
  });

  it('refuses values that are not single field values with 422 and a bad exclude with 400', async () => {
    const bad = await check({ name: { nested: true }, unknown: 'x' });
    expect(bad.status).toBe(422);
    expect(bad.body.issues.map((i: { pointer: string }) => i.pointer).sort()).toEqual(['/name', '/unknown']);
    expect((await check({ name: 'x' }, 'li', '?exclude=nope')).status).toBe(400);
    expect((await check([1, 2])).status).toBe(422);
  });
});

describe('the API document', () => {
  it('describes the duplicate check of each entity with its keys and what it reveals', async () => {
    const doc = (await server.request('GET', '/api/v1/openapi.json')).body;
    const post = doc.paths['/records/account/duplicates'].post;
    expect(post.description).toContain('Unique keys: creditCode; name + region.');
    expect(post.description).toContain('their title and owner’s name');
    expect(Object.keys(post.requestBody.content['application/json'].schema.properties)).toEqual(
      expect.arrayContaining(['name', 'creditCode', 'phone']),
    );
    expect(post.requestBody.content['application/json'].schema.properties.tags).toBeUndefined();
  });
});

describe('definitions', () => {
  it('points at unknown fields, fields a key cannot compare and repeated keys', async () => {
    const set = definitions({
      unique: [
        { fields: ['nope'] },
        { fields: ['tags'] },
        { fields: ['region', 'name'] },
        { fields: ['name', 'region'] },
      ],
      duplicates: { match: ['tags', 'missing'] },
    });
    const put = await server.request('PUT', '/api/v1/meta/drafts/bad', { definitions: set });
    const issues = (put.body.issues as { pointer: string; keyword: string }[]).map((i) => `${i.pointer} ${i.keyword}`);
    expect(issues).toEqual(
      expect.arrayContaining([
        '/x-entity/unique/0/fields/0 unknownField',
        '/x-entity/unique/1/fields/0 uniqueKeyField',
        '/x-entity/unique/3/fields uniqueKeyRepeated',
        '/x-entity/duplicates/match/0 duplicateField',
        '/x-entity/duplicates/match/1 unknownField',
      ]),
    );
  });
});
