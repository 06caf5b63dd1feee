import { checkBody } from '../api/contract/check.js';
import { ADMIN } from '../api/contract/admin.js';

/**
 * Who hands over to whom (by user id or email), which entities (default: all), only open records
 * (not in a final workflow state), or only count.
 */
export interface HandoverRequest {
  fromUserId?: string;
  fromEmail?: string;
  toUserId?: string;
  toEmail?: string;
  entities?: string[];
  onlyOpen?: boolean;
  dryRun?: boolean;
}

const TEXT_KEYS = ['fromUserId', 'fromEmail', 'toUserId', 'toEmail'] as const;
const FLAG_KEYS = ['onlyOpen', 'dryRun'] as const;

/** A body its route already validated against the handover contract, as a request: texts trimmed, nulls dropped. */
export function toHandoverRequest(input: Record<string, unknown>): HandoverRequest {
  const request: HandoverRequest = {};
  for (const key of TEXT_KEYS) if (typeof input[key] === 'string') request[key] = input[key].trim();
  for (const key of FLAG_KEYS) if (typeof input[key] === 'boolean') request[key] = input[key];
  if (Array.isArray(input.entities)) request.entities = input.entities as string[];
  return request;
}

/** Any JSON value as a handover request: 422 naming every ill-typed member (the contract's schema). */
export function parseHandoverRequest(body: unknown): HandoverRequest {
  const input = body ?? {};
  checkBody(ADMIN.routes.handover.body!, input);
  return toHandoverRequest(input as Record<string, unknown>);
}
