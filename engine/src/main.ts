import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './api/app.js';
import type { Config } from './config.js';
import { setCompanyTimeZone } from './records/company-time-zone.js';
import { useUnnamedStatements } from './db/prepared.js';
import { replicaReads } from './db/replica-reads.js';
import { checkRuleZone } from './definitions/check-rules.js';
import type { AppContext } from './context.js';
import { connect, type Db } from './db/connect.js';
import { migrateEngineTables } from './db/engine-tables.js';
import { maintainPartitions } from './db/partitions.js';
import { createLogger } from './log.js';
import { ModelCache } from './model/model-cache.js';
import { createMetrics } from './metrics/registry.js';
import { seedFromFolder, type SeedResult } from './store/seed.js';
import { describeStep } from './migrate/describe-step.js';
import type { IdentifyActor } from './api/actor.js';
import { bearerIdentity } from './identity/authenticate.js';
import { CHANNELS, listenForChanges, NO_SIGNALS } from './db/change-signals.js';
import { PrincipalCache } from './identity/principal-cache.js';
import { followInboxes, InboxStreams } from './notifications/stream-hub.js';
import type { Principal } from './identity/sessions.js';
import { countUsers, createUser } from './identity/users.js';
import { startTimerWorker, type TimerWorker } from './runtime/timer-worker.js';
import { startOutboxWorker, type OutboxWorker } from './outbox/index.js';
import { startScheduleWorker, type ScheduleWorker } from './schedules/schedule-worker.js';
import { changeSender } from './webhooks/send-change.js';

export interface RunningEngine {
  url: string;
  ctx: AppContext;
  server: Server;
  timers: TimerWorker;
  outbox: OutboxWorker;
  schedules: ScheduleWorker;
  close(): Promise<void>;
}

export interface EngineOptions {
  /** A database opened by the caller (tests); it stays open after close(). */
  db?: Db;
  /** Seed the first model version from the definitions folder (default true). */
  seed?: boolean;
  /** Who sends each request (identity plugs in here); anonymous by default. */
  identify?: IdentifyActor;
  /** The database was prepared by the caller (a cluster's primary): no migrations, seed or first admin here. */
  prepared?: boolean;
}

/** Composition root: config → database → engine tables → seed → model → HTTP. The only place that wires things. */
export async function startEngine(config: Config, options: EngineOptions = {}): Promise<RunningEngine> {
  const log = createLogger(config.logLevel);
  if (config.timeZone) setCompanyTimeZone(config.timeZone);
  if (config.unnamedStatements) useUnnamedStatements();
  // Cross-field rules count TODAY() and a date-time's day in it too (formula fields keep Asia/Shanghai: stored).
  if (config.timeZone) checkRuleZone.timeZone = config.timeZone;
  const db = options.db ?? (await connect(config.db));
  let booted: { ctx: AppContext; server: Server; release: () => Promise<void> };
  try {
    booted = await boot(config, db, {
      log,
      seed: options.seed !== false,
      prepared: options.prepared === true,
      ...(options.identify && { identify: options.identify }),
    });
  } catch (error) {
    // A failed start must not keep the pool (and the process) alive for its idle timeout.
    if (!options.db) await db.close();
    throw error;
  }
  const { ctx, server, release } = booted;
  const models = ctx.models;
  const outbox = startOutboxWorker(
    {
      knex: db.knex,
      log,
      ...(config.smtp && { smtp: config.smtp }),
      ...(config.webhookSecret && { webhookSecret: config.webhookSecret }),
      senders: { change: changeSender(db.knex) },
    },
    config.outboxLeaseMs ? outboxLease(config.outboxLeaseMs) : {},
  );
  ctx.nudgeOutbox = () => outbox.nudge();
  const timers = startTimerWorker(
    { knex: db.knex, models, log, clock: ctx.clock, afterFire: () => ctx.nudgeOutbox?.() },
    { pollMs: config.timerPollMs },
  );
  const schedules = startScheduleWorker({
    knex: db.knex,
    models,
    log,
    clock: ctx.clock,
    afterCommit: () => ctx.nudgeOutbox?.(),
    daily: () => maintainPartitions(db.knex, { log, ...(config.retention && { retention: config.retention }) }),
  });
  ctx.nudgeSchedules = () => schedules.nudge();
  const { port } = server.address() as AddressInfo;
  const url = `http://localhost:${port}`;
  log.info({ url, database: db.kind, modelVersion: models.current().version }, 'Lodestar is running');
  return {
    url,
    ctx,
    server,
    timers,
    outbox,
    schedules,
    close: async () => {
      await schedules.stop();
      await timers.stop();
      await outbox.stop();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await release();
      if (!options.db) await db.close();
    },
  };
}

