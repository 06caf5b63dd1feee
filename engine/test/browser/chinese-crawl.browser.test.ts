import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useBrowserSuite } from '../support/browser.js';
import { ADMIN_PASSWORD } from '../support/test-server.js';

/*
 * Every screen of the runtime UI and the studio, in Chinese, as an administrator and as a salesperson:
 * the visible text (and the title, placeholder and aria-label a screen reader or a tooltip shows) may
 * hold no English word except data this test created, codes (ids, numbers, dates, emails, URLs,
 * currency codes, version labels) and a short list of brands and abbreviations Chinese users read as is.
 */

/** Words a Chinese screen may show as they are; each is a product name or an abbreviation used untranslated in Chinese business software. */
const BRANDS = new Set([
  'Lodestar', // the product's name
  'CSV', // the export format, named as is in Chinese
  'Excel', // 导出 Excel: the program's name, as Chinese users say it
  'API', // API 密钥
  'URL', // webhook URL
  'JSON', // the template file format
  'SLA', // 服务时限 (SLA) is how service teams say it
  'ID', // 记录 ID
  'CRM', // the product category, written so in Chinese (华东制造业CRM)
  'Webhook', // 企业微信 and 钉钉 call their callbacks so
  'Ctrl', // a key, as printed on the keyboard
]);

/** Currency codes a money field may show beside an amount. */
const CURRENCIES = new Set(['CNY', 'USD', 'EUR', 'HKD', 'JPY', 'GBP']);

const { server, browser, sessions } = useBrowserSuite({ ui: ['runtime-ui', 'studio'] });
/** Every string this test stored: its words are data, allowed on any screen. */
const data: string[] = ['Admin', 'admin@lodestar.test'];
const ids = { customer: '', contact: '', opportunity: '', activity: '', serviceRequest: '', movedDeal: '' };
let salesToken = '';
const folder = mkdtempSync(join(tmpdir(), 'lodestar-crawl-'));

async function api(method: string, path: string, body?: unknown, token?: string) {
  const response = await server.request(
    method,
    `/api/v1${path}`,
    body,
    token ? { authorization: `Bearer ${token}` } : {},
  );
  expect(response.status, `${method} ${path}: ${JSON.stringify(response.body)}`).toBeLessThan(300);
  return response.body;
}

/** Creates a record and remembers its string values as data. */
async function create(entity: string, body: Record<string, unknown>, token?: string): Promise<string> {
  for (const value of Object.values(body)) if (typeof value === 'string') data.push(value);
  return (await api('POST', `/records/${entity}`, body, token)).id as string;
}

