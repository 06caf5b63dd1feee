import { describe, expect, it } from 'vitest';
import { useBrowserSuite } from '../support/browser.js';

/*
 * The handover of a leaving salesperson's records, reachable from the studio's roles page, in a real Chromium
 * against PostgreSQL: the administrator counts first (nothing moves), then hands over after confirming, and the
 * salesperson's customers and opportunity belong to the colleague; the English screen and a
 * 390 px phone offer the same.
 */
const { server, sessions } = useBrowserSuite({ ui: ['runtime-ui', 'studio'] });

describe('studio handover', () => {
  it('counts, then hands a leaving salesperson’s open records to a colleague', async () => {
    const leaving = await server.userToken({ email: 'li@example.com', displayName: '李离职', roles: ['salesperson'] });
    const taking = await server.userToken({ email: 'he@example.com', displayName: '何接手', roles: ['salesperson'] });
    const as = { authorization: `Bearer ${leaving.token}` };
    const made: string[] = [];
    for (const name of ['交接客户甲', '交接客户乙']) {
      const created = await server.request(
        'POST',
        '/api/v1/records/customer',
        { record_type: 'company', name, industry: 'retail' },
        as,
      );
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      made.push(created.body.id);
    }
    const deal = await server.request(
      'POST',
      '/api/v1/records/opportunity',
      { name: '交接商机', customer: made[0] },
      as,
    );
    expect(deal.status, JSON.stringify(deal.body)).toBe(201);
    const knex = server.testDb.db.knex;
    const owners = async () =>
      [
        ...(await knex('customer').whereIn('id', made).select('owner_id')),
        ...(await knex('opportunity').where({ id: deal.body.id }).select('owner_id')),
      ].map((r) => r.owner_id);

    const p = await sessions.open(server.adminToken, 'zh');
    await p.goto('/studio/roles');
    const panel = p.getByRole('region', { name: '交接客户和记录' });
    await panel.getByLabel('交出人').selectOption({ label: '李离职' });
    await panel.getByLabel('接手人').selectOption({ label: '何接手' });
    await panel.getByRole('button', { name: '统计要交接的记录' }).click();
    const count = panel.getByTestId('handover-count');
    await expect.poll(() => count.textContent()).toContain('将交接 3 条记录');
    expect(await count.locator('[data-entity="customer"]').textContent()).toBe('客户: 2');
    expect(await count.locator('[data-entity="opportunity"]').textContent()).toContain(': 1');
    // Counting moved nothing.
    expect(await owners()).toEqual([leaving.user.id, leaving.user.id, leaving.user.id]);

    await panel.getByRole('button', { name: '交接', exact: true }).click();
    await p.getByRole('dialog').getByRole('button', { name: '交接', exact: true }).click();
    await expect
      .poll(() => panel.getByRole('status').last().textContent())
      .toBe('已把 李离职 名下的 3 条记录交给 何接手。');
    expect(await owners()).toEqual([taking.user.id, taking.user.id, taking.user.id]);

    // The English screen and a phone offer the same panel.
    const en = await sessions.open(server.adminToken, 'en');
    await en.setViewportSize({ width: 390, height: 844 });
    await en.goto('/studio/roles');
    const english = en.getByRole('region', { name: 'Hand over customers and records' });
    await english.getByLabel('From').selectOption({ label: '何接手' });
    await english.getByLabel('To').selectOption({ label: '李离职' });
    const button = english.getByRole('button', { name: 'Count the records to hand over' });
    const box = (await button.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await button.click();
    await expect.poll(() => english.getByTestId('handover-count').textContent()).toContain('3 records to hand over');
  });
});
