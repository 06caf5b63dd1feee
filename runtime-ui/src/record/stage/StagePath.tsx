import { useRef } from 'react';
import { useApi, useMessages } from '@lodestar/ui-shared';
import { useModel } from '../../model/ModelContext';
import { stateTitle } from '../../model/labels';
import type { HistoryRow, WorkflowDefinition } from '@lodestar/core';
import type { RecordJson } from '../../model/types';
import { RECORD_MESSAGES } from '../messages';
import { dateTimeText, durationText } from '../time';
import { enteredStates, isDone, stageSteps } from './stages';

/**
 * The workflow's stages as a path: the ones the record entered and left ticked (from its history, so a skipped
 * stage is never ticked), the current one in its color, outcomes at the end.
 */
export function StagePath({
  entity,
  workflow,
  record,
  changes,
}: {
  entity: string;
  workflow: WorkflowDefinition;
  record: RecordJson;
  changes: number;
}) {
  const { lang } = useModel();
  const t = useMessages(RECORD_MESSAGES);
  const current = (record.state as string | null) ?? workflow.initial;
  const steps = stageSteps(workflow);
  const targets = useEnteredTargets(entity, record.id, changes);
  const entered = enteredStates(workflow, targets, current);
  const enteredAt = typeof record.state_entered_at === 'string' ? Date.parse(record.state_entered_at) : NaN;
  const breached = record.sla_breached_at;
  return (
    <div className="stage-block">
      <ol className="stage-path" data-testid="stage-path" aria-label={t.stagePath}>
        {steps.map((step) => {
          const here = step.id === current;
          const passed = isDone(step, current, entered);
          const className = `stage-step${here ? ' is-current' : ''}${passed ? ' is-passed' : ''}${step.final ? ` is-final is-${step.outcome}` : ''}`;
          return (
            <li
              key={step.id}
              className={className}
              data-state={step.id}
              aria-current={here ? 'step' : undefined}
              style={here ? { background: step.color, borderColor: step.color } : undefined}
            >
              <span className="stage-step-title">
                {passed && (
                  <span className="stage-tick" aria-hidden="true">
                    ✓{' '}
                  </span>
                )}
                {stateTitle(workflow, step.id, lang)}
              </span>
              {step.probability !== undefined && <span className="stage-step-probability">{step.probability}%</span>}
            </li>
          );
        })}
      </ol>
      <div className="stage-facts">
        {!Number.isNaN(enteredAt) && (
          <span data-testid="time-in-stage">{t.inStageFor(durationText(Date.now() - enteredAt, t))}</span>
        )}
        {typeof breached === 'string' && breached && (
          <span className="stage-sla" data-testid="sla-breached" role="status">
            {t.slaBreached(dateTimeText(breached, lang))}
          </span>
        )}
      </div>
    </div>
  );
}

/** The states the record's history entered, as the history tab reads them; the last answer stays while a new one loads. */
function useEnteredTargets(entity: string, id: string, changes: number): string[] {
  const [history] = useApi<{ data: HistoryRow[] }>(
    `/api/v1/records/${encodeURIComponent(entity)}/${encodeURIComponent(id)}/history?v=${changes}`,
  );
  const last = useRef<string[]>([]);
  if (history.status === 'ready') last.current = history.data.data.map((row) => row.to);
  return last.current;
}
