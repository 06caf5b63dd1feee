import { beforeAll, describe, expect, it } from 'vitest';
import { draftSaved, screenshot, useBrowserSuite } from '../support/browser.js';

/*
 * An administrator reshapes the sales funnel in the studio's workflow designer, in a real Chromium
 * against PostgreSQL with the default template: a "pilot" stage inserted between needs identified and
 * solution proposed, guarded by the amount. The engine's issues show where they point and stop the
 * publish; once fixed it publishes, and a salesperson moves a deal into the new stage by its button.
 */
const { server, sessions } = useBrowserSuite({ ui: ['runtime-ui', 'studio'] });
let salesToken = '';
let dealId = '';

const api = async (method: string, path: string, body?: unknown, token?: string) =>
  server.request(method, `/api/v1${path}`, body, token ? { authorization: `Bearer ${token}` } : {});

beforeAll(async () => {
  salesToken = (await server.userToken({ email: 'zhao@example.com', displayName: '赵敏', roles: ['salesperson'] }))
    .token;
  // A deal that has reached "needs identified", set up over the API as the salesperson.
  const customer = (
    await api(
      'POST',
      '/records/customer',
      { record_type: 'company', name: '江南智造有限公司', industry: 'manufacturing' },
      salesToken,
    )
  ).body.id;
  const contact = (await api('POST', '/records/contact', { name: '周工', customer }, salesToken)).body.id;
  const deal = {
    name: '江南智造 MES 试点',
    customer,
    decisionMaker: contact,
    description: '车间排产与追溯',
    amount: 480000,
  };
  dealId = (await api('POST', '/records/opportunity', deal, salesToken)).body.id;
  for (const type of ['MEET_DECISION_MAKERS', 'CONFIRM_NEEDS']) {
    expect((await api('POST', `/records/opportunity/${dealId}/events`, { type }, salesToken)).status).toBe(200);
  }
});

const publishedVersion = async () => (await api('GET', '/meta/model')).body.version as number;
const salesFunnel = async () =>
  (await api('GET', '/meta/model')).body.definitions.workflows.find(
    (w: { id: string }) => w.id === 'opportunity-sales',
  );

