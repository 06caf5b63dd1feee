import { describe, expect, it } from 'vitest';
import { issuePlace } from './issue-place';
import type { Workflow } from './types';

const workflow = {
  id: 'distributor',
  initial: 'shenQing',
  meta: { entity: 'customer', title: { zh: '经销商签约', en: 'Distributor signing' } },
  states: {
    shenQing: {
      meta: { title: { zh: '申请', en: 'Application' } },
      on: { TI_JIAO: { target: 'done', meta: { title: { zh: '提交审批', en: 'Submit' } } }, PLAIN: 'done' },
    },
    done: { type: 'final', meta: { title: { zh: '已签约', en: 'Signed' } } },
  },
} as unknown as Workflow;

describe('where an issue is, in words', () => {
  it('names the stage and the transition by their titles, never the pointer', () => {
    expect(issuePlace(workflow, '/states/shenQing/on/TI_JIAO/guard/params/message/en', 'zh')).toBe(
      '阶段“申请”的流转“提交审批”',
    );
    expect(issuePlace(workflow, '/states/shenQing/on/TI_JIAO', 'en')).toBe(
      'Transition “Submit” of stage “Application”',
    );
    expect(issuePlace(workflow, '/states/done/meta/approval', 'zh')).toBe('阶段“已签约”');
    expect(issuePlace(workflow, '/states/shenQing/on/PLAIN', 'zh')).toBe('阶段“申请”的流转“PLAIN”');
    expect(issuePlace(workflow, '/states/shenQing/on/APPROVE', 'zh')).toBe('阶段“申请”');
    expect(issuePlace(workflow, '/initial', 'zh')).toBe('整个流程');
    expect(issuePlace(workflow, '', 'en')).toBe('The whole workflow');
  });
});
