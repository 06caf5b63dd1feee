import type { HistoryRow, Text, WorkflowDefinition } from '@lodestar/core';
import { useMessages } from '@lodestar/ui-shared';
import { UserName } from '../fields/FieldValue';
import { useModel } from '../model/ModelContext';
import { APPROVAL_MESSAGES } from './approval-messages';

/** A history row's approval: the step by its title and the decision, and for whom a delegate decided. */
export function ApprovalNote({ row, workflow }: { row: HistoryRow; workflow: WorkflowDefinition }) {
  const { lang } = useModel();
  const t = useMessages(APPROVAL_MESSAGES);
  if (!row.approval) return null;
  const { step, role, decision, onBehalfOf } = row.approval;
  const id = step ?? role;
  const approval = row.from ? workflow.states[row.from]?.meta?.approval : undefined;
  const found = approval && 'steps' in approval ? approval.steps.find((s) => s.id === id) : undefined;
  const title = found?.title;
  const name = typeof title === 'string' ? title : ((title as Text | undefined)?.[lang] ?? id);
  return (
    <span className="timeline-approval" data-approval-step={id}>
      {' · '}
      {onBehalfOf && (
        <>
          {t.behalfBefore}
          <UserName id={onBehalfOf} />
          {t.behalfAfter}
          {' · '}
        </>
      )}
      {t.decided(name, decision === 'approved')}
    </span>
  );
}