beforeAll(async () => {
  const team = (await api('POST', '/admin/org-units', { name: '华东销售组' })).id as string;
  data.push('华东销售组', '李娜', 'lina@example.com');
  const sales = await server.userToken({
    email: 'lina@example.com',
    displayName: '李娜',
    roles: ['salesperson'],
    orgUnitId: team,
  });
  salesToken = sales.token;

  ids.customer = await create(
    'customer',
    {
      record_type: 'company',
      name: '杭州星河科技有限公司',
      shortName: '星河科技',
      industry: 'manufacturing',
      region: 'eastChina',
    },
    salesToken,
  );
  ids.contact = await create('contact', { name: '周敏', customer: ids.customer }, salesToken);
  ids.opportunity = await create(
    'opportunity',
    { name: '星河科技 MES 项目', customer: ids.customer, contacts: [ids.contact], amount: 380000 },
    salesToken,
  );
  ids.movedDeal = await create(
    'opportunity',
    { name: '星河二期', customer: ids.customer, contacts: [ids.contact], amount: 120000 },
    salesToken,
  );
  ids.activity = await create(
    'activity',
    { subject: '拜访星河科技', type: 'visit', plannedStart: new Date().toISOString(), customer: ids.customer },
    salesToken,
  );
  ids.serviceRequest = await create('serviceRequest', {
    record_type: 'request',
    title: '设备无法联网',
    category: 'repair',
    customer: ids.customer,
  });
  await api('POST', `/records/opportunity/${ids.opportunity}/events`, { type: 'SHOW_INTEREST' }, salesToken);
  await api('POST', `/records/opportunity/${ids.movedDeal}/events`, { type: 'SHOW_INTEREST' }, salesToken);

  // Version 2 removes the stage "interest shown" (its deals move on) and adds a field: the versions
  // screen then has a diff, and the moved deal a history through a stage the model no longer has.
  const definitions = (await api('GET', '/meta/model')).definitions;
  const sales2 = definitions.workflows.find((w: { id: string }) => w.id === 'opportunity-sales');
  delete sales2.states.interestShown;
  delete sales2.states.initialContact.on.SHOW_INTEREST;
  const customer = definitions.entities.find((e: { $id: string }) => e.$id === 'customer');
  customer.properties.referralCode = {
    type: 'string',
    maxLength: 40,
    title: 'Referral code',
    'x-i18n': { title: { zh: '推荐码', en: 'Referral code' } },
  };
  customer['x-entity'].recordTypes.company.fields.push('referralCode');
  data.push(...chineseTexts(definitions));
  // The template gallery shows each shipped template's own Chinese title and description, the template's words.
  for (const shipped of (await api('GET', '/meta/templates/shipped')).data)
    data.push(shipped.title?.zh ?? '', shipped.description?.zh ?? '');
  await api('PUT', '/meta/drafts/main', { definitions });
  data.push('推荐上线');
  await server
    .request('POST', '/api/v1/meta/drafts/main/publish', {
      note: '推荐上线',
      stateMapping: { 'opportunity-sales': { interestShown: 'meetingDecisionMakers' } },
    })
    .then((r) => {
      expect(r.status, JSON.stringify(r.body)).toBe(201);
    });

  // The studio's draft: a field dropped and one narrowed, so the publish page shows a plan with every kind of group.
  delete customer.properties.referralCode;
  customer['x-entity'].recordTypes.company.fields = customer['x-entity'].recordTypes.company.fields.filter(
    (f: string) => f !== 'referralCode',
  );
  customer.properties.shortName.maxLength = 4;
  await api('PUT', '/meta/drafts/studio', { definitions });
});

/** The model's own Chinese texts (titles, help, placeholders): the template author's data, e.g. 例如：3 号产线 PLC 通讯中断. */
function chineseTexts(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(chineseTexts);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === 'zh' && typeof inner === 'string' ? [inner] : chineseTexts(inner),
  );
}

afterAll(() => rmSync(folder, { recursive: true, force: true }));

interface Finding {
  word: string;
  screen: string;
  context: string;
}

/**
 * What a user reads on the page: the rendered text and the attributes that become tooltips and spoken
 * labels; and what the page marks as not Chinese on purpose: `<code>` (ids an admin designs with) and
 * elements in another language (`lang="en"`, e.g. the language switch's "English").
 */
async function visibleText(page: Page): Promise<{ texts: string[]; codes: string[] }> {
  return page.evaluate(() => {
    const codes = Array.from(document.querySelectorAll('code, kbd, [lang]:not([lang|="zh"]):not(html)')).map(
      (element) => element.textContent ?? '',
    );
    const texts = [document.body.innerText];
    for (const element of Array.from(document.querySelectorAll('[title], [placeholder], [aria-label]'))) {
      for (const attribute of ['title', 'placeholder', 'aria-label']) {
        const value = element.getAttribute(attribute);
        if (value) texts.push(value);
      }
    }
    return { texts, codes };
  });
}

const CODES = [
  /https?:\/\/\S*/g, // URLs
  /[\w.+-]+@[\w-]+(\.[\w-]+)+/g, // emails
  /\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?/g, // ISO dates
  /\b[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}\b/gi, // UUIDs
  /\bISO[- ]8601\b/g, // the standard durations and times are written in
  /\bP(?=[\dT])(\d+[YMWD])*(T(\d+[HMS])+)?\b/g, // ISO 8601 durations (P14D, PT4H)
];

