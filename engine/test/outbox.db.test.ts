import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Knex } from 'knex';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { migrateEngineTables } from '../src/db/engine-tables.js';
import {
  claimDue,
  startOutboxWorker,
  type OutboxDeps,
  type OutboxOptions,
  type OutboxWorker,
  type SmtpSettings,
} from '../src/outbox/index.js';
import { MailReceiver, SMTP_PASSWORD, SMTP_USER } from './support/mail-receiver.js';
import { createTestDb, type TestDb } from './support/test-db.js';

const SECRET = 'test-webhook-secret';
const SECOND = 1000;

// ---------------------------------------------------------------- local receivers

interface Received {
  headers: IncomingHttpHeaders;
  raw: string;
  path: string;
}

/** A webhook receiver: records every request and answers with whatever `respond` says. */
class WebhookReceiver {
  received: Received[] = [];
  respond: (request: Received) => number | Promise<number> = () => 200;
  private server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const request = { headers: req.headers, raw: Buffer.concat(chunks).toString('utf8'), path: req.url ?? '' };
      this.received.push(request);
      const status = await this.respond(request);
      res.writeHead(status, { 'content-type': 'text/plain' }).end(`status ${status}`);
    });
  });
  url = '';

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }
  reset(): void {
    this.received = [];
    this.respond = () => 200;
  }
  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