async function boot(
  config: Config,
  db: Db,
  options: { log: ReturnType<typeof createLogger>; seed: boolean; prepared: boolean; identify?: IdentifyActor },
) {
  const { log } = options;
  if (!options.prepared) await prepareDatabase(config, db, log, { seed: options.seed });
  const models = await ModelCache.open(db.knex);
  const clock = () => new Date();
  // One listening connection per process: principals are cached, and publishes seen, on its word.
  const listenUrl = db.url && (config.listenUrl ?? db.url);
  const signals = listenUrl ? await listenForChanges(listenUrl, log) : NO_SIGNALS;
  signals.on(CHANNELS.model, () => void models.refresh().catch(() => undefined));
  const principals = new PrincipalCache<Principal>(signals);
  const bearer = bearerIdentity(db.knex, clock, principals);
  const inboxStreams = new InboxStreams();
  const unfollowInboxes = await followInboxes(inboxStreams, db, signals);
  // Reads that may lag go to the streaming replica, when there is one (see db/replica-reads.ts).
  const replica =
    db.kind === 'postgres' && config.replicaUrl ? await connect({ databaseUrl: config.replicaUrl }) : undefined;
  const ctx: AppContext = {
    db,
    models,
    log,
    clock,
    identify: options.identify ?? bearer.identify,
    definitionsDir: config.definitionsDir,
    ...(config.loginsPerMinute && { loginsPerMinute: config.loginsPerMinute }),
    ...(config.trustProxy && { trustProxy: config.trustProxy }),
    ...(config.metrics && { metrics: { metrics: createMetrics(db, models), settings: config.metrics } }),
    inboxStreams,
    ...(replica && { replicaReads: replicaReads(db.knex, replica.knex) }),
  };
  const release = async () => {
    await ctx.replicaReads?.close();
    inboxStreams.endAll();
    await unfollowInboxes();
    principals.dispose();
    await signals.close();
  };
  const server = createApp(ctx).listen(config.port);
  try {
    await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  } catch (error) {
    await release();
    throw error;
  }
  return { ctx, server, release };
}

/**
 * What happens once per database before engines serve it: the engine tables' migrations, the first model
 * version from the definitions folder, the first administrator. A cluster's primary runs it before forking,
 * so its workers do not race for knex's migration lock or create the administrator twice.
 */
export async function prepareDatabase(
  config: Config,
  db: Db,
  log: ReturnType<typeof createLogger>,
  options: { seed: boolean },
): Promise<void> {
  await migrateEngineTables(db.knex);
  await maintainPartitions(db.knex, { log, ...(config.retention && { retention: config.retention }) });
  if (options.seed) logSeed(log, await seedFromFolder(db.knex, config.definitionsDir, { apply: 'ifEmpty' }));
  await bootstrapAdmin(db, config, log);
}

/** LODESTAR_ADMIN_EMAIL + LODESTAR_ADMIN_PASSWORD create the first admin of an empty installation (unattended installs). */
async function bootstrapAdmin(db: Db, config: Config, log: ReturnType<typeof createLogger>): Promise<void> {
  if (!config.admin || (await countUsers(db.knex)) > 0) return;
  const admin = await createUser(db.knex, {
    email: config.admin.email,
    password: config.admin.password,
    roles: ['admin'],
  });
  log.info({ email: admin.email }, 'created the first administrator');
}

function logSeed(log: ReturnType<typeof createLogger>, result: SeedResult): void {
  if (result.status === 'published')
    log.info({ version: result.version, steps: result.plan.steps.length }, 'definitions published');
  if (result.status === 'planned') {
    log.warn(
      { steps: result.plan.steps.map(describeStep) },
      'the definitions folder differs from the published model; run `lodestar plan` to review and `lodestar migrate` to apply',
    );
  }
}

/**
 * A shorter lease than the default also shortens each delivery's timeout, so that a batch (two rounds of
 * the worker's concurrent deliveries) still ends inside its claim and no row is sent twice while alive.
 */
function outboxLease(leaseMs: number): { leaseMs: number; timeoutMs: number } {
  return { leaseMs, timeoutMs: Math.min(10_000, Math.floor(leaseMs / 3)) };
}
