import { describe, expect, it } from 'vitest';
import type { DefinitionSet, EntityDefinition } from '@lodestar/core';
import {
  entityAtPath,
  entityOptions,
  eventOptions,
  pathOptions,
  relationOptions,
  roleOptions,
  withValue,
  writableFieldOptions,
} from './param-options';

const entity = (id: string, zh: string, properties: Record<string, unknown>) =>
  ({
    $id: id,
    type: 'object',
    'x-i18n': { title: { zh, en: id } },
    'x-entity': { table: id, titleField: 'name' },
    properties,
  }) as unknown as EntityDefinition;

const to = (target: string, zh: string) => ({
  type: 'string',
  format: 'uuid',
  'x-relation': { entity: target },
  'x-i18n': { title: { zh } },
});

const entities = [
  entity('account', '客户', {
    name: { type: 'string', 'x-i18n': { title: { zh: '名称' } } },
    parent: to('account', '上级客户'),
  }),
  entity('contact', '联系人', {
    name: { type: 'string' },
    account: to('account', '所属客户'),
    referrer: to('contact', '推荐人'),
  }),
  entity('survey', '调查', { name: { type: 'string' } }),
  entity('response', '答卷', {
    survey: to('survey', '所属调查'),
    contact: to('contact', '受访人'),
    score: { type: 'integer', 'x-i18n': { title: { zh: '得分' } } },
    total: { type: 'number', 'x-formula': 'score * 2' },
  }),
];

describe('the choices a workflow param offers by title', () => {
  it('lists entities and the relation fields between two of them', () => {
    expect(entityOptions(entities, 'zh').map((o) => o.label)).toEqual(['客户', '联系人', '调查', '答卷']);
    expect(relationOptions(entities, 'contact', 'account', 'zh')).toEqual([{ value: 'account', label: '所属客户' }]);
    expect(relationOptions(entities, 'response', 'survey', 'zh')).toEqual([{ value: 'survey', label: '所属调查' }]);
    expect(relationOptions(entities, 'response', 'account', 'zh')).toEqual([]);
    expect(relationOptions(entities, undefined, 'account', 'zh')).toEqual([]);
  });

  it('offers only the fields an action may write', () => {
    expect(writableFieldOptions(entities, 'response', 'zh').map((o) => o.value)).toEqual([
      'survey',
      'contact',
      'score',
    ]);
  });

  it('walks many-to-one paths by title and back to the entity they end at', () => {
    expect(pathOptions(entities, 'contact', 'zh')).toEqual([
      { value: 'account', label: '所属客户' },
      { value: 'account.parent', label: '所属客户 › 上级客户' },
      { value: 'referrer', label: '推荐人' },
    ]);
    expect(entityAtPath(entities, 'contact', 'account.parent')).toBe('account');
    expect(entityAtPath(entities, 'contact', 'name')).toBeUndefined();
  });

  it('names roles and events by title, and keeps a value no option holds', () => {
    const set = {
      entities,
      workflows: [
        {
          id: 'survey-flow',
          meta: { entity: 'survey' },
          initial: 'draft',
          states: {
            draft: { on: { SEND: { target: 'sent', meta: { title: { zh: '发出', en: 'Send' } } } } },
            sent: { on: { CLOSE: 'closed' } },
            closed: {},
          },
        },
      ],
      roles: { roles: { sales: { title: { zh: '销售', en: 'Sales' }, entities: {} } } },
    } as unknown as DefinitionSet;
    expect(roleOptions(set, 'zh')).toEqual([{ value: 'sales', label: '销售' }]);
    expect(eventOptions(set, 'survey', 'zh')).toEqual([
      { value: 'SEND', label: '发出' },
      { value: 'CLOSE', label: 'CLOSE' },
    ]);
    expect(eventOptions(set, 'account', 'zh')).toEqual([]);
    expect(withValue([{ value: 'a', label: 'A' }], 'gone')).toEqual([
      { value: 'a', label: 'A' },
      { value: 'gone', label: 'gone ⚠' },
    ]);
  });
});

describe("a new record's copy and values as rows", () => {
  it('reads a list or a map of copied fields, and writes a list when each row copies a field onto its namesake', async () => {
    const { copyParam, copyRows } = await import('./param-options');
    expect(copyRows(['name', 'phone'])).toEqual([
      ['name', 'name'],
      ['phone', 'phone'],
    ]);
    expect(copyRows({ title: 'name' })).toEqual([['title', 'name']]);
    expect(
      copyParam([
        ['name', 'name'],
        ['phone', 'phone'],
      ]),
    ).toEqual(['name', 'phone']);
    expect(
      copyParam([
        ['name', 'name'],
        ['title', 'subject'],
      ]),
    ).toEqual({ name: 'name', title: 'subject' });
    expect(copyParam([['', 'name']])).toBeUndefined();
  });

  it('keeps fixed values typed and sources as { from }', async () => {
    const { valueParam, valueRows } = await import('./param-options');
    const rows = valueRows({ status: 'open', amount: 5, done: false, owner: { from: 'actor.id' } });
    expect(rows).toEqual([
      { field: 'status', fixed: 'open' },
      { field: 'amount', fixed: '5' },
      { field: 'done', fixed: 'false' },
      { field: 'owner', from: 'actor.id' },
    ]);
    expect(valueParam(rows)).toEqual({ status: 'open', amount: 5, done: false, owner: { from: 'actor.id' } });
    expect(valueParam([{ field: '', fixed: 'x' }])).toBeUndefined();
  });
});
