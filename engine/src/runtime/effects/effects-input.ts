import type { Actor } from '../../actor.js';
import { dateIn } from '../../agenda/day.js';
import { companyTimeZone } from '../../records/company-time-zone.js';
import type { CompiledEntity, Model } from '../../model/compile-model.js';
import type { RecordJson } from '../../records/types.js';
import type { StartRecord } from '../../records/write-record.js';

/* What every effect's runtime is given (apply-effects.ts runs them; effects/* carry out the ones that write elsewhere). */

/** The transition the effects belong to, as webhooks and mails describe it. */
export interface TransitionFacts {
  workflow: string;
  from: string | null;
  to: string;
  event: string;
  at: Date;
}

export interface EffectsInput {
  model: Model;
  entity: CompiledEntity;
  record: RecordJson;
  actor: Actor;
  transition: TransitionFacts;
  /** How records created by actions enter their own workflows. */
  startFor: (entity: CompiledEntity) => StartRecord;
  /** The request that sent the event, for the audit rows of records actions write. */
  requestId?: string | undefined;
  /** The records whose transitions sent this event by sendEvent actions, outermost first. */
  chain?: readonly string[] | undefined;
}

/**
 * A value as its field stores it: a moment (`valueFrom: "now"`, a date-time field) written to a date
 * field is the calendar date it falls on in the company time zone, the same day formulas' TODAY() gives,
 * whatever zone the server's clock is set to.
 */
export function toStoredValue(entity: CompiledEntity, field: string, value: unknown): unknown {
  if (entity.fields.get(field)?.kind !== 'date' || typeof value !== 'string' || !value.includes('T')) return value;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? value : dateIn(instant, companyTimeZone());
}
