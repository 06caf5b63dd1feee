import type { GuardSpec } from './types.js';

/**
 * Passes when an approval was recorded since the record entered its state (by `role` when given: a role or
 * an approval step's id) and the latest decision for it is not a rejection. Without `role`, in a state whose
 * approval has steps, it passes when the whole approval is complete (every step that applies, or any one).
 */
export const approvalGiven: GuardSpec<{ role?: string }> = {
  name: 'approvalGiven',
  params: {
    type: 'object',
    properties: { role: { type: 'string', minLength: 1 } },
    additionalProperties: false,
  },
  evaluate(ctx, { role }) {
    if (role === undefined && ctx.approval) {
      if (ctx.approval.complete) return true;
      return ctx.approval.rejected
        ? { reason: { en: 'the approval was rejected', zh: '审批被驳回' } }
        : { reason: { en: 'the approval is not complete yet', zh: '审批尚未全部完成' } };
    }
    const decisions = (ctx.approvals ?? []).filter((a) => role === undefined || a.role === role || a.step === role);
    const latest = [...decisions].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)).at(-1);
    if (latest?.decision === 'approved') return true;
    const title = role ? (ctx.roleTitle?.(role) ?? { en: role, zh: role }) : undefined;
    const who = title ? ` by ${title.en}` : '';
    if (latest?.decision === 'rejected')
      return { reason: { en: `approval${who} was rejected`, zh: title ? `${title.zh}已驳回审批` : '审批被驳回' } };
    return { reason: { en: `approval${who} is required`, zh: title ? `需要${title.zh}审批` : '需要审批' } };
  },
};
