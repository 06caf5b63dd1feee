import { createHmac } from 'node:crypto';

/**
 * The webhook signature: hex HMAC-SHA256 over "<timestamp>.<raw body>". Signing the timestamp with the
 * body lets a receiver reject replays of an old delivery by its age, which a body-only signature cannot.
 */
export function signWebhook(secret: string, timestamp: number, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`;
}

/** The headers of one webhook delivery; the outbox id doubles as the receiver's idempotency key. */
export function webhookHeaders(
  deliveryId: number,
  rawBody: string,
  secret: string | undefined,
  now: Date,
): Record<string, string> {
  const timestamp = Math.floor(now.getTime() / 1000);
  return {
    'content-type': 'application/json',
    'user-agent': 'Lodestar-Outbox',
    'x-lodestar-delivery': String(deliveryId),
    'x-lodestar-timestamp': String(timestamp),
    ...(secret && { 'x-lodestar-signature': signWebhook(secret, timestamp, rawBody) }),
  };
}
