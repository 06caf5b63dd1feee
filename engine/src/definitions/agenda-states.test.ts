import { describe, expect, it } from 'vitest';
import { checkAgendaStates } from './agenda-states.js';
import type { EntityDefinition } from './entity.js';
import type { WorkflowDefinition } from './workflow.js';

const payment = (values: string[], field = 'state') =>
  ({
    $id: 'payment',
    properties: { dueDate: { type: 'string', format: 'date' } },
    'x-entity': { agenda: { due: 'dueDate', open: { field, values } } },
  }) as unknown as EntityDefinition;
const collection = {
  workflow: { id: 'collection', meta: { entity: 'payment' }, states: { open: {}, overdue: {}, paid: {} } },
} as unknown as { workflow: WorkflowDefinition };
const file = () => 'schemas/payment.schema.json';

describe('an agenda open while the workflow is in some stages', () => {
  it('accepts stages of the bound workflow', () => {
    expect(checkAgendaStates([payment(['open', 'overdue'])], [collection], file)).toEqual([]);
  });

  it('refuses a value that is no stage, at its pointer, in both languages', () => {
    const [issue, ...more] = checkAgendaStates([payment(['open', 'late'])], [collection], file);
    expect(more).toEqual([]);
    expect(issue).toMatchObject({
      file: 'schemas/payment.schema.json',
      pointer: '/x-entity/agenda/open/values/1',
      keyword: 'enum',
      i18n: { zh: '“late”不是该实体流程的阶段' },
    });
  });

  it('refuses the stage on an entity no workflow binds', () => {
    const issues = checkAgendaStates([payment(['open'])], [], file);
    expect(issues.map((i) => [i.pointer, i.keyword])).toEqual([['/x-entity/agenda/open/field', 'unknownField']]);
  });

  it('leaves a choice field as the open field to the entity check', () => {
    expect(checkAgendaStates([payment(['x'], 'status')], [], file)).toEqual([]);
  });
});
