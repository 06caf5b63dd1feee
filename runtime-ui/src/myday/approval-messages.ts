import { defineMessages, type MessagesOf } from '@lodestar/ui-shared';

export const APPROVAL_MESSAGES = defineMessages({
  zh: {
    heading: '待我审批',
    step: (step: string) => `审批环节：${step}`,
    owner: (name: string) => `负责人：${name}`,
    onBehalfOf: (name: string) => `代${name}审批`,
    waitingSince: (days: number) => (days <= 0 ? '今天提交' : `已等待 ${days} 天`),
    approve: '同意',
    reject: '驳回',
    confirmApprove: '确认同意',
    confirmReject: '确认驳回',
    cancel: '取消',
    approveComment: '审批意见（选填）',
    rejectComment: '驳回原因（必填）',
    rejectNeedsReason: '请填写驳回原因',
    approved: '已同意',
    rejected: '已驳回',
    failed: '审批未成功',
    decided: (step: string, approved: boolean) => `${step}：${approved ? '同意' : '驳回'}`,
    // Around a user's name, which the history shows as a link-free name component.
    behalfBefore: '代',
    behalfAfter: '审批',
  },
  en: {
    heading: 'Awaiting my approval',
    step: (step: string) => `Step: ${step}`,
    owner: (name: string) => `Owner: ${name}`,
    onBehalfOf: (name: string) => `On behalf of ${name}`,
    waitingSince: (days: number) =>
      days <= 0 ? 'Submitted today' : `Waiting for ${days} ${days === 1 ? 'day' : 'days'}`,
    approve: 'Approve',
    reject: 'Reject',
    confirmApprove: 'Confirm approval',
    confirmReject: 'Confirm rejection',
    cancel: 'Cancel',
    approveComment: 'Comment (optional)',
    rejectComment: 'Reason for rejecting (required)',
    rejectNeedsReason: 'Please give a reason for rejecting',
    approved: 'Approved',
    rejected: 'Rejected',
    failed: 'The decision was not recorded',
    decided: (step: string, approved: boolean) => `${step}: ${approved ? 'approved' : 'rejected'}`,
    behalfBefore: 'on behalf of ',
    behalfAfter: '',
  },
});

export type ApprovalMessages = MessagesOf<typeof APPROVAL_MESSAGES>;
