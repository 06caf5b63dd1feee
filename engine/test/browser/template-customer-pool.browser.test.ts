import { beforeAll, describe, expect, it } from 'vitest';
import { screenshot, useBrowserSuite } from '../support/browser.js';
import { apiOf, standardWithAddon } from '../support/template-journey.js';

/*
 * The customer-pool add-on in Chromium, in Chinese: a salesperson finds a customer nobody owns in the customer
 * list, claims it with 领取 on its record page (she is now its owner and 退回公海 is offered), and returns it;
 * at the limit of claimed customers the 领取 button is disabled with the limit as its reason.
 */
const definitions = standardWithAddon('customer-pool');

const { server, sessions } = useBrowserSuite({ server: { definitionsDir: definitions } });
const api = apiOf(server);
let wang = { token: '', id: '' };
let pooled = '';
let second = '';

beforeAll(async () => {
  await api('POST', '/meta/templates/shipped/customer-pool/install', {});
  const made = await server.userToken({ email: 'wang@example.com', displayName: '王晓梅', roles: ['salesperson'] });
  wang = { token: made.token, id: made.user.id };
  const create = async (name: string) => {
    const id = (await api('POST', '/records/customer', { record_type: 'company', name, industry: 'retail' })).id;
    await api('POST', `/records/customer/${id}/events`, { type: 'RELEASE' });
    return id as string;
  };
  pooled = await create('苏州恒远精密制造有限公司');
  second = await create('宁波海纳贸易有限公司');
});

describe('claiming from the pool in the browser', () => {
  it('a salesperson claims a customer nobody owns from its record page, then returns it', async () => {
    const page = await sessions.open(wang.token, 'zh');
    await page.goto('/records/customer');
    // The pool customer is in her list although nobody owns it.
    await page.getByText('苏州恒远精密制造有限公司').first().click();
    await page.waitForURL(new RegExp(`/records/customer/${pooled}$`));
    await page.getByRole('heading', { name: '苏州恒远精密制造有限公司' }).waitFor();
    expect(await page.getByTestId('record-owner').count()).toBe(0);
    const bar = page.getByTestId('event-bar');
    const claim = bar.getByRole('button', { name: '领取', exact: true });
    await expect.poll(() => claim.isEnabled()).toBe(true);
    await claim.click();
    await expect.poll(() => page.getByTestId('record-owner').textContent()).toContain('王晓梅');
    const release = bar.getByRole('button', { name: '退回公海', exact: true });
    await expect.poll(() => release.isEnabled()).toBe(true);
    expect(await bar.getByTestId('blocked-reason-CLAIM').textContent()).toContain('该客户已有负责人');
    await screenshot(page, 'customer-pool-claimed');
    expect((await api('GET', `/records/customer/${pooled}`)).owner_id).toBe(wang.id);

    await release.click();
    await expect.poll(() => page.getByTestId('record-owner').count()).toBe(0);
    expect(await api('GET', `/records/customer/${pooled}`)).toMatchObject({ owner_id: null, inPool: true });
  });

  it('at the limit the claim is disabled, saying the limit', async () => {
    const knex = server.testDb.db.knex;
    await knex('customer').insert(
      Array.from({ length: 50 }, (_, i) => ({
        record_type: 'company',
        name: `王晓梅领取的客户${i + 1}`,
        industry: 'retail',
        state: 'prospect',
        owner_id: wang.id,
        claimedOn: new Date(),
        inPool: false,
      })),
    );
    const page = await sessions.open(wang.token, 'zh');
    await page.goto(`/records/customer/${second}`);
    await page.getByRole('heading', { name: '宁波海纳贸易有限公司' }).waitFor();
    const reason = page.getByTestId('event-bar').getByTestId('blocked-reason-CLAIM');
    await expect.poll(() => reason.textContent()).toContain('每人最多持有 50 个从公海领取的客户');
    expect(await page.getByTestId('event-bar').getByRole('button', { name: '领取', exact: true }).isDisabled()).toBe(
      true,
    );
  });
});
