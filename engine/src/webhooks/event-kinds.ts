/**
 * The record changes a webhook subscription can ask for. A workflow transition is `stateChanged`, or
 * `updated` for a subscriber that wants field changes only (webhook-tables.ts captures them).
 */
export const CHANGE_EVENTS = ['created', 'updated', 'deleted', 'stateChanged'] as const;
export type ChangeEvent = (typeof CHANGE_EVENTS)[number];
