/*
 * The effects createRecord, createRecords and convert plan, as data for the shell (runtime/effects): their own module,
 * so the Effect union in types.ts names them without importing the actions that plan them.
 */

/** Who owns a created record: the actor, the source's owner, a user field of the source, or a role's next user in turn. */
export type OwnerChoice = 'actor' | 'source' | { userField: string } | { roundRobinRole: string };

/** The owner as planned: a user id read from the source (null when it held none), or a rotation the shell draws from. */
export type OwnerPlan = { userId: string | null; field: string } | { roundRobinRole: string };

/** Lines copied from a list of the source into a list of the new record: target field ← source field. */
export interface LineCopyPlan {
  from: string;
  to: string;
  fields: Record<string, string>;
}

export interface CreateRecordEffect {
  kind: 'createRecord';
  phase: 'inTransaction';
  entity: string;
  values: Record<string, unknown>;
  owner?: OwnerPlan;
  lines?: LineCopyPlan[];
  /** The source's many-to-one field that gets the new record's id, in the transition's own update. */
  storeIdIn?: string;
  /** Created under the actor's create rights (default: the engine's, linking only what the actor sees). */
  runAs?: 'actor';
}

export const PARTS = ['customer', 'contact', 'opportunity'] as const;
export type PartName = (typeof PARTS)[number];
export type Reuse = 'same' | 'unique' | 'never';

/** One record the conversion makes: its entity, values, the lead's field keeping its id, and its links. */
export interface ConvertPartPlan {
  entity: string;
  values: Record<string, unknown>;
  storeIn: string;
  /** The part's many-to-one field to the customer (contact, opportunity). */
  link?: string;
  /** The opportunity's many-to-one field to the contact. */
  contactLink?: string;
}

export interface ConvertEffect {
  kind: 'convert';
  phase: 'inTransaction';
  customer: ConvertPartPlan;
  contact?: ConvertPartPlan;
  opportunity?: ConvertPartPlan;
  reuse: Reuse;
  owner?: OwnerPlan;
  runAs?: 'actor';
}

/** Who owns each created record: the event's sender, the triggering record's owner, or the source row's owner. */
export type FanOutOwner = 'actor' | 'record' | 'source';

/** What the shell runs (runtime/effects/create-records.ts): plain data, planned without reading anything. */
export interface CreateRecordsEffect {
  kind: 'createRecords';
  phase: 'inTransaction';
  entity: string;
  forEach: { entity: string; where?: string };
  /** More source rows than this refuse the transition (at most MAX_FAN_OUT). */
  limit: number;
  linkBack: string;
  linkSource: string;
  set: Record<string, string>;
  recordType?: string;
  owner: FanOutOwner;
  runAs: 'actor' | 'engine';
}