describe('the workflow designer', () => {
  it('inserts a guarded pilot stage, is stopped by an empty guard param, publishes; a deal moves into it', async () => {
    const p = await sessions.open(server.adminToken, 'zh');
    await p.goto('/studio/workflows');
    await p.locator('tr[data-workflow="opportunity-sales"]').getByRole('link', { name: '商机销售流程' }).click();
    await p.locator('[data-state="needsIdentified"]').waitFor();
    expect(await p.locator('[data-state="needsIdentified"]').textContent()).toContain('40%');

    // Insert "pilot" into needsIdentified → solutionProposed: PROPOSE now enters pilot, a new event leaves it.
    await p.locator('[data-state="needsIdentified"]').click();
    await p.getByRole('complementary', { name: '阶段' }).locator('[data-out-event="PROPOSE"]').click();
    const transition = p.getByRole('complementary', { name: '流转' });
    await transition.getByRole('button', { name: '在中间插入阶段' }).click();
    const dialog = p.getByRole('dialog', { name: '在中间插入阶段' });
    await dialog.getByLabel('中文名称', { exact: true }).fill('试点');
    await dialog.getByLabel('英文名称', { exact: true }).fill('Pilot');
    expect(await dialog.getByLabel('阶段标识', { exact: true }).inputValue()).toBe('pilot');
    await dialog.getByLabel('事件名 · 中文名称', { exact: true }).fill('试点完成');
    await dialog.getByLabel('事件名 · 英文名称', { exact: true }).fill('Pilot completed');
    // Ids are derived from the titles and shown under 高级 (Advanced), where they can still be set.
    await dialog.getByText('高级', { exact: true }).click();
    expect(await dialog.getByLabel('事件标识', { exact: true }).inputValue()).toBe('PILOT_COMPLETED');
    await dialog.getByLabel('事件标识', { exact: true }).fill('COMPLETE_PILOT');
    await dialog.getByRole('button', { name: '完成' }).click();
    const stage = p.getByRole('complementary', { name: '阶段' });
    await stage.getByLabel('赢率 %', { exact: true }).fill('45');
    await p.locator('[data-state="pilot"]').getByText('45%').waitFor();

    // The guard into pilot: requireFields, first with its required param left empty.
    await p.locator('[data-state="needsIdentified"]').click();
    await stage.locator('[data-out-event="PROPOSE"]').click();
    expect(await transition.getByLabel('目标阶段', { exact: true }).inputValue()).toBe('pilot');
    await transition.getByLabel('条件', { exact: true }).selectOption('requireFields');
    await transition
      .getByTestId('transition-issues')
      .getByText(/fields/)
      .waitFor();
    await p.getByTestId('workflow-issues').getByText('阶段“需求确认”的流转“提交方案”').waitFor();
    await draftSaved(p);

    // Nothing is published while the issue exists: the plan is refused, and so is a publish over the API.
    const before = await publishedVersion();
    await p.getByRole('navigation', { name: /./ }).getByRole('link', { name: '草稿与发布' }).click();
    await p.getByRole('alert').getByText('草稿中还有问题').waitFor();
    expect(await p.getByRole('button', { name: '发布', exact: true }).count()).toBe(0);
    expect(
      (await api('POST', '/meta/drafts/studio/publish', { confirmDestructive: true })).status,
    ).toBeGreaterThanOrEqual(400);
    expect(await publishedVersion()).toBe(before);

    await p.goBack();
    await p.locator('[data-state="needsIdentified"]').click();
    await stage.locator('[data-out-event="PROPOSE"]').click();
    await transition.getByLabel('字段', { exact: true }).selectOption(['amount']);
    await expect.poll(() => transition.getByTestId('transition-issues').count()).toBe(0);
    await draftSaved(p);
    await p.getByTestId('workflow-issues').getByText('引擎没有发现问题。').waitFor();
    await p.locator('[data-state="pilot"]').click();
    await screenshot(p, 'studio-workflow');

    const draft = (await api('GET', '/meta/drafts/studio')).body.definitions.workflows.find(
      (w: { id: string }) => w.id === 'opportunity-sales',
    );
    expect(draft.states.needsIdentified.on.PROPOSE).toMatchObject({
      target: 'pilot',
      guard: { type: 'requireFields', params: { fields: ['amount'] } },
    });
    expect(draft.states.pilot).toMatchObject({
      meta: { title: { zh: '试点', en: 'Pilot' }, probability: 0.45, outcome: 'open' },
      on: {
        COMPLETE_PILOT: { target: 'solutionProposed', meta: { title: { zh: '试点完成', en: 'Pilot completed' } } },
      },
    });
    expect(Object.keys(draft.states).indexOf('pilot')).toBe(Object.keys(draft.states).indexOf('needsIdentified') + 1);

    // The plan: a new state changes no table; publish it.
    await p.getByRole('link', { name: '预览并发布' }).click();
    await p.getByRole('button', { name: '发布', exact: true }).waitFor();
    expect(await p.locator('.plan-step[data-safety="destructive"], .plan-step[data-safety="blocked"]').count()).toBe(0);
    expect(
      await p
        .locator(
          '.plan-step[data-kind="addColumn"], .plan-step[data-kind="dropColumn"], .plan-step[data-kind="createTable"]',
        )
        .count(),
    ).toBe(0);
    await p.getByRole('button', { name: '发布', exact: true }).click();
    await p.getByTestId('published').waitFor();
    expect(await publishedVersion()).toBe(before + 1);
    expect((await salesFunnel()).states.pilot.meta.probability).toBe(0.45);

    // The salesperson moves the deal into pilot with the event's button on the record page.
    const sales = await sessions.open(salesToken, 'zh');
    await sales.goto(`/records/opportunity/${dealId}`);
    const propose = sales.locator('[data-event="PROPOSE"]');
    await expect.poll(() => propose.isEnabled()).toBe(true);
    await propose.click();
    await expect
      .poll(async () => (await api('GET', `/records/opportunity/${dealId}`, undefined, salesToken)).body.state)
      .toBe('pilot');
    const history = (await api('GET', `/records/opportunity/${dealId}/history`, undefined, salesToken)).body.data;
    expect(history.at(-1)).toMatchObject({ from: 'needsIdentified', to: 'pilot', event: 'PROPOSE' });
    await sales.locator('[data-event="COMPLETE_PILOT"]').waitFor();
  });

  it('shows a transition to a missing stage where it points, and will not publish it', async () => {
    // A consultant's draft (same JSON) whose transition names a stage that does not exist.
    const definitions = (await api('GET', '/meta/model')).body.definitions;
    const funnel = definitions.workflows.find((w: { id: string }) => w.id === 'opportunity-sales');
    funnel.states.pilot.on.COMPLETE_PILOT.target = 'pilotReview';
    const put = await api('PUT', '/meta/drafts/studio', { definitions });
    expect(put.body.issues).toEqual([
      expect.objectContaining({
        file: expect.stringMatching(/^workflows\[\d+\]$/),
        pointer: '/states/pilot/on/COMPLETE_PILOT/target',
        keyword: 'unknownState',
      }),
    ]);

    const p = await sessions.open(server.adminToken, 'en');
    await p.goto('/studio/workflows/opportunity-sales');
    await p.locator('[data-state="pilotReview"]').waitFor();
    await p.getByTestId('workflow-issues').getByText('target state "pilotReview" does not exist').waitFor();
    await p
      .getByTestId('workflow-issues')
      .getByRole('button', { name: 'Transition “Pilot completed” of stage “Pilot”' })
      .click();
    const transition = p.getByRole('complementary', { name: 'Transition' });
    await transition
      .getByTestId('transition-issues')
      .getByText('target: target state "pilotReview" does not exist')
      .waitFor();

    const before = await publishedVersion();
    await p.getByRole('link', { name: 'Review and publish' }).click();
    await p.getByRole('alert').getByText('The draft has problems to fix').waitFor();
    expect(await p.getByRole('button', { name: 'Publish', exact: true }).count()).toBe(0);
    expect(
      (await api('POST', '/meta/drafts/studio/publish', { confirmDestructive: true })).status,
    ).toBeGreaterThanOrEqual(400);
    expect(await publishedVersion()).toBe(before);

    // Pointing it back at an existing stage clears the issue.
    await p.goBack();
    await p
      .getByTestId('workflow-issues')
      .getByRole('button', { name: 'Transition “Pilot completed” of stage “Pilot”' })
      .click();
    await transition.getByLabel('Target stage', { exact: true }).selectOption('solutionProposed');
    await p.getByTestId('workflow-issues').getByText('The engine found no problems.').waitFor();
    expect(await p.locator('[data-state="pilotReview"]').count()).toBe(0);
  });
});
