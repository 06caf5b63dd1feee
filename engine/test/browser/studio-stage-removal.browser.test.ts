import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { screenshot, signedInPage, useBrowserSuite } from '../support/browser.js';

/*
 * Removing a stage that still holds a deal, in the studio's publish page: the plan names the records,
 * the admin picks the stage they move to, the step turns safe, and after publishing the deal sits in
 * the chosen stage with its data; nothing is lost.
 */
const { server, browser } = useBrowserSuite({ failurePage: () => page });
let page: Page | undefined;
let dealId = '';

beforeAll(async () => {
  const api = async (method: string, path: string, body?: unknown) =>
    (await server.request(method, `/api/v1${path}`, body)).body;
  const customer = await api('POST', '/records/customer', {
    record_type: 'company',
    name: '西湖电子',
    industry: 'manufacturing',
  });
  const contact = await api('POST', '/records/contact', { name: '周敏', customer: customer.id });
  const deal = await api('POST', '/records/opportunity', {
    name: '西湖电子 CRM',
    customer: customer.id,
    contacts: [contact.id],
    amount: 260000,
  });
  dealId = deal.id;
  expect(
    (await server.request('POST', `/api/v1/records/opportunity/${dealId}/events`, { type: 'SHOW_INTEREST' })).status,
  ).toBe(200);
});

describe('removing a stage that holds records', () => {
  it('asks where its records go, and moves them there when publishing', async () => {
    // The draft (as the workflow designer would leave it): "interest shown" removed, and the event into it.
    const definitions = (await server.request('GET', '/api/v1/meta/model')).body.definitions;
    const sales = definitions.workflows.find((w: { id: string }) => w.id === 'opportunity-sales');
    delete sales.states.interestShown;
    delete sales.states.initialContact.on.SHOW_INTEREST;
    expect((await server.request('PUT', '/api/v1/meta/drafts/studio', { definitions })).status).toBeLessThan(300);

    ({ page } = await signedInPage(browser, server.url, server.adminToken, 'zh'));
    page.setDefaultTimeout(15_000);
    await page.goto('/studio/publish');
    const destructive = page.locator('[data-safety="destructive"][data-kind="moveState"]');
    await destructive.waitFor();
    expect(await destructive.getAttribute('data-rows')).toBe('1');

    await page
      .getByTestId('state-mapping')
      .getByLabel(/interestShown/)
      .selectOption('meetingDecisionMakers');
    // Mapped, the step is safe: no confirmation word is asked for.
    await page.locator('[data-safety="safe"][data-kind="moveState"]').waitFor();
    expect(await page.locator('[data-safety="destructive"]').count()).toBe(0);
    await screenshot(page, 'studio-stage-mapping');
    await page.getByRole('button', { name: '发布' }).click();
    await page.getByTestId('published').waitFor();

    const deal = (await server.request('GET', `/api/v1/records/opportunity/${dealId}`)).body;
    expect(deal).toMatchObject({ state: 'meetingDecisionMakers', name: '西湖电子 CRM', amount: 260000 });
    const history = (await server.request('GET', `/api/v1/records/opportunity/${dealId}/history`)).body.data as {
      from: string;
      to: string;
      event: string;
    }[];
    expect(history.at(-1)).toMatchObject({ from: 'interestShown', to: 'meetingDecisionMakers', event: 'MIGRATE' });
  });
});
