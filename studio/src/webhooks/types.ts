/** A webhook subscription as `/api/v1/admin/webhooks` answers it (the engine's contract, api/contract/webhooks.ts). */
export interface Subscription {
  id: string;
  name: string;
  url: string;
  entities: string[];
  events: ChangeEvent[];
  active: boolean;
  secretHint: string;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export type ChangeEvent = 'created' | 'updated' | 'deleted' | 'stateChanged';
export const CHANGE_EVENTS: ChangeEvent[] = ['created', 'updated', 'deleted', 'stateChanged'];

export interface DeliveryAttempt {
  attempt: number;
  at: string;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

export interface Delivery {
  id: string;
  eventId: string;
  type: string;
  entity: string;
  recordId: string;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  nextAttemptAt: string | null;
  body: { event?: ChangeEvent; occurredAt?: string };
  log: DeliveryAttempt[];
}
