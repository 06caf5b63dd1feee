import type { Text } from './text.js';

/**
 * A user's approvals handed to another user for a period (`/delegations`): while it runs, the delegate may
 * decide every approval the user may, recorded as by the delegate on behalf of the user.
 */
export interface ApprovalDelegation {
  /** @format uuid */
  userId: string;
  userName: string;
  /** @format uuid */
  delegateId: string;
  delegateName: string;
  /** @format date-time */
  startsAt: string;
  /** @format date-time */
  endsAt: string;
  /** Whether the period holds now. */
  active: boolean;
}

/** `GET /delegations/me`: the caller's own delegation, if any. */
export interface MyDelegation {
  delegation: ApprovalDelegation | null;
  /** Users who delegated their approvals to the caller, running now. */
  forMe: ApprovalDelegation[];
}

/** `GET /delegations` (administrators): every delegation running or to come. */
export interface DelegationList {
  data: ApprovalDelegation[];
}

/** One approval the caller may decide now, directly or as a delegate (My day's approval inbox). */
export interface ApprovalInboxItem {
  entity: string;
  /** @format uuid */
  id: string;
  /** The record's title field. */
  title: unknown;
  workflow: string;
  state: string;
  /** The step the caller would decide, by id and title. */
  step: { id: string; title: Text };
  /** The workflow's amount field and its value, when it has one. */
  amountField?: string;
  amount?: number | null;
  /** Who owns the record. */
  owner: { id: string | null; name: string | null };
  /** Set when the caller decides as a delegate: the user they stand in for. */
  onBehalfOf?: { id: string; name: string };
  /**
   * When the record entered the approval state (the inbox lists oldest first).
   * @format date-time
   */
  since: string | null;
  /** @integer */
  version: number;
}
