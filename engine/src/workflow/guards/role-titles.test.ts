import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../../definitions/workflow.js';
import { compileMachine } from '../compile-machine.js';
import { decide } from '../decide.js';
import { evaluateGuard } from './index.js';

const roleTitle = (role: string) =>
  ({
    serviceManager: { en: 'Service manager', zh: '服务主管' },
    salesManager: { en: 'Sales manager', zh: '销售经理' },
  })[role] ?? { en: role, zh: role };
const rep = { id: 'u1', roles: ['serviceAgent'] };

describe('guard reasons name roles by title', () => {
  it('actorHasRole and approvalGiven', () => {
    expect(
      evaluateGuard(
        { type: 'actorHasRole', params: { roles: ['serviceManager', 'salesManager'] } },
        { record: {}, actor: rep, roleTitle },
      ),
    ).toEqual({
      reason: { en: 'only Service manager or Sales manager may do this', zh: '仅限服务主管或销售经理操作' },
    });
    expect(
      evaluateGuard(
        { type: 'approvalGiven', params: { role: 'serviceManager' } },
        { record: {}, actor: rep, approvals: [], roleTitle },
      ),
    ).toEqual({
      reason: { en: 'approval by Service manager is required', zh: '需要服务主管审批' },
    });
  });

  it('an approval stage refuses other roles by the approving role title, and an event the stage lacks by titles', () => {
    const workflow = {
      id: 'service',
      initial: 'pendingApproval',
      meta: { entity: 'serviceRequest' },
      states: {
        pendingApproval: {
          meta: { title: { zh: '待审批', en: 'Pending approval' }, approval: { role: 'serviceManager' } },
          on: { APPROVE: 'done', REJECT: 'done' },
        },
        done: { type: 'final', meta: { title: { zh: '已完成', en: 'Done' } }, on: {} },
      },
    } as unknown as WorkflowDefinition;
    const compiled = compileMachine(workflow, undefined, roleTitle);
    expect(
      decide(compiled, { state: 'pendingApproval', event: { type: 'APPROVE' }, record: {}, actor: rep }),
    ).toMatchObject({ ok: false, reason: { zh: '仅限服务主管审批' } });
    expect(decide(compiled, { state: 'done', event: { type: 'APPROVE' }, record: {}, actor: rep })).toMatchObject({
      ok: false,
      reason: { zh: '“已完成”阶段不能执行“APPROVE”' },
    });
  });
});
