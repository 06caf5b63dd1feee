import { useModel } from '../../model/ModelContext';
import { stateTitle } from '../../model/labels';
import type { RecordJson, WorkflowDefinition } from '../../model/types';
import { fill, RECORD_MESSAGES } from '../messages';
import { dateTimeText, durationText } from '../time';
import { isPassed, stageSteps } from './stages';

/** The workflow's stages as a path: passed ones ticked, the current one in its color, outcomes at the end. */
export function StagePath({ workflow, record }: { workflow: WorkflowDefinition; record: RecordJson }) {
  const { lang } = useModel();
  const t = RECORD_MESSAGES[lang];
  const current = (record.state as string | null) ?? workflow.initial;
  const steps = stageSteps(workflow);
  const entered = typeof record.state_entered_at === 'string' ? Date.parse(record.state_entered_at) : NaN;
  const breached = record.sla_breached_at;
  return (
    <div className="stage-block">
      <ol className="stage-path" data-testid="stage-path" aria-label={t.stagePath}>
        {steps.map((step) => {
          const here = step.id === current;
          const passed = isPassed(steps, step, current);
          const className = `stage-step${here ? ' is-current' : ''}${passed ? ' is-passed' : ''}${step.final ? ` is-final is-${step.outcome}` : ''}`;
          return (
            <li key={step.id} className={className} data-state={step.id} aria-current={here ? 'step' : undefined} style={here ? { background: step.color, borderColor: step.color } : undefined}>
              <span className="stage-step-title">
                {passed && <span className="stage-tick" aria-hidden="true">✓ </span>}
                {stateTitle(workflow, step.id, lang)}
              </span>
              {step.probability !== undefined && <span className="stage-step-probability">{step.probability}%</span>}
            </li>
          );
        })}
      </ol>
      <div className="stage-facts">
        {!Number.isNaN(entered) && <span data-testid="time-in-stage">{fill(t.inStageFor, { duration: durationText(Date.now() - entered, t) })}</span>}
        {typeof breached === 'string' && breached && (
          <span className="stage-sla" data-testid="sla-breached" role="status">{fill(t.slaBreached, { at: dateTimeText(breached, lang) })}</span>
        )}
      </div>
    </div>
  );
}
