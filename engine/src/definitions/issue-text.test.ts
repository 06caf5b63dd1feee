import { describe, expect, it } from 'vitest';
import type { DefinitionSet } from './definition-set.js';
import type { EntityDefinition } from './entity.js';
import type { WorkflowDefinition } from './workflow.js';
import { validateDefinitionSet } from './validate-definition-set.js';

const deal = {
  $id: 'deal',
  title: 'Deal',
  type: 'object',
  required: ['name', 'noSuchField'],
  'x-entity': { titleField: 'name' },
  properties: { name: { type: 'string', maxLength: 'long' } },
} as unknown as EntityDefinition;
const sales = {
  id: 'sales',
  initial: 'lead',
  meta: { entity: 'deal' },
  states: { lead: { on: { TELEPORT: { target: 'nowhere' } } } },
} as unknown as WorkflowDefinition;

describe('definition issues in both languages', () => {
  it('gives every issue a Chinese text from its rule and the names it quotes', () => {
    const issues = validateDefinitionSet({ entities: [deal], workflows: [sales] } as DefinitionSet);
    expect(issues.length).toBeGreaterThan(1);
    for (const issue of issues) {
      expect(issue.i18n?.en).toBe(issue.message);
      expect(issue.i18n?.zh, JSON.stringify(issue)).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(issues.find((i) => i.keyword === 'unknownState')?.i18n?.zh).toBe('阶段“nowhere”不存在');
    expect(issues.find((i) => i.keyword === 'type')?.i18n?.zh).toMatch(/^应为/);
  });
});
