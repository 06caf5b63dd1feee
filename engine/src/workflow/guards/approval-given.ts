import type { GuardSpec } from './types.js';

/**
 * Passes when an approval was recorded since the record entered its state (by `role` when given)
 * and the latest decision for that role is not a rejection.
 */
export const approvalGiven: GuardSpec<{ role?: string }> = {
  name: 'approvalGiven',
  params: {
    type: 'object',
    properties: { role: { type: 'string', minLength: 1 } },
    additionalProperties: false,
  },
  evaluate(ctx, { role }) {
    const decisions = (ctx.approvals ?? []).filter((a) => role === undefined || a.role === role);
    const latest = [...decisions].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)).at(-1);
    if (latest?.decision === 'approved') return true;
    const title = role ? (ctx.roleTitle?.(role) ?? { en: role, zh: role }) : undefined;
    const who = title ? ` by ${title.en}` : '';
    if (latest?.decision === 'rejected')
      return { reason: { en: `approval${who} was rejected`, zh: title ? `${title.zh}已驳回审批` : '审批被驳回' } };
    return { reason: { en: `approval${who} is required`, zh: title ? `需要${title.zh}审批` : '需要审批' } };
  },
};
