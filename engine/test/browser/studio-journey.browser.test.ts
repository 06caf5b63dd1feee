import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { draftSaved, useBrowserSuite } from '../support/browser.js';

/*
 * Issue 19's journey, in Chinese, only through the studio's screens: an admin who knows no identifiers gives the
 * customer a 经销商 type with two fields (by their titles), lays them out in a section 经销信息, builds a workflow
 * 申请 → 区域经理审批 → 已签约 for the type whose approval stage has the owner's manager approving and a reminder
 * after 2 days, and whose submit transition holds a two-row condition built in the rule builder; previews it as a
 * 销售代表 (nothing saved), publishes; a salesperson creates a 经销商, is refused below the threshold, submits it
 * once it holds, and the manager approves it from their inbox. The API only creates the two users and reads back
 * what was stored.
 */
const { server, sessions } = useBrowserSuite({ ui: ['runtime-ui', 'studio'] });
const REFUSAL = '年采购额达到 100 万并填写授权区域后才能提交';
const users = { sales: '', manager: '' };

beforeAll(async () => {
  const manager = await server.userToken({ email: 'zhao@example.com', displayName: '赵经理', roles: ['salesManager'] });
  const sales = await server.userToken({
    email: 'li@example.com',
    displayName: '李娜',
    roles: ['salesperson'],
    managerId: manager.user.id,
  });
  users.manager = manager.token;
  users.sales = sales.token;
});

const draft = async () => (await server.request('GET', '/api/v1/meta/drafts/studio')).body.definitions;
const customerIn = (definitions: { entities: { $id: string }[] }) =>
  definitions.entities.find((e) => e.$id === 'customer') as unknown as {
    properties: Record<string, { 'x-i18n'?: { title?: { zh?: string } }; 'x-ui'?: { section?: string } }>;
    'x-entity': {
      recordTypes: Record<string, { title: { zh: string } }>;
      sections: { id: string; title: { zh: string } }[];
    };
  };
/** The id the studio derived for the field titled `zh` (the admin never saw it). */
const fieldId = (customer: ReturnType<typeof customerIn>, zh: string) =>
  Object.keys(customer.properties).find((k) => customer.properties[k]!['x-i18n']?.title?.zh === zh)!;

async function addField(p: Page, zh: string, kind?: string): Promise<void> {
  await p.getByRole('button', { name: '添加字段' }).click();
  const dialog = p.getByRole('dialog', { name: '添加字段' });
  if (kind) await dialog.getByLabel('字段类型', { exact: true }).selectOption(kind);
  await dialog.getByLabel('中文名称', { exact: true }).fill(zh);
  await dialog.getByRole('button', { name: '完成' }).click();
  await p.getByRole('table', { name: '字段' }).locator('tr', { hasText: zh }).first().waitFor();
}

async function closePanel(p: Page): Promise<void> {
  const close = p.locator('.wf-panel-head .icon-button');
  if (await close.count()) await close.first().click();
}

async function addTransition(p: Page, from: string, to: string, zh: string, outcome?: string): Promise<void> {
  await closePanel(p);
  await p.getByRole('button', { name: '添加流转' }).click();
  const dialog = p.getByRole('dialog', { name: '添加流转' });
  await dialog.getByLabel('从', { exact: true }).selectOption({ label: from });
  await dialog.getByLabel('到', { exact: true }).selectOption({ label: to });
  await dialog.getByLabel('中文名称', { exact: true }).fill(zh);
  if (outcome) await dialog.getByLabel('审批结果', { exact: true }).selectOption({ label: outcome });
  await dialog.getByRole('button', { name: '完成' }).click();
  await dialog.waitFor({ state: 'detached' });
}

const stageNode = (p: Page, title: string): Locator => p.locator('[data-state]', { hasText: title }).first();

