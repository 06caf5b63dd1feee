import { describe, expect, it } from 'vitest';
import { APPROVAL_DEFINITIONS, EXPENSE_FLOW, QUOTE_FLOW } from '../../test/support/approval-definitions.js';
import type { DefinitionSet } from '../definitions/definition-set.js';
import type { WorkflowDefinition } from '../definitions/workflow.js';
import { validateDefinitionSet } from '../definitions/validate-definition-set.js';

/** The approval of the quote flow's pending state replaced by `approval` (and its `on` by `on`, when given). */
function withApproval(approval: unknown, on?: unknown): DefinitionSet {
  const flow = structuredClone(QUOTE_FLOW) as unknown as { states: Record<string, { meta: object; on?: unknown }> };
  flow.states.pending!.meta = { ...flow.states.pending!.meta, approval };
  if (on !== undefined) flow.states.pending!.on = on;
  return {
    ...APPROVAL_DEFINITIONS,
    workflows: [flow as unknown as WorkflowDefinition, ...APPROVAL_DEFINITIONS.workflows.slice(1)],
  };
}

const STEPS = '/states/pending/meta/approval/steps';
const issuesOf = (set: DefinitionSet) =>
  validateDefinitionSet(set).map(({ pointer, keyword, i18n }) => ({ pointer, keyword, zh: i18n?.zh }));

describe('approval steps are checked at publish, with pointers, in both languages', () => {
  it('accepts the example flows', () => {
    expect(validateDefinitionSet(APPROVAL_DEFINITIONS)).toEqual([]);
    expect(EXPENSE_FLOW.states.pending?.meta?.approval).toBeDefined();
  });

  it('names a role roles.json does not define', () => {
    const set = withApproval({ steps: [{ id: 'cfo', approver: { role: 'cfo' } }] });
    expect(issuesOf(set)).toContainEqual({
      pointer: `${STEPS}/0/approver/role`,
      keyword: 'unknownRole',
      zh: '角色“cfo”未定义',
    });
  });

  it('refuses a user field that does not exist or is not a user field', () => {
    const set = withApproval({
      steps: [
        { id: 'a', approver: { userField: 'nobody' } },
        { id: 'b', approver: { userField: 'name' } },
      ],
    });
    expect(issuesOf(set)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ pointer: `${STEPS}/0/approver/userField`, keyword: 'unknownField' }),
        {
          pointer: `${STEPS}/1/approver/userField`,
          keyword: 'userField',
          zh: '字段“name”不是人员字段，不能用来指定审批人',
        },
      ]),
    );
  });

  it('wants `when` to be a yes/no formula over known fields of the record itself', () => {
    const set = withApproval({
      steps: [
        { id: 'a', approver: { role: 'salesDirector' }, when: 'discount * 2' },
        { id: 'b', approver: { role: 'salesDirector' }, when: 'margin > 0.3' },
        { id: 'c', approver: { role: 'salesDirector' }, when: 'discount >' },
      ],
    });
    const issues = issuesOf(set);
    expect(issues).toContainEqual({
      pointer: `${STEPS}/0/when`,
      keyword: 'formula',
      zh: '表达式的结果是数字，这里需要是/否（条件）',
    });
    expect(issues).toContainEqual(expect.objectContaining({ pointer: `${STEPS}/1/when`, keyword: 'formula' }));
    expect(issues).toContainEqual(expect.objectContaining({ pointer: `${STEPS}/2/when`, keyword: 'formula' }));
  });

  it('refuses empty steps and repeated step ids', () => {
    expect(issuesOf(withApproval({ steps: [] }))).toContainEqual(
      expect.objectContaining({ pointer: STEPS, keyword: 'minItems' }),
    );
    const twice = withApproval({
      steps: [
        { id: 'same', approver: { role: 'salesDirector' } },
        { id: 'same', approver: { ownerManager: true } },
      ],
    });
    expect(issuesOf(twice)).toContainEqual({
      pointer: `${STEPS}/1/id`,
      keyword: 'duplicateId',
      zh: '审批步骤标识“same”重复',
    });
  });

  it('refuses an approval state without APPROVE and REJECT transitions', () => {
    const set = withApproval({ steps: [{ id: 'a', approver: { ownerManager: true } }] }, { CANCEL: 'draft' });
    const issues = issuesOf(set);
    expect(issues).toContainEqual(
      expect.objectContaining({ pointer: '/states/pending/on/APPROVE', keyword: 'approvalTransition' }),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({ pointer: '/states/pending/on/REJECT', keyword: 'approvalTransition' }),
    );
  });

  it('refuses an approver of no known kind', () => {
    expect(issuesOf(withApproval({ steps: [{ id: 'a', approver: { team: 'x' } }] }))).toContainEqual(
      expect.objectContaining({ pointer: expect.stringContaining(`${STEPS}/0/approver`) }),
    );
  });
});
