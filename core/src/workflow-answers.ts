import type { RecordJson } from './record-answers.js';
import type { Text } from './text.js';

/*
 * What the workflow routes of a record answer (`GET /records/{entity}/{id}/transitions`, `POST …/events`): engine
 * workflow/allowed-events.ts and runtime/transition.ts build them, the runtime UI's stage bar and board read them.
 */

/** One event of the current state, whether the caller may send it now, and why not. */
export interface AllowedEvent {
  event: string;
  /** The state it leads to: the one it would take now, else the first one it names. */
  target: string;
  allowed: boolean;
  /** Why the event is blocked now, in both languages. */
  reason?: Text;
}

/** The events of a record's current state (only the allowed ones unless `all` is asked for). */
export interface TransitionsAnswer {
  /** The workflow that binds the record; null when none does. */
  workflow: string | null;
  state: string | null;
  data: AllowedEvent[];
}

/** The stage change an event made, and the history row it wrote. */
export interface TransitionMade {
  from: string;
  to: string;
  event: string;
  /** @integer */
  historyId: number;
  /** @format date-time */
  at: string;
}

/** What a sent event answers: the record after the transition, and the transition. */
export interface EventResult {
  record: RecordJson;
  transition: TransitionMade;
}
