import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fireNextTimer } from '../src/runtime/fire-timer.js';
import { DATE_TIMER_DEFINITIONS } from './support/date-timer-definitions.js';
import { startTestServer, type TestServer } from './support/test-server.js';

/*
 * An event that leaves a state cancels the state's timers while another engine may be firing one of them:
 * that engine holds the timer row and then waits for the record. The event must not wait for the timer row
 * in turn (a deadlock PostgreSQL would end by failing one of them); it skips the claimed timer, which the
 * firing engine cancels itself once it sees the record has left the state.
 */
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ definitions: DATE_TIMER_DEFINITIONS });
});
afterAll(() => server?.close());

describe('cancelling timers while one is being fired', () => {
  it('lets the event through and leaves the claimed timer to its engine, without a deadlock', async () => {
    const knex = server.testDb.db.knex;
    const created = await server.request('POST', '/api/v1/records/payment', {
      title: '首付款',
      amount: 1000,
      dueDate: '2027-03-10',
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;

    const firing = await knex.transaction();
    try {
      // Another engine claims the record's timer, as claimDueTimer does.
      const claimed = await firing.raw(
        `select id from lodestar_timers where record_id = ? and status = 'pending' for update skip locked`,
        [id],
      );
      expect(claimed.rows).toHaveLength(1);
      const paying = server.request('POST', `/api/v1/records/payment/${id}/events`, { type: 'PAY' });
      await new Promise((resolve) => setTimeout(resolve, 300));
      // The firing engine now locks the record, as fire-timer does before deciding.
      const locked = firing.raw(`select state from payment where id = ? for update`, [id]);
      const [paid, row] = await Promise.all([paying, locked]);
      expect(paid.status, JSON.stringify(paid.body)).toBe(200);
      expect(row.rows[0].state).toBe('paid');
      await firing.commit();
    } catch (error) {
      await firing.rollback().catch(() => undefined);
      throw error;
    }
    // The claimed timer was skipped, not cancelled under the firing engine's lock …
    const timers = () => knex('lodestar_timers').where({ record_id: id }).pluck('status');
    expect(await timers()).toEqual(['pending']);
    // … and the engine that fires it finds the record has left the state, and cancels it instead.
    const model = server.engine.ctx.models.current();
    expect((await fireNextTimer(knex, model, new Date('2027-03-11T01:00:00Z'))).kind).not.toBe('none');
    expect(await timers()).toEqual(['cancelled']);
    expect((await server.request('GET', `/api/v1/records/payment/${id}`)).body.state).toBe('paid');
  });
});
