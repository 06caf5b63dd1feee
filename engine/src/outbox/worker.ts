import type { Knex } from 'knex';
import type { Logger } from '../log.js';
import { DEFAULT_BACKOFF, type BackoffPolicy } from './backoff.js';
import { claimDue, failAbandoned } from './outbox-repo.js';
import type { Clock } from './db-time.js';
import { errorText } from './error-text.js';
import { recordOutcome } from './outcome.js';
import { parseEmailPayload, parseWebhookPayload } from './payload.js';
import { createEmailSender, type EmailSender, type SmtpSettings } from './send-email.js';
import { sendWebhook } from './send-webhook.js';
import { emptyReport, type DeliveryReport, type DeliveryResult, type OutboxRow, type OutboxSender } from './types.js';

export interface OutboxDeps {
  knex: Knex;
  log: Logger;
  /** Without it, email rows wait in the outbox (see `startOutboxWorker`). */
  smtp?: SmtpSettings;
  /** Signs webhook bodies; without it they go out unsigned. */
  webhookSecret?: string;
  /** Replaces the database's clock for due times and backoff (tests). */
  clock?: Clock;
  /** Senders of further kinds, by kind: `change` rows go to webhook subscriptions (webhooks/send-change). */
  senders?: Record<string, OutboxSender>;
}

export interface OutboxOptions {
  /** How often to look for due rows when nobody nudges (ms). */
  pollMs?: number;
  /** Rows claimed per statement. */
  batchSize?: number;
  /** Deliveries in flight at once. */
  concurrency?: number;
  /** Attempts before a row is marked 'failed'. */
  maxAttempts?: number;
  /** How long a claim holds; must outlast a batch (batchSize / concurrency deliveries of up to timeoutMs each). */
  leaseMs?: number;
  /** Per-delivery timeout: the webhook request, each SMTP wait. */
  timeoutMs?: number;
  backoff?: Partial<BackoffPolicy>;
}

export interface OutboxWorker {
  /** Stops polling and waits for deliveries in flight. */
  stop(): Promise<void>;
  /** Look for due rows now (after a transition commits) instead of at the next poll. */
  nudge(): void;
  /** Delivers everything due now, after any pass in progress, and reports what happened. */
  drain(): Promise<DeliveryReport>;
}

const DEFAULTS = { pollMs: 1000, batchSize: 8, concurrency: 4, maxAttempts: 8, leaseMs: 5 * 60_000, timeoutMs: 10_000 };

/**
 * Delivers the outbox: email through SMTP, webhooks through fetch, each row claimed by exactly one
 * engine process at a time, retried with backoff, and failed after `maxAttempts`.
 *
 * Without SMTP settings, email rows are not claimed at all: they stay pending with their attempts
 * untouched and go out once SMTP is configured and the engine restarts. Burning their attempts
 * against a missing server would turn a configuration gap into lost notifications. A warning says so
 * once, at start.
 */