/** Verifies a delivery the way a receiver would: recompute the HMAC, compare in constant time, check the age. */
function verifySignature(secret: string, headers: IncomingHttpHeaders, raw: string): boolean {
  const timestamp = String(headers['x-lodestar-timestamp']);
  const given = Buffer.from(String(headers['x-lodestar-signature']));
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(`${timestamp}.${raw}`).digest('hex')}`);
  const fresh = Math.abs(Date.now() / 1000 - Number(timestamp)) < 300;
  return fresh && given.length === expected.length && timingSafeEqual(given, expected);
}

/** A port nothing listens on: bind one, then let it go. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

// ---------------------------------------------------------------- helpers

function capturingLogger() {
  const lines: { level: number; msg: string; [key: string]: unknown }[] = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { log, lines };
}

async function enqueue(knex: Knex, kind: string, payload: unknown): Promise<number> {
  const [row] = (await knex('lodestar_outbox')
    .insert({ kind, payload: JSON.stringify(payload) })
    .returning('id')) as { id: number }[];
  return Number(row!.id);
}

interface StoredRow {
  id: number;
  status: string;
  attempts: number;
  next_attempt_at: Date;
  last_error: string | null;
  sent_at: Date | null;
}

async function stored(knex: Knex, id: number): Promise<StoredRow> {
  const row = (await knex('lodestar_outbox').where({ id }).first()) as StoredRow | undefined;
  if (!row) throw new Error(`outbox row ${id} is gone`);
  return { ...row, attempts: Number(row.attempts) };
}

/** A clock the test moves by hand; starts a little ahead so rows stamped by the database's now() are due. */
function manualClock() {
  let now = new Date(Date.now() + SECOND);
  return {
    clock: () => now,
    set: (to: Date) => void (now = to),
    get now() {
      return now;
    },
  };
}

async function waitFor(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

// ---------------------------------------------------------------- tests

const webhooks = new WebhookReceiver();
const smtpServer = new MailReceiver();
const workers: OutboxWorker[] = [];

beforeAll(async () => {
  await Promise.all([webhooks.start(), smtpServer.start()]);
});
afterAll(async () => {
  await Promise.all([webhooks.close(), smtpServer.close()]);
});
afterEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.stop()));
});

describe('outbox on PostgreSQL', () => {
  let testDb: TestDb;
  let knex: Knex;
  const smtp = (): SmtpSettings => ({
    host: '127.0.0.1',
    port: smtpServer.port,
    user: SMTP_USER,
    password: SMTP_PASSWORD,
    from: 'crm@lodestar.test',
  });

  /** A worker that only delivers when told (drain/nudge): the poll is an hour away. */
  function worker(deps: Partial<OutboxDeps> = {}, options: OutboxOptions = {}) {
    const { log, lines } = capturingLogger();
    const started = startOutboxWorker(
      { knex, log, smtp: smtp(), webhookSecret: SECRET, ...deps },
      { pollMs: 3_600_000, ...options },
    );
    workers.push(started);
    return Object.assign(started, { lines });
  }

  beforeAll(async () => {
    testDb = await createTestDb();
    knex = testDb.db.knex;
    await migrateEngineTables(knex);
  });
  afterAll(() => testDb?.drop());
  beforeEach(async () => {
    await knex('lodestar_outbox').delete();
    webhooks.reset();
    smtpServer.reset();
  });

  it('mails through SMTP: the server receives recipients, subject and text', async () => {
    const id = await enqueue(knex, 'email', {
      to: ['ann@example.com', 'bob@example.com'],
      subject: 'Deal won: Acme',
      text: 'The deal Acme moved to won.',
    });
    const report = await worker().drain();

    expect(report).toEqual({ attempted: 1, sent: 1, retried: 0, failed: 0 });
    expect(smtpServer.mails).toHaveLength(1);
    const mail = smtpServer.mails[0]!;
    expect(mail).toMatchObject({
      from: 'crm@lodestar.test',
      to: ['ann@example.com', 'bob@example.com'],
      user: SMTP_USER,
    });
    expect(mail.raw).toMatch(/^Subject: Deal won: Acme\r$/m);
    expect(mail.raw).toMatch(/^To: ann@example.com, bob@example.com\r$/m);
    expect(mail.raw).toMatch(new RegExp(`^X-Lodestar-Delivery: ${id}\\r$`, 'm'));
    expect(mail.raw).toContain('\r\n\r\nThe deal Acme moved to won.');
    const row = await stored(knex, id);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, last_error: null });
    expect(row.sent_at).toBeInstanceOf(Date);
  });

  it('without SMTP leaves email rows pending with their attempts untouched, and warns once', async () => {
    const mail = await enqueue(knex, 'email', { to: ['ann@example.com'], subject: 'S', text: 'T' });
    const hook = await enqueue(knex, 'webhook', { url: `${webhooks.url}/h`, body: { n: 1 } });
    const w = worker({ smtp: undefined });

    expect(await w.drain()).toEqual({ attempted: 1, sent: 1, retried: 0, failed: 0 });
    expect(await w.drain()).toEqual({ attempted: 0, sent: 0, retried: 0, failed: 0 });
    expect(await stored(knex, mail)).toMatchObject({ status: 'pending', attempts: 0, last_error: null });
    expect(await stored(knex, hook)).toMatchObject({ status: 'sent' });
    expect(w.lines.filter((line) => line.msg.includes('SMTP is not configured'))).toHaveLength(1);

    // Once SMTP is configured, the queued mail goes out.
    expect(await worker().drain()).toMatchObject({ sent: 1 });
    expect(smtpServer.mails.map((m) => m.to)).toEqual([['ann@example.com']]);
  });

  it('fails a mail the server refuses for good (5xx recipient) at once, and keeps the password out of last_error', async () => {
    smtpServer.refuse.add('nobody@example.com');
    const id = await enqueue(knex, 'email', { to: ['nobody@example.com'], subject: 'S', text: 'T' });
    expect(await worker().drain()).toEqual({ attempted: 1, sent: 0, retried: 0, failed: 1 });
    const row = await stored(knex, id);
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row.last_error).toContain('550');
    expect(row.last_error).not.toContain(SMTP_PASSWORD);
  });

  it('retries mail while the SMTP login is refused (a settings problem, not a bad message)', async () => {
    const id = await enqueue(knex, 'email', { to: ['ann@example.com'], subject: 'S', text: 'T' });
    const report = await worker({ smtp: { ...smtp(), password: 'wrong-password-xyz' } }).drain();
    expect(report).toMatchObject({ retried: 1, failed: 0 });
    const row = await stored(knex, id);
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row.last_error).toMatch(/auth|login|535/i);
    expect(row.last_error).not.toContain('wrong-password-xyz');
  });

  it('posts a webhook with a JSON body the receiver can verify by its HMAC signature', async () => {
    const body = { event: 'WIN', entity: 'deal', record: { title: 'Café Ünïcode', amount: 12.5, tags: ['a', 'b'] } };
    const id = await enqueue(knex, 'webhook', { url: `${webhooks.url}/hooks/crm?token=abc`, body });
    expect(await worker().drain()).toEqual({ attempted: 1, sent: 1, retried: 0, failed: 0 });

    expect(webhooks.received).toHaveLength(1);
    const request = webhooks.received[0]!;
    expect(request.path).toBe('/hooks/crm?token=abc');
    expect(JSON.parse(request.raw)).toEqual(body);
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers['x-lodestar-delivery']).toBe(String(id));
    expect(request.headers['x-lodestar-timestamp']).toMatch(/^\d{10}$/);
    expect(request.headers['x-lodestar-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifySignature(SECRET, request.headers, request.raw)).toBe(true);
    // A receiver with another secret, or a tampered body, rejects it.
    expect(verifySignature('other-secret', request.headers, request.raw)).toBe(false);
    expect(verifySignature(SECRET, request.headers, request.raw.replace('12.5', '99'))).toBe(false);
    expect(await stored(knex, id)).toMatchObject({ status: 'sent', attempts: 1, last_error: null });
  });

  it('retries a receiver that answers 500 twice with growing backoff, then records it sent at attempt 3', async () => {
    let calls = 0;
    webhooks.respond = () => (++calls <= 2 ? 500 : 200);
    const time = manualClock();
    const w = worker({ clock: time.clock });
    const id = await enqueue(knex, 'webhook', { url: `${webhooks.url}/flaky`, body: { n: 1 } });

    expect(await w.drain()).toEqual({ attempted: 1, sent: 0, retried: 1, failed: 0 });
    const first = await stored(knex, id);
    expect(first).toMatchObject({ status: 'pending', attempts: 1, last_error: 'HTTP 500 Internal Server Error' });
    const firstDelay = first.next_attempt_at.getTime() - time.now.getTime();
    expect(firstDelay).toBeGreaterThanOrEqual(24 * SECOND);
    expect(firstDelay).toBeLessThanOrEqual(30 * SECOND);

    // Not due before its time.
    time.set(new Date(first.next_attempt_at.getTime() - SECOND));
    expect(await w.drain()).toMatchObject({ attempted: 0 });

    time.set(first.next_attempt_at);
    expect(await w.drain()).toMatchObject({ attempted: 1, retried: 1 });
    const second = await stored(knex, id);
    expect(second).toMatchObject({ status: 'pending', attempts: 2 });
    const secondDelay = second.next_attempt_at.getTime() - time.now.getTime();
    expect(secondDelay).toBeGreaterThanOrEqual(96 * SECOND);
    expect(secondDelay).toBeLessThanOrEqual(120 * SECOND);
    expect(secondDelay).toBeGreaterThan(firstDelay);

    time.set(second.next_attempt_at);
    expect(await w.drain()).toMatchObject({ attempted: 1, sent: 1 });
    expect(await stored(knex, id)).toMatchObject({ status: 'sent', attempts: 3, last_error: null });
    // The same idempotency key on every attempt, so the receiver can tell they are one delivery.
    expect(webhooks.received.map((r) => r.headers['x-lodestar-delivery'])).toEqual([
      String(id),
      String(id),
      String(id),
    ]);
  });

  it('marks an unreachable webhook failed after the maximum number of attempts', async () => {
    const time = manualClock();
    const w = worker({ clock: time.clock }, { maxAttempts: 3 });
    const id = await enqueue(knex, 'webhook', { url: `http://127.0.0.1:${await closedPort()}/nothing`, body: {} });

    const reports = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      reports.push(await w.drain());
      const row = await stored(knex, id);
      expect(row.attempts).toBe(attempt);
      if (row.status === 'pending') time.set(row.next_attempt_at);
    }
    expect(reports.map((r) => [r.retried, r.failed])).toEqual([
      [1, 0],
      [1, 0],
      [0, 1],
    ]);
    const row = await stored(knex, id);
    expect(row).toMatchObject({ status: 'failed', attempts: 3 });
    expect(row.last_error).toContain('ECONNREFUSED');
    expect(row.last_error).not.toContain(SECRET);

    time.set(new Date(time.now.getTime() + 24 * 3_600_000));
    expect(await w.drain()).toMatchObject({ attempted: 0 });
    expect(w.lines.some((line) => line.msg === 'outbox: delivery failed for good' && line.outboxId === id)).toBe(true);
  });

  it('times out a receiver that never answers, and retries', async () => {
    webhooks.respond = () => new Promise(() => undefined);
    const id = await enqueue(knex, 'webhook', { url: `${webhooks.url}/slow`, body: {} });
    const started = Date.now();
    expect(await worker({}, { timeoutMs: 300 }).drain()).toMatchObject({ retried: 1 });
    expect(Date.now() - started).toBeLessThan(5000);
    expect((await stored(knex, id)).last_error).toMatch(/TimeoutError/);
  });

  it('does not follow redirects: a 3xx is retried, not treated as delivered', async () => {
    webhooks.respond = () => 302;
    const id = await enqueue(knex, 'webhook', { url: `${webhooks.url}/moved`, body: {} });
    expect(await worker().drain()).toMatchObject({ retried: 1 });
    expect(await stored(knex, id)).toMatchObject({ last_error: 'HTTP 302 Found' });
  });

  it('fails malformed payloads and unknown kinds at once instead of retrying them', async () => {
    const badMail = await enqueue(knex, 'email', { to: [], subject: 'S', text: 'T' });
    const badHook = await enqueue(knex, 'webhook', { url: 'file:///etc/passwd', body: {} });
    const unknown = await enqueue(knex, 'sms', { to: '+1' });
    expect(await worker().drain()).toEqual({ attempted: 3, sent: 0, retried: 0, failed: 3 });
    expect(await stored(knex, badMail)).toMatchObject({ status: 'failed', attempts: 1 });
    expect((await stored(knex, badHook)).last_error).toContain('http or https');
    expect((await stored(knex, unknown)).last_error).toBe('unknown outbox kind "sms"');
    expect(webhooks.received).toHaveLength(0);
  });

  it('two workers draining at once send each row exactly once', async () => {
    webhooks.respond = () => new Promise((resolve) => setTimeout(() => resolve(200), 15));
    const ids: number[] = [];
    for (let i = 0; i < 40; i++)
      ids.push(
        await enqueue(
          knex,
          i % 4 === 0 ? 'email' : 'webhook',
          i % 4 === 0
            ? { to: [`u${i}@example.com`], subject: `m${i}`, text: 't' }
            : { url: `${webhooks.url}/r`, body: { i } },
        ),
      );
    const options = { batchSize: 4, concurrency: 2 };

    const [a, b] = await Promise.all([worker({}, options).drain(), worker({}, options).drain()]);

    expect(a.sent + b.sent).toBe(40);
    expect(a.sent).toBeGreaterThan(0);
    expect(b.sent).toBeGreaterThan(0);
    const deliveries = webhooks.received.map((r) => Number(r.headers['x-lodestar-delivery']));
    expect(deliveries).toHaveLength(30);
    expect(new Set(deliveries).size).toBe(30);
    expect(smtpServer.mails.map((m) => m.to[0]).sort()).toEqual(
      ids
        .filter((_, i) => i % 4 === 0)
        .map((_, k) => `u${k * 4}@example.com`)
        .sort(),
    );
    const rows = (await knex('lodestar_outbox').select('status', 'attempts')) as { status: string; attempts: number }[];
    expect(rows.every((row) => row.status === 'sent' && Number(row.attempts) === 1)).toBe(true);
  });

  it('makes a claimed row due again when its lease runs out (the sender crashed), and fails rows abandoned too often', async () => {
    const time = manualClock();
    const id = await enqueue(knex, 'webhook', { url: `${webhooks.url}/late`, body: {} });
    const leaseMs = 60 * SECOND;

    // A sender claims the row and dies before recording anything.
    expect(
      (await claimDue(knex, { limit: 10, leaseMs, maxAttempts: 8, clock: time.clock })).map((r) => [r.id, r.attempts]),
    ).toEqual([[id, 1]]);
    expect(await claimDue(knex, { limit: 10, leaseMs, maxAttempts: 8, clock: time.clock })).toEqual([]);
    const w = worker({ clock: time.clock }, { maxAttempts: 3 });
    expect(await w.drain()).toMatchObject({ attempted: 0 });

    time.set(new Date(time.now.getTime() + leaseMs));
    expect(await w.drain()).toMatchObject({ attempted: 1, sent: 1 });
    expect(await stored(knex, id)).toMatchObject({ status: 'sent', attempts: 2 });

    // A row whose senders died at every one of its attempts is failed rather than tried forever.
    const poison = await enqueue(knex, 'webhook', { url: `${webhooks.url}/poison`, body: {} });
    for (let i = 0; i < 3; i++) {
      expect(await claimDue(knex, { limit: 10, leaseMs, maxAttempts: 3, clock: time.clock })).toHaveLength(1);
      time.set(new Date(time.now.getTime() + leaseMs));
    }
    expect(await w.drain()).toMatchObject({ attempted: 0, failed: 1 });
    const row = await stored(knex, poison);
    expect(row).toMatchObject({ status: 'failed', attempts: 3 });
    expect(row.last_error).toContain('never reported a result');
  });

  it('nudge() delivers at once instead of at the next poll, and the poll delivers by itself', async () => {
    const w = worker();
    await enqueue(knex, 'webhook', { url: `${webhooks.url}/nudged`, body: {} });
    w.nudge();
    w.nudge(); // a second nudge during the pass only queues one more look
    await waitFor(() => webhooks.received.length === 1);

    worker({}, { pollMs: 50 });
    await enqueue(knex, 'webhook', { url: `${webhooks.url}/polled`, body: {} });
    await waitFor(() => webhooks.received.length === 2);
    expect(webhooks.received.map((r) => r.path)).toEqual(['/nudged', '/polled']);
  });

  it('stop() waits for deliveries in flight', async () => {
    let release!: () => void;
    webhooks.respond = () => new Promise((resolve) => (release = () => resolve(200)));
    const id = await enqueue(knex, 'webhook', { url: `${webhooks.url}/slow`, body: {} });
    const w = worker();
    const drained = w.drain();
    await waitFor(() => webhooks.received.length === 1);
    let stopped = false;
    const stopping = w.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(await drained).toMatchObject({ sent: 1 });
    expect(await stored(knex, id)).toMatchObject({ status: 'sent' });
  });
});

