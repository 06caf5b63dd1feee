import { useEffect, useState } from 'react';
import type { WorkflowDefinition } from '@lodestar/core';
import { useMessages } from '@lodestar/ui-shared';
import { useModel } from '../../model/ModelContext';
import { RECORD_MESSAGES } from '../messages';
import { dateTimeText, durationText } from '../time';
import { slaStatus } from './sla';
import './sla.css';

/**
 * "还剩 3 小时 / 3 h left" before the stage's SLA runs out (amber in its last fifth), red "已超时 …" after;
 * ticks every minute, and every second in the last minute.
 */
export function SlaCountdown({
  workflow,
  record,
  compact = false,
}: {
  workflow: WorkflowDefinition | undefined;
  record: { state?: unknown; state_entered_at?: unknown; sla_breached_at?: unknown; sla_due_at?: unknown };
  compact?: boolean;
}) {
  const { lang } = useModel();
  const t = useMessages(RECORD_MESSAGES);
  const [now, setNow] = useState(() => Date.now());
  const status = slaStatus(workflow, record, now);
  const closing = status !== undefined && status.kind !== 'breached' && status.leftMs <= 60_000;
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), closing ? 1_000 : 60_000);
    return () => window.clearInterval(timer);
  }, [closing]);
  if (!status) return null;
  const breached = status.kind === 'breached';
  const text = breached ? t.slaOver(durationText(status.overMs, t)) : t.slaLeft(durationText(status.leftMs, t));
  return (
    <span
      className={`sla-countdown is-${status.kind}${compact ? ' is-compact' : ''}`}
      data-testid="sla-countdown"
      data-sla={status.kind}
      title={dateTimeText(new Date(status.dueAt).toISOString(), lang)}
    >
      <span aria-hidden="true">⏱ </span>
      {text}
    </span>
  );
}
