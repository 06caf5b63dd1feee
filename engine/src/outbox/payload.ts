import type { EmailPayload, WebhookPayload } from './types.js';

/** A payload is either usable or a reason it never will be: such rows fail at once instead of retrying. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function parseEmailPayload(payload: unknown): Parsed<EmailPayload> {
  if (!isObject(payload)) return { ok: false, error: 'email payload is not an object' };
  const { to, subject, text } = payload;
  if (
    !Array.isArray(to) ||
    !to.length ||
    !to.every((address) => typeof address === 'string' && address.includes('@'))
  ) {
    return { ok: false, error: 'email payload needs "to": a non-empty list of addresses' };
  }
  if (typeof subject !== 'string') return { ok: false, error: 'email payload needs a "subject" string' };
  if (typeof text !== 'string') return { ok: false, error: 'email payload needs a "text" string' };
  return { ok: true, value: { to: to as string[], subject, text } };
}

export function parseWebhookPayload(payload: unknown): Parsed<WebhookPayload> {
  if (!isObject(payload)) return { ok: false, error: 'webhook payload is not an object' };
  const { url, body } = payload;
  if (typeof url !== 'string') return { ok: false, error: 'webhook payload needs a "url" string' };
  // Only http(s): the URL comes from a workflow definition, and file: or data: must never be fetched.
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, error: 'webhook url is not a valid URL' };
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    return { ok: false, error: `webhook url must be http or https, not ${parsed.protocol}` };
  return { ok: true, value: { url, body: body ?? null } };
}
