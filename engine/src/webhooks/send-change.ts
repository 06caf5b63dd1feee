import type { Knex } from 'knex';
import { errorText } from '../outbox/error-text.js';
import { webhookHeaders } from '../outbox/signature.js';
import type { DeliveryResult, OutboxRow, OutboxSender } from '../outbox/types.js';
import { recordAttempt } from './attempts-repo.js';
import { deliveryTarget } from './subscriptions-repo.js';

/**
 * Delivers `change` outbox rows to their subscription: the event body as JSON, signed with the
 * subscription's own secret (`X-Lodestar-Signature`, HMAC-SHA256 over "<timestamp>.<body>"), with the
 * event id in `X-Lodestar-Event` for receivers to dedupe on. Every attempt goes into the delivery log.
 * Only a 2xx counts; redirects are not followed. The outbox worker retries with backoff and, through
 * the rows' ordering key, keeps a record's events in order.
 */
export function changeSender(knex: Knex): OutboxSender {
  return async (row, { timeoutMs }) => {
    const payload = row.payload as { subscription?: unknown; body?: { id?: unknown } } | null;
    if (typeof payload?.subscription !== 'string' || typeof payload.body?.id !== 'string')
      return { ok: false, error: 'change payload needs "subscription" and a "body" with an "id"', permanent: true };
    const target = await deliveryTarget(knex, payload.subscription);
    if (!target) return { ok: false, error: 'the subscription was deleted', permanent: true };
    const started = Date.now();
    const result = await post(row, target, payload.body, payload.body.id, timeoutMs);
    await recordAttempt(knex, row.id, {
      attempt: row.attempts,
      statusCode: result.statusCode,
      error: result.ok ? null : result.error,
      durationMs: Date.now() - started,
    });
    return result;
  };
}

async function post(
  row: OutboxRow,
  target: { url: string; secret: string },
  body: unknown,
  eventId: string,
  timeoutMs: number,
): Promise<DeliveryResult & { statusCode: number | null }> {
  const rawBody = JSON.stringify(body);
  try {
    const url = new URL(target.url);
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
      return {
        ok: false,
        error: `the url must be http or https, not ${url.protocol}`,
        permanent: true,
        statusCode: null,
      };
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        ...webhookHeaders(row.id, rawBody, target.secret, new Date()),
        'x-lodestar-event': eventId,
        connection: 'close',
      },
      body: rawBody,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel().catch(() => undefined);
    if (response.status >= 200 && response.status < 300) return { ok: true, statusCode: response.status };
    const error = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
    return { ok: false, error, statusCode: response.status };
  } catch (error) {
    return { ok: false, error: errorText(error, [target.secret]), statusCode: null };
  }
}
