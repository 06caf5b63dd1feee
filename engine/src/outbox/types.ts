/** The kinds of external effect the outbox delivers; a row's `kind` column ('change': a webhook subscription's event). */
export type OutboxKind = 'email' | 'webhook' | 'change';

/** An external effect a transition queues; its row is written once the history row (its cause) has an id. */
export interface NewOutboxRow {
  kind: OutboxKind;
  payload: Record<string, unknown>;
}

/** An outbox row as a sender sees it after claiming it. */
export interface OutboxRow {
  id: number;
  kind: string;
  /** Shape depends on `kind`; checked by `parsePayload` before anything is sent. */
  payload: unknown;
  entity: string | null;
  recordId: string | null;
  historyId: number | null;
  /** The webhook subscription a change event is for (webhooks/). */
  subscriptionId: string | null;
  status: 'pending' | 'sent' | 'failed';
  /** Counts this claim: 1 on the first delivery attempt. */
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

export interface EmailPayload {
  to: string[];
  subject: string;
  text: string;
}

export interface WebhookPayload {
  url: string;
  body: unknown;
}

/**
 * What one delivery attempt came to. `permanent` failures skip the remaining retries; `rejected`
 * lists mail recipients the server refused while it accepted others.
 */
export type DeliveryResult = { ok: true; rejected?: string[] } | { ok: false; error: string; permanent?: boolean };

/** Counts of one pass over the due rows. */
export interface DeliveryReport {
  /** Rows claimed (delivery attempts made). */
  attempted: number;
  sent: number;
  /** Failed this time, scheduled again with backoff. */
  retried: number;
  /** Gave up: permanent error, or the last allowed attempt failed. */
  failed: number;
}

/** Delivers rows of one kind the outbox itself does not know (a change event to its subscription). */
export type OutboxSender = (row: OutboxRow, options: { timeoutMs: number }) => Promise<DeliveryResult>;

export const emptyReport = (): DeliveryReport => ({ attempted: 0, sent: 0, retried: 0, failed: 0 });
