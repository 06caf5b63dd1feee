import { expect, it } from 'vitest';
import { draftSaved, useBrowserSuite } from '../support/browser.js';

/*
 * The studio's stage panel edits field rules by stage: the default template's won stage shows its lock
 * with the competitor notes still editable; making the amount read-only in 合同谈判 reaches the draft.
 */
const { server, sessions } = useBrowserSuite({ ui: ['runtime-ui', 'studio'] });

it('shows a stage’s lock and edits its read-only fields into the draft', async () => {
  const p = await sessions.open(server.adminToken, 'zh');
  await p.goto('/studio/workflows');
  await p.locator('tr[data-workflow="opportunity-sales"]').getByRole('link', { name: '商机销售流程' }).click();
  await p.locator('[data-state="contractSigned"]').click();
  const stage = p.getByRole('complementary', { name: '阶段' });
  expect(await stage.getByLabel('锁定记录', { exact: true }).inputValue()).toBe('except');
  expect(await stage.getByLabel('竞争对手情况：仍可改').isChecked()).toBe(true);
  expect(await stage.getByLabel('预计金额：仍可改').isChecked()).toBe(false);

  // The panel covers part of the graph: close it before picking the next stage.
  await stage.locator('.wf-panel-head .icon-button').click();
  await p.locator('[data-state="contractNegotiation"]').click();
  await stage.getByLabel('预计金额：只读').check();
  await draftSaved(p);
  const draft = (await server.request('GET', '/api/v1/meta/drafts?id=studio')).body;
  const definitions = (draft.data?.[0] ?? draft).definitions;
  const workflow = definitions.workflows.find((w: { id: string }) => w.id === 'opportunity-sales');
  expect(workflow.states.contractNegotiation.meta.fields).toEqual({ readOnly: ['amount'] });
});
