import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Db } from '../src/db/connect.js';
import { startEngine, type RunningEngine } from '../src/main.js';
import { MAX_STREAMS_PER_USER } from '../src/notifications/stream-hub.js';
import { STREAM_DEFINITIONS as DEFINITIONS } from './support/stream-definitions.js';
import { openSse, type SseStream } from './support/sse-reader.js';
import { startTestServer, type TestServer } from './support/test-server.js';

/*
 * GET /me/notifications/stream over HTTP on PostgreSQL, read with fetch as the runtime UI reads it: a
 * notification a workflow step writes reaches its person's open stream within a second, whichever engine
 * process holds the stream; nobody else hears of it; a reconnect with Last-Event-ID gets what it missed; a
 * read mark updates the count; an approval waiting for the reader is marked; logout ends the stream.
 */

let server: TestServer;
let other: { engine: RunningEngine; db: Db };
type Who = { id: string; token: string };
let owner: Who, finance: Who, outsider: Who;
let customerId: string;
const opened: SseStream[] = [];

const auth = (who: Who) => ({ authorization: `Bearer ${who.token}` });
const stream = async (who: Who, options: { url?: string; lastEventId?: string } = {}) => {
  const headers: Record<string, string> = { ...auth(who) };
  if (options.lastEventId !== undefined) headers['last-event-id'] = options.lastEventId;
  const sse = await openSse(`${options.url ?? server.url}/api/v1/me/notifications/stream`, headers);
  opened.push(sse);
  return sse;
};
const as = (who: Who | undefined, method: string, path: string, body?: unknown) =>
  server.request(method, `/api/v1${path}`, body, who ? auth(who) : {});
