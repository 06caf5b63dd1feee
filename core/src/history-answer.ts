import type { Text } from './text.js';

/** One history row as the API answers it (`GET /records/{entity}/{id}/history`): a start, a stage change, an approval or an SLA breach. */
export interface HistoryRow {
  /** @integer */
  id: number;
  workflow: string;
  /** null for the start of the workflow. */
  from: string | null;
  to: string;
  /** The event, `START`, `SLA_BREACHED`, `MIGRATE`, or `after.<delay>` for a timer. */
  event: string;
  /** The user id; null for the engine (timers). */
  actor: string | null;
  comment: string | null;
  /**
   * An approval decision: the approver's role (the step id when the step's approver is not a role), the step
   * decided, and the user a delegate decided on behalf of.
   */
  approval: {
    role: string;
    decision: 'approved' | 'rejected';
    step?: string;
    /** @format uuid */
    onBehalfOf?: string;
  } | null;
  at: string;
}

/** A history row with its stages and event by title in both languages (engine runtime/history-titles.ts). */
export interface TitledHistoryRow extends HistoryRow {
  titles: { from?: Text; to: Text; event: Text };
  /** The sides whose stage a later version removed (titled from the version that had it). */
  removed?: ('from' | 'to')[];
}
