import { webhookHeaders } from './signature.js';
import type { DeliveryResult, OutboxRow, WebhookPayload } from './types.js';

export interface WebhookOptions {
  secret: string | undefined;
  timeoutMs: number;
}

/**
 * POSTs the body as JSON. Only a 2xx counts: redirects are not followed (a POST turned into a GET
 * elsewhere is not a delivery), and the timeout bounds the whole exchange so a stalled receiver
 * cannot hold the row past its lease. Errors name the status, never the URL (it may carry a token).
 */
export async function sendWebhook(
  row: OutboxRow,
  payload: WebhookPayload,
  options: WebhookOptions,
): Promise<DeliveryResult> {
  const rawBody = JSON.stringify(payload.body);
  const response = await fetch(payload.url, {
    method: 'POST',
    headers: {
      // Real time, not the schedule's clock: receivers compare the timestamp with their own.
      ...webhookHeaders(row.id, rawBody, options.secret, new Date()),
      // A fresh connection per delivery: deliveries are sparse, and a kept-alive socket the receiver
      // closed meanwhile (or while the event loop was busy) fails a POST with ECONNRESET.
      connection: 'close',
    },
    body: rawBody,
    redirect: 'manual',
    signal: AbortSignal.timeout(options.timeoutMs),
  });
  // The answer's body means nothing to us; discarding it frees the connection.
  await response.body?.cancel().catch(() => undefined);
  if (response.status >= 200 && response.status < 300) return { ok: true };
  return { ok: false, error: `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}` };
}
