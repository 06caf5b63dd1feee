import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createActor, transition } from 'xstate';
import type { WorkflowDefinition } from '../src/definitions/workflow.js';
import { compileMachine } from '../src/workflow/compile-machine.js';
import { pureTransition } from '../src/workflow/pure-transition.js';
import { FIXTURES, REPO_ROOT } from './support/paths.js';

/**
 * workflow/pure-transition.ts hands XState a hand-made actor scope (building a real actor per event was
 * most of a transition's cost). That leans on XState internals, so XState is pinned to one exact version
 * and this test holds the forged scope to that version: same members as a real actor's scope, same
 * snapshots and actions as XState's own pure `transition()`.
 */
const load = (name: string) =>
  JSON.parse(readFileSync(join(FIXTURES, 'workflows/valid', `${name}.json`), 'utf8')) as WorkflowDefinition;
const sales = compileMachine(load('opportunity-sales'));

const record = {
  id: 'r1',
  name: 'Deal',
  customer: 'c1',
  contacts: ['p1'],
  amount: 1000,
  expectedCloseDate: '2026-12-31',
  lostReason: '',
};
const actor = { id: 'u1', roles: ['sales'] };

describe('the forged XState scope', () => {
  it('is used with exactly the XState version engine/package.json pins', () => {
    const spec = (
      JSON.parse(readFileSync(join(REPO_ROOT, 'engine/package.json'), 'utf8')) as {
        dependencies: Record<string, string>;
      }
    ).dependencies.xstate;
    expect(spec).toMatch(/^\d+\.\d+\.\d+$/);
    const installed = (
      createRequire(join(REPO_ROOT, 'engine/package.json'))('xstate/package.json') as { version: string }
    ).version;
    expect(installed).toBe(spec);
  });

  it('has the members of a real actor scope', () => {
    const real = (
      createActor(sales.machine, { input: { record: {}, actor: { id: '', roles: [] } } }) as unknown as {
        _actorScope: object;
      }
    )._actorScope;
    expect(real).toBeDefined();
    const forged = ['self', 'system', 'id', 'sessionId', 'defer', 'logger', 'stopChild', 'emit', 'actionExecutor'];
    expect(Object.keys(real).sort()).toEqual(forged.sort());
  });

  it.each([
    ['interestShown', 'MEET_DECISION_MAKERS'],
    ['solutionProposed', 'DEMONSTRATE'],
    ['verbalCommitment', 'NEGOTIATE'],
    ['demonstration', 'LOSE'],
    ['initialContact', 'SIGN'],
    ['contractNegotiation', 'xstate.after.sla-contractNegotiation.opportunity-sales.contractNegotiation'],
  ])('moves %s on %s as XState transition() does', (state, type) => {
    const snapshot = () => sales.machine.resolveState({ value: state, context: { record, actor } });
    const [ours, ourActions] = pureTransition(sales, snapshot(), { type } as never);
    const [theirs, theirActions] = transition(sales.machine, snapshot(), { type } as never);
    expect(ours.value).toEqual(theirs.value);
    expect(ours.context).toEqual(theirs.context);
    expect(ours.status).toEqual(theirs.status);
    const shape = (actions: { type: string; params?: unknown }[]) =>
      actions.map((a) => ({ type: a.type, params: a.params }));
    expect(shape(ourActions)).toEqual(shape(theirActions as { type: string; params?: unknown }[]));
  });
});
