import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { signedInPage, useBrowserSuite } from '../support/browser.js';

/*
 * The record page's stage path shows what happened, read from the record's history: an opportunity moved
 * 方案提交 → 口头承诺 straight on does not show 产品演示 and 方案修订 as done (issue 12, item 13).
 */
const { server, browser } = useBrowserSuite({ failurePage: () => page });
let page: Page;
let opportunity = '';

beforeAll(async () => {
  const api = async (method: string, path: string, body?: unknown) => {
    const response = await server.request(method, `/api/v1${path}`, body);
    expect(response.status, JSON.stringify(response.body)).toBeLessThan(300);
    return response.body;
  };
  const customer = (
    await api('POST', '/records/customer', {
      record_type: 'company',
      name: '华东精密制造有限公司',
      industry: 'manufacturing',
      region: 'eastChina',
    })
  ).id;
  const contact = (await api('POST', '/records/contact', { name: '张伟', customer })).id;
  opportunity = (
    await api('POST', '/records/opportunity', {
      name: '精密制造 MES 项目',
      customer,
      contacts: [contact],
      decisionMaker: contact,
      description: '产线数据采集与排产',
      amount: 500000,
      expectedCloseDate: '2026-12-15',
    })
  ).id;
  // 初步接触 → 接触决策人 (skipping 有意向) → 需求确认 → 方案提交 → 口头承诺 (skipping 产品演示 and 方案修订).
  for (const type of ['MEET_DECISION_MAKERS', 'CONFIRM_NEEDS', 'PROPOSE', 'COMMIT'])
    await api('POST', `/records/opportunity/${opportunity}/events`, { type });
  ({ page } = await signedInPage(browser, server.url, server.adminToken, 'zh'));
  page.setDefaultTimeout(15_000);
});

describe('the stage path of a record', () => {
  it('ticks only the stages the record entered; skipped stages stay not done', async () => {
    await page.goto(`/records/opportunity/${opportunity}`);
    const path = page.getByTestId('stage-path');
    const step = (state: string) => path.locator(`li[data-state="${state}"]`);
    await step('verbalCommitment').and(page.locator('[aria-current="step"]')).waitFor();
    const done = ['initialContact', 'meetingDecisionMakers', 'needsIdentified', 'solutionProposed'];
    // The ticks come from the record's history, which loads after the record.
    await expect
      .poll(async () =>
        path.locator('li.is-passed').evaluateAll((items) => items.map((li) => li.getAttribute('data-state'))),
      )
      .toEqual(done);
    // Stages it skipped are not on its path; the current stage's next steps are, not ticked.
    for (const skipped of ['interestShown', 'demonstration']) expect(await step(skipped).count()).toBe(0);
    for (const next of ['contractNegotiation', 'proposalRevised']) {
      expect(await step(next).getAttribute('class')).toContain('is-next');
      expect(await step(next).locator('.stage-tick').count()).toBe(0);
    }
    expect(await step('solutionProposed').locator('.stage-tick').count()).toBe(1);
    // Each stage it left says how long it stayed there.
    expect(await step('solutionProposed').getByTestId('stage-spent').textContent()).toMatch(/^停留 /);
  });

  it('ticks the stage it just left after an event sent from the page', async () => {
    await page.goto(`/records/opportunity/${opportunity}`);
    await page.locator('[data-event="NEGOTIATE"]').click();
    const path = page.getByTestId('stage-path');
    await path.locator('li[data-state="contractNegotiation"][aria-current="step"]').waitFor();
    await expect
      .poll(() => path.locator('li[data-state="verbalCommitment"]').getAttribute('class'))
      .toContain('is-passed');
    expect(await path.locator('li[data-state="demonstration"]').count()).toBe(0);
  });
});
