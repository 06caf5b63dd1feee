import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { transition } from 'xstate';
import { FIXTURES } from '../../test/support/paths.js';
import type { WorkflowDefinition } from '../definitions/workflow.js';
import { compileMachine } from './compile-machine.js';

const dir = join(FIXTURES, 'workflows/valid');
const workflows = readdirSync(dir).map(
  (name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as WorkflowDefinition,
);
const input = { record: { amount: 10, contacts: ['p1'] }, actor: { id: 'u1', roles: ['manager'] } };

describe('compileMachine', () => {
  it.each(workflows.map((w) => [w.id, w] as const))('%s restores every state from its name alone', (_id, workflow) => {
    const { machine } = compileMachine(workflow);
    for (const state of Object.keys(workflow.states)) {
      expect(machine.resolveState({ value: state, context: input }).value).toBe(state);
    }
  });

  it('names delays after their `after` keys, with sla made per state', () => {
    const compiled = compileMachine(workflows.find((w) => w.id === 'opportunity-sales')!);
    expect(Object.fromEntries(compiled.afterKeys)).toEqual({ P30D: 'P30D', 'sla-contractNegotiation': 'sla' });
  });

  it('evaluates library guards against the context it is given', () => {
    const { machine } = compileMachine(workflows.find((w) => w.id === 'opportunity-sales')!);
    const ready = machine.resolveState({ value: 'needsIdentified', context: input });
    const empty = machine.resolveState({ value: 'needsIdentified', context: { ...input, record: {} } });
    expect(transition(machine, ready, { type: 'PROPOSE' })[0].value).toBe('solutionProposed');
    expect(transition(machine, empty, { type: 'PROPOSE' })[0].value).toBe('needsIdentified');
  });
});
