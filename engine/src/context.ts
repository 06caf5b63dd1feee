import type { IdentifyActor } from './api/actor.js';
import type { ReplicaReads } from './db/replica-reads.js';
import type { Db } from './db/connect.js';
import type { Logger } from './log.js';
import type { MetricsSettings } from './metrics/metrics-route.js';
import type { Metrics } from './metrics/registry.js';
import type { ModelCache } from './model/model-cache.js';
import type { InboxStreams } from './notifications/stream-hub.js';

/** What every edge (HTTP route, CLI command, job) is handed; passed explicitly, never global. */
export interface AppContext {
  db: Db;
  models: ModelCache;
  log: Logger;
  clock: () => Date;
  /** Who sends each request (bearer tokens and API keys); routes after it need an actor. */
  identify?: IdentifyActor;
  /** Login attempts per client address per minute. */
  loginsPerMinute?: number;
  /** Express `trust proxy`: whose X-Forwarded-Proto says a request came over https (HSTS only then). */
  trustProxy?: string;
  /** Wakes the outbox worker after a commit queued mail or webhooks. */
  nudgeOutbox?: () => void;
  /** Wakes the schedule worker after "run now" queued a run. */
  nudgeSchedules?: () => void;
  /** The definitions folder the engine seeds from: its template.json names the model, templates/ the gallery. */
  definitionsDir?: string;
  /** Prometheus metrics of this engine and who may read them at /metrics; absent: off. */
  metrics?: { metrics: Metrics; settings: MetricsSettings };
  /** This process's open notification streams, woken by the database's inbox signals; absent: no streams. */
  inboxStreams?: InboxStreams;
  /** Where reads that may lag go (DATABASE_REPLICA_URL); absent: everything reads the primary. */
  replicaReads?: ReplicaReads;
}