const overduePayment = async (title: string) => {
  const created = await as(undefined, 'POST', '/records/payment', {
    title,
    customer: customerId,
    amount: 500,
    collector: finance.id,
    owner_id: owner.id,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const sent = await as(undefined, 'POST', `/records/payment/${created.body.id}/events`, { type: 'OVERDUE' });
  expect(sent.status, JSON.stringify(sent.body)).toBe(200);
  return { id: created.body.id as string, at: performance.now() };
};

beforeAll(async () => {
  server = await startTestServer({ definitions: DEFINITIONS });
  const person = async (email: string, displayName: string, roles: string[]): Promise<Who> => {
    const made = await server.userToken({ email, displayName, roles });
    return { id: made.user.id, token: made.token };
  };
  owner = await person('owner@example.com', '李娜', ['sales']);
  finance = await person('finance@example.com', '王会计', ['finance']);
  outsider = await person('outsider@example.com', '路人', ['sales']);
  customerId = (await as(undefined, 'POST', '/records/customer', { name: '华东机械' })).body.id;
  // A second engine process on the same database, with its own pool and its own listening connection.
  const db = await connect({ databaseUrl: server.testDb.url!, poolSize: 3 });
  const engine = await startEngine(
    { port: 0, db: { dataDir: 'unused' }, definitionsDir: 'unused', logLevel: 'silent', timerPollMs: 100 },
    { db, seed: false },
  );
  other = { engine, db };
});
afterAll(async () => {
  for (const sse of opened) sse.close();
  await other?.engine.close();
  await other?.db.close();
  await server?.close();
});

describe('the notification stream', () => {
  it('answers as an event stream and starts with the unread count', async () => {
    const sse = await stream(owner);
    expect(sse.status).toBe(200);
    expect(sse.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(sse.headers.get('cache-control')).toBe('no-cache, no-transform');
    const first = await sse.next((e) => e.event === 'inbox');
    expect(first.data).toEqual({ unread: 0, items: [], approvals: [] });
    expect(first.id).toBe('0');
  });

  it("brings a workflow step's notification within a second, to its person only", async () => {
    const mine = await stream(owner);
    const theirs = await stream(outsider);
    await mine.next((e) => e.event === 'inbox');
    await theirs.next((e) => e.event === 'inbox');
    const from = mine.events.length;
    const payment = await overduePayment('十二月回款');
    const arrived = await mine.next((e) => e.data.items.length > 0, 2_000, from);
    expect(arrived.at - payment.at).toBeLessThan(1_000);
    expect(arrived.data.unread).toBe(1);
    expect(arrived.data.items).toEqual([
      expect.objectContaining({
        title: { zh: '付款逾期：华东机械 ¥500.00', en: 'Payment overdue: 华东机械 CN¥500.00' },
        entity: 'payment',
        recordId: payment.id,
        readAt: null,
      }),
    ]);
    expect(arrived.id).toBe(String(arrived.data.items[0].id));
    // The outsider was not told, not even a count: one event (the opening one) in all.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(theirs.events.map((e) => e.data)).toEqual([{ unread: 0, items: [], approvals: [] }]);
  });

  it('reaches a stream held by another engine process on the same database', async () => {
    const onB = await stream(owner, { url: other.engine.url });
    await onB.next((e) => e.event === 'inbox');
    const from = onB.events.length;
    // The transition runs on engine A (server), the stream is held by engine B.
    const payment = await overduePayment('跨进程');
    const arrived = await onB.next((e) => e.data.items.length > 0, 2_000, from);
    expect(arrived.at - payment.at).toBeLessThan(1_000);
    expect(arrived.data.items[0].recordId).toBe(payment.id);
  });

  it('updates the count when a notification is read, here or on another device', async () => {
    const sse = await stream(owner);
    const opening = await sse.next((e) => e.event === 'inbox');
    expect(opening.data.unread).toBeGreaterThan(0);
    const from = sse.events.length;
    expect((await as(owner, 'POST', '/me/notifications/read')).status).toBe(200);
    const read = await sse.next((e) => e.data.unread === 0, 2_000, from);
    expect(read.data.items).toEqual([]);
  });

  it('sends what a reconnecting reader missed after its Last-Event-ID, and refuses a malformed one', async () => {
    const first = await stream(owner);
    const opening = await first.next((e) => e.event === 'inbox');
    first.close();
    const missed = await overduePayment('断线期间');
    const again = await stream(owner, { lastEventId: opening.id! });
    const caughtUp = await again.next((e) => e.event === 'inbox');
    expect(caughtUp.data.items.map((n: { recordId: string }) => n.recordId)).toEqual([missed.id]);

    const bad = await stream(owner, { lastEventId: 'abc' });
    expect(bad.status).toBe(400);
    expect(bad.problem).toMatchObject({
      detail: 'Last-Event-ID must be the id of an event this stream sent (digits only)',
      i18n: { zh: 'Last-Event-ID 必须是此通知流发出的事件编号（仅数字）' },
    });
  });

  it('marks a notification about an approval waiting for the reader', async () => {
    const sse = await stream(finance);
    await sse.next((e) => e.event === 'inbox');
    const from = sse.events.length;
    const created = await as(undefined, 'POST', '/records/discount', { title: '华东机械 九折' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(
      (await as(undefined, 'POST', `/records/discount/${created.body.id}/events`, { type: 'SUBMIT' })).status,
    ).toBe(200);
    const arrived = await sse.next(
      (e) => e.data.items.some((n: { entity: string }) => n.entity === 'discount'),
      2_000,
      from,
    );
    const item = arrived.data.items.find((n: { entity: string }) => n.entity === 'discount');
    expect(item.title).toEqual({ zh: '待您审批：华东机械 九折', en: 'Waiting for you: 华东机械 九折' });
    expect(arrived.data.approvals).toEqual([item.id]);
  });

  it('refuses a stream without a token, and one too many for a user', async () => {
    const anonymous = await openSse(`${server.url}/api/v1/me/notifications/stream`, {});
    expect(anonymous.status).toBe(401);
    const made = await server.userToken({ email: 'tabs@example.com', displayName: '多标签', roles: ['sales'] });
    const tabs: Who = { id: made.user.id, token: made.token };
    const crowd: SseStream[] = [];
    for (let i = 0; i < MAX_STREAMS_PER_USER; i++) crowd.push(await stream(tabs));
    expect(crowd.map((s) => s.status)).toEqual(Array(MAX_STREAMS_PER_USER).fill(200));
    const extra = await stream(tabs);
    expect(extra.status).toBe(429);
    expect(extra.problem).toMatchObject({
      i18n: { zh: `您已打开 ${MAX_STREAMS_PER_USER} 个通知连接，请关闭一些标签页或稍后再试` },
    });
    // A closed tab frees its place.
    crowd[0]!.close();
    await expect.poll(async () => (await stream(tabs)).status, { timeout: 3_000 }).toBe(200);
  });

  it('ends when its session is signed out', async () => {
    const made = await server.userToken({ email: 'leaving@example.com', displayName: '下班', roles: ['sales'] });
    const leaving: Who = { id: made.user.id, token: made.token };
    const sse = await stream(leaving);
    await sse.next((e) => e.event === 'inbox');
    expect((await as(leaving, 'POST', '/auth/logout')).status).toBeLessThan(300);
    const end = await sse.next((e) => e.event === 'end', 3_000);
    expect(end.data).toEqual({ reason: 'signed-out' });
    await sse.ended;
    expect((await stream(leaving)).status).toBe(401);
  });
});
