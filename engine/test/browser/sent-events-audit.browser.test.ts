import { describe, expect, it } from 'vitest';
import { useBrowserSuite } from '../support/browser.js';
import { crossRecordSet } from '../support/cross-record-definitions.js';

/*
 * Which related records a sendEvent moved and which refused, and why, is on the source record's audit tab:
 * a contract closed over the API cancels two of its orders; the third, without a reference, refuses.
 */
const { server, sessions } = useBrowserSuite({ ui: ['runtime-ui'], server: { definitions: crossRecordSet() } });

describe('sendEvent outcomes on the audit tab', () => {
  it('lists each target with done or refused and the reason, in Chinese, at 390 px', async () => {
    const api = (method: string, path: string, body?: unknown) =>
      server.request(method, `/api/v1/records${path}`, body);
    const contract = (await api('POST', '/contract', { name: '年度框架合同' })).body;
    for (const [name, reference] of [
      ['订单甲', 'R1'],
      ['订单乙', 'R2'],
      ['订单丙', undefined],
    ])
      expect((await api('POST', '/order', { name, reference, contract: contract.id })).status).toBe(201);
    expect((await api('POST', `/contract/${contract.id}/events`, { type: 'CLOSE' })).status).toBe(200);

    const p = await sessions.open(server.adminToken, 'zh');
    await p.setViewportSize({ width: 390, height: 844 });
    await p.goto(`/records/contract/${contract.id}`);
    await p.getByRole('tab', { name: '修改记录' }).click();
    const sent = p.getByTestId('audit').locator('.audit-sent');
    await sent.getByText('向关联记录发送事件 CANCEL：').waitFor();
    await sent.locator('[data-outcome="refused"]').getByText('订单丙').waitFor();
    expect(await sent.locator('[data-outcome="refused"]').textContent()).toContain('拒绝：缺少必填字段');
    expect(await sent.locator('[data-outcome="moved"]').count()).toBe(2);
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
