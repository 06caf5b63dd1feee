import { describe, expect, it } from 'vitest';
import type { DefinitionSet } from '../../definitions/definition-set.js';
import type { WorkflowDefinition } from '../../definitions/workflow.js';
import { validateDefinitionSet } from '../../definitions/validate-definition-set.js';
import { fanOutSet, mailingFlow } from '../../../test/support/fan-out-definitions.js';
import { planAction, type ActionContext } from './index.js';

const ctx: ActionContext = {
  record: { id: 'm1', segment: 'gold' },
  actor: { id: 'u1', roles: [] },
  event: 'SEND',
  now: '2026-12-07T10:00:00.000Z',
};

describe('createRecords plans', () => {
  it('leaves entity, selection, links, formulas and defaults for the shell, reading nothing', () => {
    const params = {
      entity: 'invitation',
      forEach: { entity: 'customer', where: 'segment = trigger.segment' },
      linkBack: 'mailing',
      linkSource: 'customer',
    };
    expect(planAction({ type: 'createRecords', params }, ctx)).toEqual({
      kind: 'createRecords',
      phase: 'inTransaction',
      entity: 'invitation',
      forEach: { entity: 'customer', where: 'segment = trigger.segment' },
      limit: 10_000,
      linkBack: 'mailing',
      linkSource: 'customer',
      set: {},
      owner: 'actor',
      runAs: 'engine',
    });
    const more = {
      ...params,
      forEach: { entity: 'customer', limit: 5 },
      owner: 'source',
      runAs: 'actor',
      set: { a: '1' },
    };
    expect(planAction({ type: 'createRecords', params: more }, ctx)).toMatchObject({
      forEach: { entity: 'customer' },
      limit: 5,
      owner: 'source',
      runAs: 'actor',
      set: { a: '1' },
    });
  });
});

/** The set with the mailing's SEND actions replaced by one createRecords with these params. */
function withSend(params: Record<string, unknown>): DefinitionSet {
  const set = fanOutSet();
  const flow = structuredClone(mailingFlow) as WorkflowDefinition & {
    states: { draft: { on: { SEND: { actions: unknown[] } } } };
  };
  flow.states.draft.on.SEND.actions = [{ type: 'createRecords', params }];
  return { ...set, workflows: [flow, ...set.workflows.filter((w) => w.id !== flow.id)] };
}

const base = {
  entity: 'invitation',
  forEach: { entity: 'customer', where: 'segment = trigger.segment' },
  linkBack: 'mailing',
  linkSource: 'customer',
};
const at = '/states/draft/on/SEND/actions/0/params';
const issuesOf = (params: Record<string, unknown>) =>
  validateDefinitionSet(withSend(params)).map((i) => ({ pointer: i.pointer, keyword: i.keyword, zh: i.i18n?.zh }));

describe('createRecords validation', () => {
  it('accepts the fixture set and reads the triggering record as `trigger`', () => {
    expect(validateDefinitionSet(fanOutSet())).toEqual([]);
    expect(issuesOf({ ...base, set: { label: 'trigger.name', invitedOn: 'trigger.sentOn' } })).toEqual([]);
  });

  it.each([
    ['an unknown entity', { entity: 'invite' }, '/entity', 'unknownEntity'],
    ['an unknown source entity', { forEach: { entity: 'client' } }, '/forEach/entity', 'unknownEntity'],
    ['a linkBack that does not exist', { linkBack: 'campaign' }, '/linkBack', 'unknownField'],
    ['a linkBack to another entity', { linkBack: 'customer', linkSource: 'mailing' }, '/linkBack', 'notManyToOne'],
    ['a linkSource that is not a relation', { linkSource: 'label' }, '/linkSource', 'notManyToOne'],
    ['a where that is not yes/no', { forEach: { entity: 'customer', where: 'name' } }, '/forEach/where', 'formula'],
    [
      'a where naming a missing field',
      { forEach: { entity: 'customer', where: 'tier = 1' } },
      '/forEach/where',
      'formula',
    ],
    ['an unknown field in set', { set: { notes: '"x"' } }, '/set/notes', 'unknownField'],
    ['a numbered field in set', { set: { number: '"x"' } }, '/set/number', 'readOnly'],
    ['a link field in set', { set: { mailing: 'trigger.id' } }, '/set/mailing', 'linkField'],
    ['a number into a date', { set: { invitedOn: '1' } }, '/set/invitedOn', 'formula'],
    ['a limit over the cap', { forEach: { entity: 'customer', limit: 10_001 } }, '/forEach/limit', 'maximum'],
    ['an unknown owner choice', { owner: 'manager' }, '/owner', 'enum'],
    ['an unknown record type', { recordType: 'vip' }, '/recordType', 'unknownRecordType'],
    ['a missing linkSource', { linkSource: undefined }, '/linkSource', 'required'],
  ])('refuses %s, with a pointer', (_what, change, pointer, keyword) => {
    const issues = issuesOf({ ...base, ...change });
    expect(issues).toContainEqual(expect.objectContaining({ pointer: `${at}${pointer}`, keyword }));
  });

  it('words the issues in Chinese too', () => {
    expect(issuesOf({ ...base, linkBack: 'campaign' })).toContainEqual(
      expect.objectContaining({ zh: '“邀请函”没有指向“邮寄活动”的多对一关联字段“campaign”' }),
    );
  });
});
