import { describe, expect, it } from 'vitest';
import { parseEmailPayload, parseWebhookPayload } from './payload.js';

describe('outbox payloads', () => {
  it('accepts the email shape the workflow writer produces', () => {
    expect(parseEmailPayload({ to: ['a@example.com'], subject: 'S', text: 'T' })).toEqual({
      ok: true,
      value: { to: ['a@example.com'], subject: 'S', text: 'T' },
    });
  });

  it.each([
    [null, 'not an object'],
    [{ to: [], subject: 'S', text: 'T' }, '"to"'],
    [{ to: ['nobody'], subject: 'S', text: 'T' }, '"to"'],
    [{ to: 'a@example.com', subject: 'S', text: 'T' }, '"to"'],
    [{ to: ['a@example.com'], text: 'T' }, '"subject"'],
    [{ to: ['a@example.com'], subject: 'S' }, '"text"'],
  ])('refuses a broken email payload %j', (payload, reason) => {
    const parsed = parseEmailPayload(payload);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toContain(reason);
  });

  it('accepts an http(s) webhook with any JSON body, a missing body as null', () => {
    expect(parseWebhookPayload({ url: 'https://example.com/h', body: { a: [1] } })).toEqual({
      ok: true,
      value: { url: 'https://example.com/h', body: { a: [1] } },
    });
    expect(parseWebhookPayload({ url: 'http://127.0.0.1:8080/' })).toEqual({
      ok: true,
      value: { url: 'http://127.0.0.1:8080/', body: null },
    });
  });

  it.each([
    [[], 'not an object'],
    [{ body: {} }, '"url"'],
    [{ url: 'not a url' }, 'not a valid URL'],
    [{ url: 'file:///etc/passwd' }, 'http or https'],
  ])('refuses a broken webhook payload %j', (payload, reason) => {
    const parsed = parseWebhookPayload(payload);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toContain(reason);
  });
});
