import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhook, webhookHeaders } from './signature.js';

describe('webhook signature', () => {
  it('is the hex HMAC-SHA256 of "<timestamp>.<body>"', () => {
    const expected = createHmac('sha256', 'shh').update('1700000000.{"a":1}').digest('hex');
    expect(signWebhook('shh', 1700000000, '{"a":1}')).toBe(`sha256=${expected}`);
  });

  it('changes with the timestamp, so an old signature does not cover a new time', () => {
    expect(signWebhook('shh', 1, '{}')).not.toBe(signWebhook('shh', 2, '{}'));
  });

  it('puts the delivery id, unix seconds and signature in headers', () => {
    const headers = webhookHeaders(42, '{}', 'shh', new Date(1_700_000_000_999));
    expect(headers).toMatchObject({
      'content-type': 'application/json',
      'x-lodestar-delivery': '42',
      'x-lodestar-timestamp': '1700000000',
      'x-lodestar-signature': signWebhook('shh', 1700000000, '{}'),
    });
  });

  it('leaves the signature out without a secret', () => {
    expect(webhookHeaders(1, '{}', undefined, new Date())).not.toHaveProperty('x-lodestar-signature');
  });
});
