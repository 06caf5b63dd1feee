import { describe, expect, it } from 'vitest';
import type { EntityDefinition } from '../../definitions/entity.js';
import { validateWorkflow } from '../../definitions/validate-workflow.js';
import { listRoleReferences } from '../../definitions/role-references.js';
import type { WorkflowDefinition } from '../../definitions/workflow.js';
import { planAction, type ActionContext } from './index.js';
import { reachOf } from './notify-address.js';
import { placeholdersOf, renderTemplate } from './notify-template.js';

const OWNER = '00000000-0000-4000-8000-000000000001';
const ACTOR = '00000000-0000-4000-8000-000000000002';
const COLLECTOR = '00000000-0000-4000-8000-000000000003';

describe('whom the addresses reach', () => {
  const facts = {
    ownerId: OWNER,
    actorId: ACTOR,
    valueOf: (field: string) => ({ collector: COLLECTOR, blank: null, text: 'not a user' })[field],
  };

  it('asks one directory query for users, managers, roles and org units, each named once', () => {
    const { reach, addresses } = reachOf(
      [
        'owner',
        'owner.manager',
        'actor',
        { field: 'collector' },
        { role: 'finance' },
        { role: 'finance' },
        { orgUnit: '华东销售部' },
        { orgUnit: 'HQ', subUnits: true },
        'boss@example.com',
        'boss@example.com',
        'owner',
      ],
      facts,
    );
    expect(reach).toEqual({
      userIds: [OWNER, ACTOR, COLLECTOR],
      managersOf: [OWNER],
      roles: ['finance'],
      units: ['华东销售部'],
      unitsBelow: ['HQ'],
    });
    expect(addresses).toEqual(['boss@example.com']);
  });

  it('keeps the single string form, and names no one for a blank or malformed user', () => {
    expect(reachOf('owner.manager', facts).reach.managersOf).toEqual([OWNER]);
    const none = reachOf([{ field: 'blank' }, { field: 'text' }, 'owner'], { ...facts, ownerId: null });
    expect(none.reach.userIds).toEqual([]);
  });
});

describe('templates', () => {
  it('finds each placeholder once, spaces inside the braces allowed', () => {
    expect(placeholdersOf('{{customer}} 欠 {{ amount }}，{{customer}}；{{}} {{1x}} {customer}')).toEqual([
      'customer',
      'amount',
    ]);
  });

  it('replaces placeholders with the worded values and leaves other text alone', () => {
    const words: Record<string, string> = { customer: '华东机械', amount: '¥12,345.60' };
    expect(renderTemplate('逾期：{{customer}} {{ amount }} {not a placeholder}', (f) => words[f] ?? '')).toBe(
      '逾期：华东机械 ¥12,345.60 {not a placeholder}',
    );
  });
});

describe('planning', () => {
  const ctx: ActionContext = { record: {}, actor: { id: ACTOR, roles: [] }, event: 'OVERDUE', now: '' };

  it('carries the addresses and both languages to the shell; mail only when not turned off', () => {
    const title = { zh: '逾期：{{customer}}', en: 'Overdue: {{customer}}' };
    expect(planAction({ type: 'notify', params: { to: [{ role: 'finance' }], title, mail: false } }, ctx)).toEqual({
      kind: 'notify',
      phase: 'outbox',
      to: [{ role: 'finance' }],
      subject: title,
      body: '',
      mail: false,
    });
    expect(planAction({ type: 'notify', params: { to: 'owner' } }, ctx)).toEqual({
      kind: 'notify',
      phase: 'outbox',
      to: 'owner',
      subject: 'OVERDUE',
      body: '',
    });
  });
});

describe('validation', () => {
  const payment: EntityDefinition = {
    $id: 'payment',
    title: 'Payment',
    type: 'object',
    'x-i18n': { title: { zh: '回款', en: 'Payment' } },
    'x-entity': { titleField: 'title' },
    properties: {
      title: { type: 'string', maxLength: 100 },
      amount: { type: 'number' },
      collector: { type: 'string', format: 'uuid', 'x-user': true },
    },
  };
  const withNotify = (params: Record<string, unknown>): WorkflowDefinition => ({
    id: 'payment-flow',
    initial: 'open',
    meta: { entity: 'payment' },
    states: { open: { on: { OVERDUE: { target: 'overdue', actions: [{ type: 'notify', params }] } } }, overdue: {} },
  });
  const at = '/states/open/on/OVERDUE/actions/0/params';

  it('accepts every address kind, templates over fields and system columns, and the older string form', () => {
    const issues = validateWorkflow(
      withNotify({
        to: ['owner', 'owner.manager', 'actor', 'a@example.com', { role: 'finance' }, { field: 'collector' }],
        title: { zh: '{{title}} {{amount}}', en: '{{title}} {{state}}' },
        body: '{{owner_id}}',
      }),
      [payment],
    );
    expect(issues).toEqual([]);
    expect(validateWorkflow(withNotify({ to: 'owner', subject: 'Overdue', body: 'Pay' }), [payment])).toEqual([]);
  });

  it('names unknown placeholders, fields that hold no user, and a title given twice, in both languages', () => {
    const issues = validateWorkflow(
      withNotify({
        to: ['owner', { field: 'amount' }, { field: 'nope' }],
        title: { zh: '{{customer}}', en: '{{title}}' },
        subject: 'old',
        body: 'due {{dueDate}}',
      }),
      [payment],
    );
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ pointer: `${at}/subject`, keyword: 'titleTwice' }),
        expect.objectContaining({
          pointer: `${at}/to/1/field`,
          keyword: 'notUserField',
          i18n: expect.objectContaining({ zh: '“回款”的字段“amount”不是人员字段，不能作为通知对象' }),
        }),
        expect.objectContaining({ pointer: `${at}/to/2/field`, keyword: 'unknownField' }),
        expect.objectContaining({
          pointer: `${at}/title/zh`,
          keyword: 'unknownPlaceholder',
          i18n: { en: '{{customer}} names no field of "payment"', zh: '占位符 {{customer}} 不是“回款”的字段' },
        }),
        expect.objectContaining({ pointer: `${at}/body`, keyword: 'unknownPlaceholder' }),
      ]),
    );
    expect(issues).toHaveLength(5);
  });

  it('refuses an empty address list and unknown address shapes', () => {
    expect(validateWorkflow(withNotify({ to: [] }), [payment]).length).toBeGreaterThan(0);
    expect(validateWorkflow(withNotify({ to: { team: 'x' } }), [payment]).length).toBeGreaterThan(0);
    expect(validateWorkflow(withNotify({ to: 'nobody' }), [payment]).length).toBeGreaterThan(0);
  });

  it('reports the roles it names, so an unknown role is a publish issue', () => {
    expect(listRoleReferences(withNotify({ to: ['owner', { role: 'finance' }] }))).toEqual([
      { role: 'finance', pointer: `${at}/to/1/role` },
    ]);
    expect(listRoleReferences(withNotify({ to: { role: 'legal' } }))).toEqual([
      { role: 'legal', pointer: `${at}/to/role` },
    ]);
  });
});
