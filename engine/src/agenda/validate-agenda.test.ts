import { describe, expect, it } from 'vitest';
import type { EntityDefinition } from '../definitions/entity.js';
import { validateEntity } from '../definitions/validate-entity.js';

/** An agenda entity: x-entity.agenda names its due, reminder and open fields. */
function task(agenda: unknown): EntityDefinition {
  return {
    $id: 'task',
    title: 'Task',
    type: 'object',
    'x-entity': { titleField: 'subject', agenda } as EntityDefinition['x-entity'],
    properties: {
      subject: { type: 'string' },
      dueOn: { type: 'string', format: 'date' },
      dueAt: { type: 'string', format: 'date-time' },
      remindAt: { type: 'string', format: 'date-time' },
      status: { type: 'string', enum: ['open', 'doing', 'done'] },
      count: { type: 'integer' },
    },
  };
}
const context = { entityIds: new Set(['task']), workflowIds: new Set<string>() };
const issues = (agenda: unknown) =>
  validateEntity(task(agenda), context).map(({ pointer, keyword }) => ({ pointer, keyword }));

describe('x-entity.agenda', () => {
  it.each([
    { due: 'dueOn', open: { field: 'status', values: ['open', 'doing'] } },
    { due: 'dueAt', reminder: 'remindAt', open: { field: 'status', values: ['open'] } },
  ])('accepts %j', (agenda) => {
    expect(issues(agenda)).toEqual([]);
  });

  it.each([
    [{ due: 'nope', open: { field: 'status', values: ['open'] } }, '/x-entity/agenda/due', 'unknownField'],
    [{ due: 'count', open: { field: 'status', values: ['open'] } }, '/x-entity/agenda/due', 'fieldKind'],
    [
      { due: 'dueAt', reminder: 'dueOn', open: { field: 'status', values: ['open'] } },
      '/x-entity/agenda/reminder',
      'fieldKind',
    ],
    [{ due: 'dueAt', open: { field: 'subject', values: ['open'] } }, '/x-entity/agenda/open/field', 'fieldKind'],
    [{ due: 'dueAt', open: { field: 'status', values: ['open', 'closed'] } }, '/x-entity/agenda/open/values/1', 'enum'],
    [{ due: 'dueAt', open: { field: 'status', values: [] } }, '/x-entity/agenda/open/values', 'minItems'],
    [{ due: 'dueAt' }, '/x-entity/agenda/open', 'required'],
    [
      { due: 'dueAt', open: { field: 'status', values: ['open'] }, colour: 'red' },
      '/x-entity/agenda/colour',
      'additionalProperties',
    ],
  ])('refuses %j at %s (%s)', (agenda, pointer, keyword) => {
    expect(issues(agenda)).toContainEqual({ pointer, keyword });
  });
});