describe('a non-technical admin builds 经销商 end to end', () => {
  it('type, layout, approval workflow with reminder and condition, preview, publish; a salesperson uses it', async () => {
    const p = await sessions.open(server.adminToken, 'zh');
    await p.setViewportSize({ width: 1366, height: 900 });

    // 1. Two fields and the record type, by their titles only.
    await p.goto('/studio/entities/customer');
    await p.getByRole('table', { name: '字段' }).waitFor();
    await addField(p, '年采购额', 'number');
    await addField(p, '授权区域');
    await p.getByRole('button', { name: '添加类型' }).click();
    const typeDialog = p.getByRole('dialog', { name: '添加类型' });
    await typeDialog.getByLabel('中文名称', { exact: true }).fill('经销商');
    await typeDialog.getByLabel('英文名称', { exact: true }).fill('Distributor');
    await typeDialog.getByRole('button', { name: '完成' }).click();
    await typeDialog.waitFor({ state: 'detached' });
    await draftSaved(p);
    let customer = customerIn(await draft());
    const [volume, regions] = [fieldId(customer, '年采购额'), fieldId(customer, '授权区域')];
    const type = Object.keys(customer['x-entity'].recordTypes).find(
      (k) => customer['x-entity'].recordTypes[k]!.title.zh === '经销商',
    )!;
    expect([volume, regions, type].every(Boolean)).toBe(true);

    // 2. The 布局 tab: a section 经销信息 holding both fields, on the 经销商 form.
    await p.getByRole('tab', { name: '布局' }).click();
    const designer = p.getByRole('group', { name: '表单分组' });
    await designer.waitFor();
    await p.getByLabel('记录类型', { exact: true }).selectOption({ label: '经销商' });
    await designer.getByLabel('新分组中文名称').fill('经销信息');
    await designer.getByRole('button', { name: '添加分组' }).click();
    const zone = designer.getByRole('region', { name: '经销信息', exact: true });
    await zone.getByText('把字段拖到这里').waitFor();
    await designer.getByLabel('把 年采购额 移到分组').selectOption({ label: '经销信息' });
    await designer.getByLabel('把 授权区域 移到分组').selectOption({ label: '经销信息' });
    await expect
      .poll(() => zone.locator('[data-field]').evaluateAll((els) => els.map((e) => e.getAttribute('data-field'))))
      .toEqual([volume, regions]);
    await draftSaved(p);
    customer = customerIn(await draft());
    const section = customer['x-entity'].sections.find((s) => s.title.zh === '经销信息')!;
    expect(customer.properties[volume]!['x-ui']?.section).toBe(section.id);
    expect(customer.properties[regions]!['x-ui']?.section).toBe(section.id);

    // 3. A workflow for the 经销商 type: three stages, an approval, a reminder, a two-row condition.
    await p.goto('/studio/workflows');
    await p.getByRole('button', { name: '新建流程' }).click();
    const dialog = p.getByRole('dialog', { name: '新建流程' });
    await dialog.getByLabel('流程名称（中文）', { exact: true }).fill('经销商签约');
    await dialog.getByLabel('业务对象', { exact: true }).selectOption({ label: '客户' });
    await dialog.getByLabel('记录类型（可选）', { exact: true }).selectOption({ label: '经销商' });
    await dialog.getByLabel('第一个阶段', { exact: true }).fill('申请');
    await dialog.getByRole('button', { name: '创建' }).click();
    await p.getByRole('heading', { name: '经销商签约' }).waitFor();
    await stageNode(p, '申请').waitFor();
    const workflowId = decodeURIComponent(p.url().split('/').at(-1)!);
    for (const title of ['区域经理审批', '已签约']) {
      await closePanel(p);
      await p.getByRole('button', { name: '添加阶段' }).click();
      const stageDialog = p.getByRole('dialog', { name: '添加阶段' });
      await stageDialog.getByLabel('中文名称', { exact: true }).fill(title);
      await stageDialog.getByRole('button', { name: '完成' }).click();
      await stageNode(p, title).waitFor();
    }
    await addTransition(p, '申请', '区域经理审批', '提交审批');

    // The approval stage: the owner's manager approves; a reminder when it waits 2 days.
    await closePanel(p);
    await stageNode(p, '区域经理审批').click();
    const stage = p.getByRole('complementary', { name: '阶段' });
    await stage.getByRole('button', { name: '+ 添加审批' }).click();
    expect(await stage.getByLabel('第 1 步 · 审批人').inputValue()).toBe('ownerManager');
    await stage.getByLabel('第 1 步 · 中文名称').fill('区域经理审批');
    await stage.getByLabel('停滞提醒', { exact: true }).fill('2');
    await stage.getByLabel('停滞提醒：单位', { exact: true }).selectOption({ label: '天' });
    // The engine asks, in words, for the approval's two outcomes; the transition dialog offers them by meaning.
    const issues = p.getByTestId('workflow-issues');
    await issues.getByText('审批阶段必须有同意和驳回两个流转').first().waitFor();
    // Where, by the stage's title: no pointer, no id.
    expect(await issues.getByRole('button', { name: '阶段“区域经理审批”' }).count()).toBe(2);
    expect(await issues.textContent()).not.toMatch(/states|APPROVE|REJECT/);
    await addTransition(p, '区域经理审批', '已签约', '同意', '审批同意后');
    await addTransition(p, '区域经理审批', '申请', '驳回', '审批驳回后');

    // The submit transition's condition: two rows of field, operator and value.
    await closePanel(p);
    await stageNode(p, '申请').click();
    await stage.locator('[data-out-event]', { hasText: '提交审批' }).click();
    const transition = p.getByRole('complementary', { name: '流转' });
    await transition.getByLabel('条件', { exact: true }).selectOption({ label: '数据条件' });
    const builder = transition.getByTestId('rule-builder');
    await builder.getByLabel('条件 1 的字段', { exact: true }).selectOption({ label: '年采购额' });
    await builder.getByLabel('条件 1 的运算', { exact: true }).selectOption({ label: '≥' });
    await builder.getByLabel('条件 1 的值', { exact: true }).fill('1000000');
    await builder.getByRole('button', { name: '+ 添加条件', exact: true }).first().click();
    await builder.getByLabel('条件 2 的字段', { exact: true }).selectOption({ label: '授权区域' });
    await builder.getByLabel('条件 2 的运算', { exact: true }).selectOption({ label: '不为空' });
    await expect
      .poll(() => builder.getByTestId('rule-words').textContent())
      .toBe('条件含义：年采购额 ≥ 1000000 且 授权区域 不为空');
    await expect.poll(() => builder.getByTestId('rule-verdict').textContent()).toBe('条件正确');
    // Written in Chinese only: the English follows it until it is typed.
    await transition.getByLabel('不满足时的提示 · 中文', { exact: true }).fill(REFUSAL);
    await draftSaved(p);
    await expect.poll(() => p.getByTestId('workflow-issues').textContent()).toContain('引擎没有发现问题。');
    const workflow = (await draft()).workflows.find((w: { id: string }) => w.id === workflowId);
    const states = workflow.states as Record<string, { meta: Record<string, unknown>; on?: Record<string, unknown> }>;
    const stateOf = (zh: string) =>
      Object.keys(states).find((k) => (states[k]!.meta.title as { zh: string }).zh === zh)!;
    const [apply, review, signed] = [stateOf('申请'), stateOf('区域经理审批'), stateOf('已签约')];
    expect(workflow.meta).toMatchObject({ entity: 'customer', recordType: type });
    expect(workflow.initial).toBe(apply);
    expect(states[review]!.meta).toMatchObject({
      stuckAfter: 'P2D',
      approval: { steps: [{ approver: { ownerManager: true }, title: { zh: '区域经理审批' } }] },
    });
    expect(states[review]!.on).toMatchObject({ APPROVE: { target: signed }, REJECT: { target: apply } });
    const submit = Object.values(states[apply]!.on!)[0] as {
      target: string;
      guard: { params: { check: string; message: unknown } };
    };
    expect(submit.target).toBe(review);
    expect(submit.guard.params.message).toEqual({ zh: REFUSAL, en: REFUSAL });
    expect(submit.guard.params.check).toBe(`${volume} >= 1000000 AND NOT(ISBLANK(${regions}))`);

    // The type's dialog now names its workflow and fields by title only.
    await p.goto('/studio/entities/customer');
    await p.getByRole('button', { name: '编辑 经销商' }).click();
    const editType = p.getByRole('dialog', { name: '编辑类型 经销商' });
    const workflowOptions = await editType.getByLabel('流程', { exact: true }).locator('option').allTextContents();
    expect(workflowOptions).toContain('经销商签约');
    const typeWords = (await editType.textContent()) + workflowOptions.join('|');
    for (const id of [workflowId, volume, regions]) expect(typeWords).not.toContain(id);
    await editType.getByRole('button', { name: '取消' }).click();

    // 4. 预览为 → 销售代表: the banner and the new type's form with its section; nothing is saved.
    await p.goto('/studio/entities');
    await p.getByRole('button', { name: '预览为…' }).click();
    const viewAs = p.getByRole('dialog', { name: '预览为' });
    await viewAs.getByRole('radio', { name: '角色' }).check();
    await viewAs.getByRole('combobox', { name: '角色' }).selectOption({ label: '销售代表' });
    await viewAs.getByRole('button', { name: '打开预览' }).click();
    const bar = p.getByRole('dialog', { name: '预览：以 销售代表 身份查看草稿（不会保存任何更改）' });
    await bar.waitFor();
    const frame = p.frameLocator('iframe.view-as-frame');
    await frame.getByRole('region', { name: '预览' }).waitFor();
    await frame.locator('a.sidenav-link[data-entity="customer"]').click();
    await frame.getByRole('button', { name: '+ 新建' }).first().click();
    await frame.getByRole('menuitem', { name: '经销商' }).click();
    const previewSection = frame.locator('fieldset.ls-section', { hasText: '经销信息' });
    await previewSection.getByLabel('年采购额', { exact: true }).waitFor();
    await previewSection.getByLabel('授权区域', { exact: true }).waitFor();
    await bar.getByRole('button', { name: '关闭预览' }).click();
    expect((await server.request('GET', '/api/v1/meta/versions')).body.data).toHaveLength(1);
    expect((await server.request('GET', '/api/v1/records/customer')).body.data).toHaveLength(0);

    // 5. Publish.
    await p.getByRole('link', { name: '预览并发布' }).click();
    await p.getByRole('region', { name: '安全' }).waitFor();
    await p.getByRole('button', { name: '发布', exact: true }).click();
    await p.getByTestId('published').waitFor();

    // A salesperson: a 经销商 with both fields in 经销信息, then 提交审批 where the condition holds.
    const sales = await sessions.open(users.sales, 'zh');
    await sales.goto('/records/customer');
    await sales.getByRole('button', { name: '+ 新建' }).first().click();
    await sales.getByRole('menuitem', { name: '经销商' }).click();
    const form = sales.locator('fieldset.ls-section', { hasText: '经销信息' });
    await sales.getByLabel('客户名称', { exact: true }).fill('苏州恒通经销有限公司');
    await form.getByLabel('年采购额', { exact: true }).fill('800000');
    await form.getByLabel('授权区域', { exact: true }).fill('江苏、浙江、上海');
    await sales.getByRole('button', { name: '保存' }).click();
    await sales.waitForURL(/\/records\/customer\/[0-9a-f-]{36}$/);
    const id = sales.url().split('/').at(-1)!;
    const path = sales.getByTestId('stage-path');
    await path.locator('[aria-current="step"]', { hasText: '申请' }).waitFor();
    // Below the threshold the condition fails: 提交审批 is refused with the admin's message.
    await sales.getByText(REFUSAL).first().waitFor();
    expect(await sales.getByRole('button', { name: '提交审批' }).isDisabled()).toBe(true);
    await sales.getByRole('button', { name: '编辑', exact: true }).click();
    await sales.getByLabel('年采购额', { exact: true }).fill('1500000');
    await sales.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => sales.getByRole('button', { name: '提交审批' }).isEnabled()).toBe(true);
    await sales.getByRole('button', { name: '提交审批' }).click();
    await path.locator('[aria-current="step"]', { hasText: '区域经理审批' }).waitFor();
    expect((await server.request('GET', `/api/v1/records/customer/${id}`)).body).toMatchObject({
      record_type: type,
      state: review,
      [volume]: 1500000,
      [regions]: '江苏、浙江、上海',
    });

    // The approval request waits in the manager's inbox, named by its step.
    const manager = await sessions.open(users.manager, 'zh');
    await manager.goto('/my-day');
    const row = manager.getByTestId('myday-approvals').locator(`[data-record-id="${id}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('审批环节：区域经理审批');
    // The manager approves: the approval's 审批同意后 transition signs the distributor.
    await row.getByRole('button', { name: '同意', exact: true }).click();
    await row.getByRole('button', { name: '确认同意' }).click();
    await expect.poll(() => row.getByRole('status').textContent()).toBe('已同意');
    await sales.reload();
    await path.locator('[aria-current="step"]', { hasText: '已签约' }).waitFor();
    expect((await server.request('GET', `/api/v1/records/customer/${id}`)).body.state).toBe(signed);
  });
});