describe('outbox on PGlite', () => {
  let testDb: TestDb;

  beforeAll(async () => {
    testDb = await createTestDb('pglite');
    await migrateEngineTables(testDb.db.knex);
  });
  afterAll(() => testDb?.drop());

  it('claims due rows once each and delivers them', async () => {
    const knex = testDb.db.knex;
    webhooks.reset();
    const ids = [];
    for (let i = 0; i < 3; i++)
      ids.push(await enqueue(knex, 'webhook', { url: `${webhooks.url}/pglite`, body: { i } }));
    const options = { limit: 2, leaseMs: 60 * SECOND, maxAttempts: 8 };

    const first = await claimDue(knex, options);
    expect(first.map((r) => [r.id, r.attempts])).toEqual([
      [ids[0], 1],
      [ids[1], 1],
    ]);
    expect(first[0]!.payload).toEqual({ url: `${webhooks.url}/pglite`, body: { i: 0 } });
    expect((await claimDue(knex, options)).map((r) => r.id)).toEqual([ids[2]]);
    expect(await claimDue(knex, options)).toEqual([]);

    const fresh = await enqueue(knex, 'webhook', { url: `${webhooks.url}/pglite`, body: { fresh: true } });
    const w = startOutboxWorker({ knex, log: capturingLogger().log, webhookSecret: SECRET }, { pollMs: 3_600_000 });
    workers.push(w);
    const report = await w.drain();
    expect(report, (await stored(knex, fresh)).last_error ?? '').toEqual({
      attempted: 1,
      sent: 1,
      retried: 0,
      failed: 0,
    });
    expect(webhooks.received.map((r) => JSON.parse(r.raw))).toEqual([{ fresh: true }]);
    expect(verifySignature(SECRET, webhooks.received[0]!.headers, webhooks.received[0]!.raw)).toBe(true);
    expect(await stored(knex, fresh)).toMatchObject({ status: 'sent', attempts: 1 });
  });
});
