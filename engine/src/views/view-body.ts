import { checkBody } from '../api/contract/check.js';
import { MAX_VIEW_NAME_LENGTH, MAX_VIEW_QUERY_BYTES, VIEW_BODY } from '../api/contract/views.js';

/** A saved view as the caller sends it: a name and the list query the UI replays (filters, sort, columns…). */
export interface ViewBody {
  name: string;
  query: Record<string, unknown>;
}

export const MAX_NAME_LENGTH = MAX_VIEW_NAME_LENGTH;
export const MAX_QUERY_BYTES = MAX_VIEW_QUERY_BYTES;

/** A body its route already validated against VIEW_BODY, as stored: the name trimmed. */
export function toViewBody(body: { name: string; query: Record<string, unknown> }): ViewBody {
  return { name: body.name.trim(), query: body.query };
}

/** Any JSON value as a view body: 422 naming the pointer and rule of every problem (the contract's schema). */
export function parseViewBody(body: unknown): ViewBody {
  checkBody(VIEW_BODY, body);
  return toViewBody(body as ViewBody);
}