export function startOutboxWorker(deps: OutboxDeps, options: OutboxOptions = {}): OutboxWorker {
  const settings = { ...DEFAULTS, ...options, backoff: { ...DEFAULT_BACKOFF, ...options.backoff } };
  const { knex, log, clock } = deps;
  const email: EmailSender | undefined = deps.smtp && createEmailSender(deps.smtp, settings.timeoutMs);
  const secrets = [deps.smtp?.password, deps.webhookSecret];
  if (!email)
    log.warn('outbox: SMTP is not configured (SMTP_HOST); email notifications stay queued in the outbox until it is');
  if (!deps.webhookSecret)
    log.warn('outbox: LODESTAR_WEBHOOK_SECRET is not set; webhooks are sent without an X-Lodestar-Signature');

  async function deliver(row: OutboxRow): Promise<DeliveryResult> {
    try {
      if (row.kind === 'email') {
        const payload = parseEmailPayload(row.payload);
        if (!payload.ok) return { ok: false, error: payload.error, permanent: true };
        // Not claimable without SMTP; a row claimed before a reconfiguration just waits again.
        if (!email) return { ok: false, error: 'SMTP is not configured' };
        return await email.send(row, payload.value);
      }
      if (row.kind === 'webhook') {
        const payload = parseWebhookPayload(row.payload);
        if (!payload.ok) return { ok: false, error: payload.error, permanent: true };
        return await sendWebhook(row, payload.value, { secret: deps.webhookSecret, timeoutMs: settings.timeoutMs });
      }
      const sender = deps.senders?.[row.kind];
      if (sender) return await sender(row, { timeoutMs: settings.timeoutMs });
      return { ok: false, error: `unknown outbox kind "${row.kind}"`, permanent: true };
    } catch (error) {
      return { ok: false, error: errorText(error, secrets) };
    }
  }

  async function deliverAndRecord(row: OutboxRow, report: DeliveryReport): Promise<void> {
    const result = await deliver(row);
    const { outcome, nextAttemptAt } = await recordOutcome(knex, row, result, {
      maxAttempts: settings.maxAttempts,
      backoff: settings.backoff,
      clock,
    });
    const context = {
      outboxId: row.id,
      kind: row.kind,
      attempts: row.attempts,
      entity: row.entity,
      recordId: row.recordId,
    };
    if (outcome === 'sent') {
      report.sent++;
      if (result.ok && result.rejected)
        log.warn({ ...context, rejected: result.rejected }, 'outbox: mail sent, but some recipients were rejected');
      else log.debug(context, 'outbox: delivered');
    } else if (outcome === 'retried') {
      report.retried++;
      log.warn({ ...context, error: !result.ok && result.error, nextAttemptAt }, 'outbox: delivery failed, will retry');
    } else if (outcome === 'failed') {
      report.failed++;
      log.error({ ...context, error: !result.ok && result.error }, 'outbox: delivery failed for good');
    } else {
      log.warn(context, 'outbox: claim expired before the delivery finished; another sender owns the row now');
    }
  }

  let stopped = false;

  /** One pass: batches until nothing is due. Deliveries run outside any transaction. */
  async function deliverDue(): Promise<DeliveryReport> {
    const report = emptyReport();
    const abandoned = await failAbandoned(knex, { maxAttempts: settings.maxAttempts, clock });
    if (abandoned)
      log.error({ count: abandoned }, 'outbox: rows failed after their senders repeatedly stopped mid-delivery');
    report.failed += abandoned;
    while (!stopped) {
      const rows = await claimDue(knex, {
        limit: settings.batchSize,
        leaseMs: settings.leaseMs,
        maxAttempts: settings.maxAttempts,
        skipKinds: email ? [] : ['email'],
        clock,
      });
      if (!rows.length) break;
      report.attempted += rows.length;
      await eachLimited(rows, settings.concurrency, (row) => deliverAndRecord(row, report));
    }
    return report;
  }

  // Passes never overlap within one worker: drain() and polls queue behind each other.
  let queue: Promise<unknown> = Promise.resolve();
  function pass(): Promise<DeliveryReport> {
    const next = queue.then(deliverDue);
    queue = next.catch(() => undefined);
    return next;
  }

  let timer: NodeJS.Timeout | undefined;
  let polling = false;
  let nudged = false;
  function schedule(ms: number): void {
    clearTimeout(timer);
    if (stopped) return;
    timer = setTimeout(poll, ms);
    timer.unref(); // the HTTP server keeps the process alive, not this
  }
  async function poll(): Promise<void> {
    if (stopped) return;
    if (polling) {
      nudged = true; // look again as soon as the current pass ends
      return;
    }
    polling = true;
    clearTimeout(timer);
    try {
      await pass();
    } catch (error) {
      log.error({ error: errorText(error, secrets) }, 'outbox: pass failed; retrying at the next poll');
    } finally {
      polling = false;
    }
    schedule(nudged ? 0 : settings.pollMs);
    nudged = false;
  }
  schedule(settings.pollMs);

  return {
    nudge: () => void poll(),
    drain: pass,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await queue;
      email?.close();
    },
  };
}

/** Runs `fn` over `items` with at most `limit` calls in flight. */
async function eachLimited<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
}
