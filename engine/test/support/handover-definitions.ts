import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A small model for handover tests, written to a temporary folder: `account` (no workflow), `deal` whose
 * record types follow different workflows with different final states (newBusiness: won / lost,
 * renewal: renewed / churned), and `task` (no workflow).
 */
export function writeHandoverDefinitions(): string {
  const folder = mkdtempSync(join(tmpdir(), 'lodestar-handover-'));
  mkdirSync(join(folder, 'schemas'));
  mkdirSync(join(folder, 'workflows'));
  const write = (path: string, value: unknown) => writeFileSync(join(folder, path), JSON.stringify(value, null, 2));
  write('schemas/account.schema.json', {
    $id: 'account',
    title: 'Account',
    type: 'object',
    'x-entity': { titleField: 'name' },
    properties: { name: { type: 'string' } },
    required: ['name'],
  });
  write('schemas/deal.schema.json', {
    $id: 'deal',
    title: 'Deal',
    type: 'object',
    'x-entity': {
      titleField: 'name',
      recordTypes: { newBusiness: { title: 'New business' }, renewal: { title: 'Renewal' } },
    },
    properties: { name: { type: 'string' } },
    required: ['name'],
  });
  write('schemas/task.schema.json', {
    $id: 'task',
    title: 'Task',
    type: 'object',
    'x-entity': { titleField: 'name' },
    properties: { name: { type: 'string' } },
    required: ['name'],
  });
  write('workflows/sales.workflow.json', {
    id: 'sales',
    initial: 'lead',
    meta: { entity: 'deal', recordType: 'newBusiness' },
    states: { lead: { on: { WIN: 'won', LOSE: 'lost' } }, won: { type: 'final' }, lost: { type: 'final' } },
  });
  write('workflows/renewals.workflow.json', {
    id: 'renewals',
    initial: 'due',
    meta: { entity: 'deal', recordType: 'renewal' },
    states: {
      due: { on: { RENEW: 'renewed', CHURN: 'churned' } },
      renewed: { type: 'final' },
      churned: { type: 'final' },
    },
  });
  return folder;
}
