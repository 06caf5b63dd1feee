/** The transactional outbox: rows written with a transition, delivered after it by `startOutboxWorker`. */
export { startOutboxWorker, type OutboxDeps, type OutboxOptions, type OutboxWorker } from './worker.js';
export { DEFAULT_BACKOFF, nextAttemptAt, retryDelayMs, type BackoffPolicy } from './backoff.js';
export {
  claimDue,
  failAbandoned,
  readSubscriptionDeliveries,
  retrySubscriptionDelivery,
  type ClaimOptions,
} from './outbox-repo.js';
export { signWebhook } from './signature.js';
export type { SmtpSettings } from './send-email.js';
export type {
  DeliveryReport,
  DeliveryResult,
  EmailPayload,
  OutboxKind,
  OutboxRow,
  OutboxSender,
  WebhookPayload,
} from './types.js';