/** ASCII words of a text that are not data, a code or a brand. */
function untranslated(text: string, allowed: Set<string>): { word: string; index: number }[] {
  let rest = text;
  for (const code of CODES) rest = rest.replace(code, (match) => ' '.repeat(match.length));
  const out: { word: string; index: number }[] = [];
  for (const match of rest.matchAll(/[A-Za-z][A-Za-z0-9_'-]*/g)) {
    const word = match[0].replace(/['-]+$/, '');
    if (allowed.has(word) || BRANDS.has(word) || CURRENCIES.has(word)) continue;
    if (/^v\d+$/.test(word)) continue; // version labels (v1, v2)
    if (/^[A-Z]$/.test(word)) continue; // single letters: avatar initials, letters listed as codes (不含 I、O)
    if (/\d/.test(word) && /^[0-9a-f]+$/i.test(word)) continue; // id prefixes
    out.push({ word, index: match.index });
  }
  return out;
}

const findings: Finding[] = [];

async function check(page: Page, screen: string): Promise<void> {
  // Loaded: no spinner left (the screens show one while anything loads), then a moment for late renders.
  await page
    .waitForFunction(() => !document.querySelector('.spinner'), undefined, { timeout: 15_000 })
    .catch(() => undefined);
  await page.waitForTimeout(250);
  const { texts, codes } = await visibleText(page);
  const allowed = new Set([...data, ...codes].flatMap((value) => value.match(/[A-Za-z][A-Za-z0-9_'-]*/g) ?? []));
  for (const text of texts) {
    for (const { word, index } of untranslated(text, allowed)) {
      findings.push({
        word,
        screen,
        context: text.slice(Math.max(0, index - 30), index + word.length + 30).replace(/\s+/g, ' '),
      });
    }
  }
}

async function visit(page: Page, path: string, screen = path): Promise<void> {
  await page.goto(path);
  await check(page, screen);
}

/** Clicks something that opens a dialog or panel, checks the page with it open, then closes it (Escape). */
async function opened(page: Page, screen: string, open: () => Promise<void>): Promise<void> {
  await open();
  await check(page, screen);
  await page.keyboard.press('Escape');
  // Dialogs that do not close on Escape have a cancel button.
  const cancel = page.locator('.dialog-backdrop').getByRole('button', { name: /^(取消|关闭)$/ });
  if (await cancel.count()) await cancel.first().click();
}

/** Opens each tab of the record page in turn. */
async function recordPage(page: Page, entity: string, id: string): Promise<void> {
  await visit(page, `/records/${entity}/${id}`);
  const tabs = page.getByRole('tab');
  for (let i = 0; i < (await tabs.count()); i++) {
    await tabs.nth(i).click();
    await check(page, `/records/${entity}/${id} tab ${i + 1}`);
  }
}

async function runtimeScreens(page: Page): Promise<void> {
  await visit(page, '/my-day');
  await visit(page, '/dashboard');
  await visit(page, '/dashboard?d=sales-overview');
  for (const entity of ['customer', 'contact', 'opportunity', 'activity', 'serviceRequest'])
    await visit(page, `/records/${entity}`);
  await visit(page, '/records/opportunity/new');
  await page
    .getByRole('button', { name: /保存|创建/ })
    .first()
    .click();
  await check(page, 'new opportunity form, submitted empty');
  await visit(page, '/records/customer');
  await opened(page, 'new customer menu', () => page.getByRole('button', { name: /新建/ }).first().click());
  await visit(page, '/records/customer/new?type=government');
  await recordPage(page, 'customer', ids.customer);
  await recordPage(page, 'contact', ids.contact);
  await recordPage(page, 'opportunity', ids.opportunity);
  await recordPage(page, 'opportunity', ids.movedDeal);
  await recordPage(page, 'activity', ids.activity);
  for (const workflow of ['opportunity-sales', 'service-request', 'customer-lifecycle'])
    await visit(page, `/kanban/${workflow}`);
}

function report(): string {
  const byWord = new Map<string, Finding[]>();
  for (const finding of findings) byWord.set(finding.word, [...(byWord.get(finding.word) ?? []), finding]);
  return [...byWord.entries()]
    .map(
      ([word, where]) =>
        `${word} (${where.length}×): ${[...new Set(where.map((f) => `${f.screen}: “${f.context}”`))].slice(0, 3).join(' | ')}`,
    )
    .join('\n');
}

describe('every screen in Chinese', () => {
  afterAll(() => {
    if (findings.length) console.log(`untranslated words on Chinese screens:\n${report()}`);
  });

  it(
    'the runtime UI as an administrator shows no English word but data, codes and brands',
    { timeout: 240_000 },
    async () => {
      findings.length = 0;
      const admin = await sessions.open(server.adminToken, 'zh');
      await runtimeScreens(admin);
      await recordPage(admin, 'serviceRequest', ids.serviceRequest);
      expect(findings.length, `untranslated words on Chinese screens:\n${report()}`).toBe(0);
    },
  );

  it('the studio shows no English word but data, codes and brands', { timeout: 240_000 }, async () => {
    findings.length = 0;
    const admin = await sessions.open(server.adminToken, 'zh');
    await visit(admin, '/studio/entities');
    await opened(admin, 'new entity dialog', () => admin.getByRole('button', { name: '新建业务对象' }).click());
    await visit(admin, '/studio/entities/customer');
    await opened(admin, 'new field dialog', () =>
      admin
        .getByRole('button', { name: /添加字段/ })
        .first()
        .click(),
    );
    await opened(admin, 'field editor', () => admin.getByRole('button', { name: /^编辑/ }).first().click());
    await visit(admin, '/studio/entities/customer?tab=layout');
    await visit(admin, '/studio/entities/opportunity');
    await visit(admin, '/studio/workflows');
    await visit(admin, '/studio/workflows/opportunity-sales');
    await opened(admin, 'stage panel', () => admin.locator('.react-flow__node').first().click());
    await opened(admin, 'transition panel', () => admin.locator('.react-flow__edge').first().click({ force: true }));
    await opened(admin, 'new stage dialog', () => admin.getByRole('button', { name: '添加阶段' }).click());
    await visit(admin, '/studio/workflows/service-request');
    await visit(admin, '/studio/roles');
    // 销售概览's open pipeline still filters on the stage version 2 removed: the rule builder quotes its key.
    data.push('interestShown');
    await visit(admin, '/studio/dashboards');
    await visit(admin, '/studio/templates');
    // A template with problems: every one listed, in Chinese.
    const template = await api('GET', '/meta/template?name=broken&version=1.0.0');
    template.schemas['opportunity.schema.json'].required.push('noSuchField');
    template.workflows['opportunity-sales.workflow.json'].states.initialContact.on.TELEPORT = { target: 'nowhere' };
    data.push('noSuchField', 'nowhere', 'TELEPORT');
    const file = join(folder, 'broken.template.json');
    writeFileSync(file, JSON.stringify(template));
    await admin.getByLabel('模板文件（JSON）').setInputFiles(file);
    await admin.getByTestId('template-issues').waitFor();
    await check(admin, '/studio/templates broken template');
    await visit(admin, '/studio/versions');
    await admin.getByLabel('选择 v1 进行比较').check();
    await admin.getByLabel('选择 v2 进行比较').check();
    await admin.getByTestId('version-diff').waitFor();
    await check(admin, '/studio/versions diff v1 → v2');
    await visit(admin, '/studio/publish');
    await admin.locator('.plan-step').first().waitFor();
    await check(admin, '/studio/publish plan');
    await visit(admin, '/studio/reviews');
    expect(findings.length, `untranslated words on Chinese screens:\n${report()}`).toBe(0);
  });

  it(
    'the runtime UI as a salesperson shows no English word but data, codes and brands',
    { timeout: 240_000 },
    async () => {
      findings.length = 0;
      // Signed out, in Chinese: the sign-in screen, a wrong password, then signing in.
      const context = await browser.newContext({
        baseURL: server.url,
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        viewport: { width: 1366, height: 768 },
      });
      await context.addInitScript(() => localStorage.setItem('lodestar.lang', 'zh'));
      const signIn = await context.newPage();
      await visit(signIn, '/my-day', 'sign-in screen');
      await signIn.getByLabel('邮箱').fill('lina@example.com');
      await signIn.getByLabel('密码').fill('not the password');
      await signIn.getByRole('button', { name: '登录' }).click();
      await signIn.getByRole('alert').waitFor();
      await check(signIn, 'sign-in screen, wrong password');
      await signIn.getByLabel('密码').fill(ADMIN_PASSWORD);
      await signIn.getByRole('button', { name: '登录' }).click();
      await signIn.getByRole('button', { name: '退出' }).waitFor();
      await check(signIn, 'signed in');
      await context.close();

      const salesperson = await sessions.open(salesToken, 'zh');
      await runtimeScreens(salesperson);
      await visit(salesperson, '/studio/entities', '/studio as a salesperson');
      expect(findings.length, `untranslated words on Chinese screens:\n${report()}`).toBe(0);
    },
  );
});
