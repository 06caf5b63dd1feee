import { useRef } from 'react';
import { useApi, useMessages } from '@lodestar/ui-shared';
import { useModel } from '../../model/ModelContext';
import { stateTitle } from '../../model/labels';
import type { HistoryRow, WorkflowDefinition } from '@lodestar/core';
import type { RecordJson } from '../../model/types';
import { RECORD_MESSAGES } from '../messages';
import { dateTimeText, durationText } from '../time';
import { enteredStates, isDone, nextStates, shownSteps, stageSteps, timeInStages } from './stages';
import { SlaCountdown } from './SlaCountdown';

/**
 * The record's way through its workflow: the stages it entered (from its history, so a skipped stage is never
 * shown ticked), each with the time spent there, the current one in its color, then where it can go next.
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
  const rows = useHistoryRows(entity, record.id, changes);
  const entered = enteredStates(
    workflow,
    rows.map((row) => row.to),
    current,
  );
  const next = nextStates(workflow, current);
  const steps = shownSteps(stageSteps(workflow), entered, next);
  const spent = timeInStages(rows, Date.now(), (name) =>
    name in workflow.states ? name : ([...enteredStates(workflow, [name], null)][0] ?? name),
  );
  const enteredAt = typeof record.state_entered_at === 'string' ? Date.parse(record.state_entered_at) : NaN;
  const breached = record.sla_breached_at;
  return (
    <div className="stage-block">
      <ol className="stage-path" data-testid="stage-path" aria-label={t.stagePath}>
        {steps.map((step) => {
          const here = step.id === current;
          const passed = isDone(step, current, entered);
          const ahead = !here && !entered.has(step.id);
          const className = `stage-step${here ? ' is-current' : ''}${passed ? ' is-passed' : ''}${ahead ? ' is-next' : ''}${step.final ? ` is-final is-${step.outcome}` : ''}`;
          const stay = spent.get(step.id);
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
              {passed && stay !== undefined && (
                <span className="stage-step-spent" data-testid="stage-spent">
                  {t.spentIn(durationText(stay, t))}
                </span>
              )}
            </li>
          );
        })}
      </ol>
      <div className="stage-facts">
        {!Number.isNaN(enteredAt) && (
          <span data-testid="time-in-stage">{t.inStageFor(durationText(Date.now() - enteredAt, t))}</span>
        )}
        {!breached && <SlaCountdown workflow={workflow} record={record} />}
        {typeof breached === 'string' && breached && (
          <span className="stage-sla" data-testid="sla-breached" role="status">
            {t.slaBreached(dateTimeText(breached, lang))}
          </span>
        )}
      </div>
    </div>
  );
}

/** The record's history rows, as the history tab reads them; the last answer stays while a new one loads. */
function useHistoryRows(entity: string, id: string, changes: number): HistoryRow[] {
  const [history] = useApi<{ data: HistoryRow[] }>(
    `/api/v1/records/${encodeURIComponent(entity)}/${encodeURIComponent(id)}/history?v=${changes}`,
  );
  const last = useRef<HistoryRow[]>([]);
  if (history.status === 'ready') last.current = history.data.data;
  return last.current;
}
