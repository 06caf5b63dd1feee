import { useEffect, useState } from 'react';
import type { WorkflowDefinition } from '@lodestar/core';
import { useMessages } from '@lodestar/ui-shared';
import { useModel } from '../../model/ModelContext';
import { RECORD_MESSAGES } from '../messages';
import { dateTimeText, durationText } from '../time';
import { slaStatus } from './sla';
import './sla.css';

/** "还剩 3 小时 / 3 h left" before the stage's SLA runs out, red "已超时 …" after; ticks every minute. */
export function SlaCountdown({
  workflow,
  record,
  compact = false,
}: {
  workflow: WorkflowDefinition | undefined;
  record: { state?: unknown; state_entered_at?: unknown; sla_breached_at?: unknown };
  compact?: boolean;
}) {
  const { lang } = useModel();
  const t = useMessages(RECORD_MESSAGES);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  const status = slaStatus(workflow, record, now);
  if (!status) return null;
  const breached = status.kind === 'breached';
  const text = breached ? t.slaOver(durationText(status.overMs, t)) : t.slaLeft(durationText(status.leftMs, t));
  return (
    <span
      className={`sla-countdown${breached ? ' is-breached' : ''}${compact ? ' is-compact' : ''}`}
      data-testid="sla-countdown"
      data-sla={status.kind}
      title={dateTimeText(new Date(status.dueAt).toISOString(), lang)}
    >
      <span aria-hidden="true">⏱ </span>
      {text}
    </span>
  );
}
