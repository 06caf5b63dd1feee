import type { Text } from './text.js';

/*
 * The schedules admin API (`/schedules`): engine schedules/* builds these, the studio's Schedules page reads them.
 */

/** A record a run could not change, and why (a guard's refusal, a value that does not fit its field). */
export interface ScheduleRunSample {
  /** @format uuid */
  recordId: string;
  reason: Text;
}

/** One run of a schedule: the run log's line, with its progress while it runs. */
export interface ScheduleRun {
  /** @integer */
  id: number;
  /** `<workflow>/<schedule id>`. */
  schedule: string;
  /** `cron`: claimed at its due time; `manual`: "run now". */
  trigger: 'cron' | 'manual';
  /** The due time it ran for (a manual run: when it was asked for). */
  dueAt: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  /** Who asked for a manual run. */
  requestedBy: string | null;
  /**
   * Records matching when the run started; null until it starts (a report: null).
   * @integer
   */
  total: number | null;
  /** @integer */
  processed: number;
  /**
   * Records changed (set), moved (event) or mails queued (notify).
   * @integer
   */
  changed: number;
  /** @integer */
  failed: number;
  /**
   * Events a guard refused: counted, not fatal.
   * @integer
   */
  refusals: number;
  /** @maxItems 20 */
  samples: ScheduleRunSample[];
  error: Text | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

/** A schedule of the published model as administrators see it. */
export interface ScheduleListing {
  /** `<workflow>/<schedule id>`. */
  key: string;
  workflow: string;
  id: string;
  title: Text;
  entity: string;
  cron: string;
  timeZone: string;
  action: 'set' | 'event' | 'notify';
  enabled: boolean;
  /** The next due time (null when disabled or the pattern never matches again). */
  nextDueAt: string | null;
  lastRun: ScheduleRun | null;
}

/** `GET /schedules`. */
export interface ScheduleList {
  data: ScheduleListing[];
}

/** `GET /schedules/runs`: newest first. */
export interface ScheduleRunPage {
  data: ScheduleRun[];
}
