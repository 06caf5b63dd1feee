import { describe, expect, it } from 'vitest';
import { readFolder } from '../src/definitions/read-folder.js';
import { validateDefinitionSet } from '../src/definitions/validate-definition-set.js';
import { compileModel, type Model } from '../src/model/compile-model.js';
import { writeHandoverDefinitions } from './support/handover-definitions.js';
import { planHandover } from '../src/handover/handover-plan.js';
import { countOwnedSql, moveOwnerSql } from '../src/handover/handover-sql.js';

async function model(): Promise<Model> {
  const { set, files } = await readFolder(writeHandoverDefinitions());
  expect(validateDefinitionSet(set, files)).toEqual([]);
  return compileModel(set, 1, 'hash');
}

describe('planHandover', () => {
  it('takes every entity, whole, by default', async () => {
    expect(planHandover(await model(), {})).toEqual({
      targets: [
        { entity: 'account', table: 'account', closedStates: [] },
        { entity: 'deal', table: 'deal', closedStates: [] },
        { entity: 'task', table: 'task', closedStates: [] },
      ],
      issues: [],
    });
  });

  it('with onlyOpen keeps the final states of every workflow the record types follow', async () => {
    const { targets } = planHandover(await model(), { onlyOpen: true });
    expect(targets.map((t) => [t.entity, t.closedStates])).toEqual([
      ['account', []],
      ['deal', ['churned', 'lost', 'renewed', 'won']],
      ['task', []],
    ]);
  });

  it('takes the listed entities once each and names unknown ones by index', async () => {
    const plan = planHandover(await model(), { entities: ['deal', 'nope', 'deal', 'lodestar.user'] });
    expect(plan.targets.map((t) => t.entity)).toEqual(['deal']);
    expect(plan.issues.map((i) => i.pointer)).toEqual(['/entities/1', '/entities/3']);
  });
});

describe('handover SQL', () => {
  const from = '0a000000-0000-4000-8000-00000000000a';
  const to = '0b000000-0000-4000-8000-00000000000b';
  const deal = { entity: 'deal', table: 'deal', closedStates: ['lost', 'won'] };

  it('moves and audits in one statement; a dry run counts under the same condition', () => {
    const move = moveOwnerSql(deal, { fromUserId: from, toUserId: to, actorId: null, requestId: 'r1' });
    expect(move.sql).toMatch(
      /^with moved as \(update "deal" as t set owner_id = \?::uuid, version = t\.version \+ 1, .* returning t\.id\), audited as \(insert into lodestar_audit .* from moved\) select count\(\*\) as n from moved$/,
    );
    expect(move.sql.split('?').length - 1).toBe(move.bindings.length);
    expect(move.bindings.slice(0, 5)).toEqual([to, null, from, 'lost', 'won']);
    const count = countOwnedSql(deal, from);
    expect(count.sql).toBe(
      'select count(*) as n from "deal" as t where t.owner_id = ?::uuid and (t.state is null or t.state not in (?, ?))',
    );
    expect(count.bindings).toEqual([from, 'lost', 'won']);
  });
});
