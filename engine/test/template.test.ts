import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAjv } from '../src/definitions/create-ajv.js';
import type { DefinitionSet } from '../src/definitions/definition-set.js';
import type { EntityDefinition, FieldDefinition, LocalizedText } from '../src/definitions/entity.js';
import { readFolder, type TemplateManifest } from '../src/definitions/read-folder.js';
import { validateDefinitionSet } from '../src/definitions/validate-definition-set.js';
import { validateRoles } from '../src/definitions/validate-roles.js';
import { validateRecord } from '../src/records/validate-record.js';
import { toFieldKind } from '../src/schema/column-types.js';
import { toEffectiveSchema } from '../src/schema/record-types.js';

/** The default template: the repo root's schemas/, workflows/ and template.json. */
const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const LANGUAGES = ['zh', 'en'] as const;

let set: DefinitionSet;
let files: Record<string, string>;
let manifest: TemplateManifest | undefined;

beforeAll(async () => {
  ({ set, files, manifest } = await readFolder(REPO_ROOT));
});

function entity(id: string): EntityDefinition {
  const found = set.entities.find((e) => e.$id === id);
  if (!found) throw new Error(`entity "${id}" is missing from the default template`);
  return found;
}

/** Issues of one record against the effective schema of its type (undefined: an entity without types). */
function check(entityId: string, recordType: string | undefined, values: Record<string, unknown>) {
  const validate = createAjv().compile(toEffectiveSchema(entity(entityId), recordType));
  return validateRecord(validate, values);
}

function omit(values: Record<string, unknown>, key: string): Record<string, unknown> {
  const { [key]: _omitted, ...rest } = values;
  return rest;
}

function missingTranslations(text: LocalizedText | Record<string, string> | undefined): string[] {
  if (text === undefined || typeof text === 'string') return [...LANGUAGES];
  return LANGUAGES.filter((lang) => !text[lang]?.trim());
}

const PARENT_ID = '7d0f3c2e-8b1a-4f5e-9c3d-2a1b0e9f8d7c';
const CUSTOMER_ID = '3f6b1c9a-2d4e-4a8b-b1c3-5e7f9a0b2c4d';
const CONTACT_ID = 'a1b2c3d4-e5f6-4789-8abc-def012345678';
const OPPORTUNITY_ID = '0c9d8e7f-6a5b-4c3d-9e2f-1a0b9c8d7e6f';

const COMPANY = {
  name: '杭州新锐智能制造有限公司',
  shortName: '新锐智造',
  unifiedSocialCreditCode: '91350100M000100Y43',
  level: 'important',
  source: 'exhibition',
  parent: PARENT_ID,
  industry: 'manufacturing',
  scale: 'from100To499',
  annualRevenue: 125_000_000.5,
  registeredCapital: 20_000_000,
  legalRepresentative: '陈建华',
  region: 'eastChina',
  province: '浙江省',
  city: '杭州市',
  address: '西湖区文三路 478 号华星时代广场 A 座 12 楼',
  phone: '0571-88886666 转 801',
  website: 'https://www.xinrui-im.com.cn',
  description: '汽车零部件精密加工，正在规划 MES 与 CRM 系统升级。',
  tags: ['newCustomer', 'highPotential'],
};

const GOVERNMENT = {
  name: '杭州市西湖区数据资源管理局',
  unifiedSocialCreditCode: '11330106002493077B',
  level: 'key',
  source: 'tender',
  administrativeLevel: 'district',
  jurisdiction: '浙江省杭州市西湖区',
  region: 'eastChina',
  province: '浙江省',
  city: '杭州市',
  address: '西湖区文三西路 118 号',
  phone: '0571-87654321',
  tags: ['strategicPartner'],
};

describe('default template', () => {
  it('has a manifest', () => {
    // Add-ons name it in `extends`.
    expect(manifest).toMatchObject({
      name: 'lodestar-standard',
      version: '1.0.0',
      title: { zh: '标准 CRM', en: 'Standard CRM' },
      description: { zh: expect.stringContaining('客户'), en: expect.stringContaining('Customers') },
    });
  });

  it('defines customer, contact, opportunity, activity and service request', () => {
    expect(set.entities.map((e) => e.$id).sort()).toEqual([
      'activity',
      'contact',
      'customer',
      'opportunity',
      'serviceRequest',
    ]);
  });

  it('validates without issues', () => {
    expect(validateDefinitionSet(set, files)).toEqual([]);
  });

  it('titles every entity, field, record type and section in Chinese and English', () => {
    const gaps: string[] = [];
    for (const e of set.entities) {
      if (typeof e.title !== 'string' || !e.title) gaps.push(`${e.$id}: plain English title`);
      for (const lang of missingTranslations(e['x-i18n']?.title)) gaps.push(`${e.$id}: title.${lang}`);
      for (const [name, field] of Object.entries(e.properties)) {
        if (typeof field.title !== 'string' || !field.title) gaps.push(`${e.$id}.${name}: plain English title`);
        for (const lang of missingTranslations(field['x-i18n']?.title)) gaps.push(`${e.$id}.${name}: title.${lang}`);
        if (field['x-ui']?.help !== undefined) {
          for (const lang of missingTranslations(field['x-ui'].help)) gaps.push(`${e.$id}.${name}: help.${lang}`);
        }
      }
      for (const [key, type] of Object.entries(e['x-entity'].recordTypes ?? {})) {
        for (const lang of missingTranslations(type.title)) gaps.push(`${e.$id} record type ${key}: ${lang}`);
      }
      for (const section of e['x-entity'].sections ?? []) {
        for (const lang of missingTranslations(section.title)) gaps.push(`${e.$id} section ${section.id}: ${lang}`);
      }
    }
    expect(gaps).toEqual([]);
  });

  it('bounds every text field with maxLength and places every field in a declared section', () => {
    const gaps: string[] = [];
    const textKinds = new Set(['text', 'longText', 'email', 'phone', 'url']);
    for (const e of set.entities) {
      const sections = new Set((e['x-entity'].sections ?? []).map((s) => s.id));
      for (const [name, field] of Object.entries(e.properties)) {
        const kind = toFieldKind(field);
        if (kind && textKinds.has(kind) && field.maxLength === undefined) gaps.push(`${e.$id}.${name}: maxLength`);
        if (kind === 'textList' && (field.items as FieldDefinition).maxLength === undefined)
          gaps.push(`${e.$id}.${name}: items.maxLength`);
        const section = field['x-ui']?.section;
        if (!section || !sections.has(section)) gaps.push(`${e.$id}.${name}: section "${String(section)}"`);
      }
    }
    expect(gaps).toEqual([]);
  });

  it('binds its workflows by meta.entity, not by name on the entity', () => {
    expect(set.workflows.map((w) => `${w.id} -> ${w.meta.entity}`).sort()).toEqual([
      'customer-lifecycle -> customer',
      'opportunity-sales -> opportunity',
      'service-request -> serviceRequest',
    ]);
    for (const e of set.entities) {
      expect(e['x-entity'].workflow).toBeUndefined();
      for (const type of Object.values(e['x-entity'].recordTypes ?? {})) expect(type.workflow).toBeUndefined();
    }
  });

  it('maps each field to the intended kind', () => {
    const kinds = (id: string) =>
      Object.fromEntries(Object.entries(entity(id).properties).map(([name, f]) => [name, toFieldKind(f)]));
    expect(kinds('customer')).toMatchObject({
      name: 'text',
      industry: 'choice',
      region: 'choice',
      website: 'url',
      phone: 'phone',
      annualRevenue: 'money',
      parent: 'manyToOne',
      description: 'longText',
      tags: 'multiChoice',
      administrativeLevel: 'choice',
    });
    expect(kinds('contact')).toMatchObject({
      customer: 'manyToOne',
      mobile: 'phone',
      phones: 'textList',
      email: 'email',
      birthday: 'date',
      interests: 'textList',
      education: 'choice',
      familyNotes: 'longText',
      isDecisionMaker: 'boolean',
    });
    expect(kinds('opportunity')).toMatchObject({
      customer: 'manyToOne',
      contacts: 'manyToMany',
      decisionMaker: 'manyToOne',
      amount: 'money',
      expectedCloseDate: 'date',
      lostReason: 'longText',
      closedAt: 'dateTime',
    });
    expect(kinds('activity')).toMatchObject({
      type: 'choice',
      plannedStart: 'dateTime',
      remindAt: 'dateTime',
      cost: 'money',
      opportunity: 'manyToOne',
      notes: 'longText',
    });
    expect(kinds('serviceRequest')).toMatchObject({
      title: 'text',
      category: 'choice',
      priority: 'choice',
      channel: 'choice',
      dueDate: 'date',
      customer: 'manyToOne',
      contact: 'manyToOne',
      reporterPhone: 'phone',
      description: 'longText',
      resolution: 'longText',
      compensation: 'money',
      resolvedAt: 'dateTime',
      satisfaction: 'integer',
    });
    expect(entity('customer').properties.churnReason?.type).toBe('string');
    expect(entity('opportunity').properties.decisionMaker?.['x-relation']).toEqual({
      entity: 'contact',
      onDelete: 'setNull',
    });
    expect(entity('contact').properties.customer?.['x-relation']).toEqual({ entity: 'customer', onDelete: 'cascade' });
    expect(entity('opportunity').properties.customer?.['x-relation']).toEqual({
      entity: 'customer',
      onDelete: 'restrict',
    });
  });
});

describe('default roles (roles.json)', () => {
  const role = (id: string) => {
    const found = set.roles?.roles[id];
    if (!found) throw new Error(`role "${id}" is missing from the default roles.json`);
    return found;
  };

  it('defines the six roles of a sales and service company, read from roles.json', () => {
    expect(files.roles).toBe('roles.json');
    expect(Object.keys(set.roles?.roles ?? {}).sort()).toEqual([
      'admin',
      'marketing',
      'salesManager',
      'salesperson',
      'serviceAgent',
      'serviceManager',
    ]);
  });

  it('validates with zero issues', () => {
    expect(validateRoles(set.roles, set)).toEqual([]);
  });

  it('titles and describes every role in Chinese and English', () => {
    const gaps = Object.entries(set.roles!.roles).flatMap(([id, r]) => [
      ...missingTranslations(r.title).map((lang) => `${id}: title.${lang}`),
      ...missingTranslations(r.description).map((lang) => `${id}: description.${lang}`),
    ]);
    expect(gaps).toEqual([]);
  });

  it('lets salespeople work their own records, delete only their own activities, and not close dates or key accounts', () => {
    const { entities } = role('salesperson');
    for (const id of ['customer', 'contact', 'opportunity']) {
      expect(entities[id], id).toMatchObject({ read: 'own', create: 'own', update: 'own' });
      expect(entities[id]?.delete ?? 'none', id).toBe('none');
    }
    expect(entities.activity).toEqual({ read: 'own', create: 'own', update: 'own', delete: 'own' });
    expect(entities.opportunity?.fields).toEqual({ closedAt: 'readOnly' });
    expect(entities.customer?.events).toEqual({ PROMOTE: 'none', DEMOTE: 'none' });
    // Signing follows update (own): the workflow has no role guard on SIGN and notifies the manager.
    expect(entities.opportunity?.events?.SIGN).toBeUndefined();
  });

  it("gives sales managers their team's records", () => {
    for (const id of ['customer', 'contact', 'opportunity', 'activity']) {
      expect(role('salesManager').entities[id], id).toEqual({
        read: 'team',
        create: 'team',
        update: 'team',
        delete: 'team',
      });
    }
  });

  it('lets service agents read the team requests and every customer, update their own requests, approvals, compensation and surveys staying with the manager', () => {
    const { entities } = role('serviceAgent');
    expect(entities.serviceRequest).toMatchObject({
      read: 'team',
      update: 'own',
      events: { APPROVE: 'none', REJECT: 'none' },
    });
    expect(entities.serviceRequest?.fields).toMatchObject({ compensation: 'readOnly', satisfaction: 'readOnly' });
    for (const id of ['customer', 'contact']) expect(entities[id], id).toEqual({ read: 'all', update: 'none' });
    expect(role('serviceManager').entities.serviceRequest).toMatchObject({
      read: 'team',
      update: 'team',
      events: { APPROVE: 'team', REJECT: 'team' },
    });
    const approvalRoles = set.workflows.flatMap((w) =>
      Object.values(w.states).flatMap((s) =>
        s.meta?.approval && 'role' in s.meta.approval ? [s.meta.approval.role] : [],
      ),
    );
    expect(approvalRoles).toEqual(['serviceManager']);
  });

  it('lets marketing read every customer and contact but change none, and hides the money of opportunities', () => {
    const { entities } = role('marketing');
    for (const id of ['customer', 'contact', 'opportunity']) {
      expect(entities[id]?.read, id).toBe('all');
      for (const action of ['create', 'update', 'delete'] as const)
        expect(entities[id]?.[action] ?? 'none', `${id}.${action}`).toBe('none');
    }
    const money = Object.entries(entity('opportunity').properties)
      .filter(([, f]) => f['x-currency'] !== undefined)
      .map(([name]) => name);
    expect(money.length).toBeGreaterThan(0);
    for (const name of money) expect(entities.opportunity?.fields?.[name], name).toBe('hidden');
    expect(entities.serviceRequest).toBeUndefined();
  });
});

describe('customer record types', () => {
  it('keeps government-only and company-only fields apart', () => {
    const types = entity('customer')['x-entity'].recordTypes!;
    expect(types.company?.fields).toContain('industry');
    expect(types.company?.fields).not.toContain('jurisdiction');
    expect(types.company?.fields).not.toContain('administrativeLevel');
    expect(types.government?.fields).toContain('jurisdiction');
    expect(types.government?.fields).not.toContain('industry');
    expect(types.government?.fields).not.toContain('annualRevenue');
  });

  it('accepts a realistic company', () => {
    expect(check('customer', 'company', COMPANY)).toEqual([]);
  });

  it('rejects a company without industry at /industry', () => {
    expect(check('customer', 'company', omit(COMPANY, 'industry'))).toEqual([
      expect.objectContaining({ pointer: '/industry', keyword: 'required' }),
    ]);
  });

  it('rejects a malformed unified social credit code and money with more than two decimals', () => {
    const issues = check('customer', 'company', {
      ...COMPANY,
      unifiedSocialCreditCode: '9135010OM000100Y43',
      annualRevenue: 1.005,
    });
    expect(issues.map((i) => i.pointer).sort()).toEqual(['/annualRevenue', '/unifiedSocialCreditCode']);
  });

  it('accepts a realistic government agency', () => {
    expect(check('customer', 'government', GOVERNMENT)).toEqual([]);
  });

  it('rejects a government agency without jurisdiction or administrative level at their pointers', () => {
    expect(check('customer', 'government', omit(GOVERNMENT, 'jurisdiction'))).toEqual([
      expect.objectContaining({ pointer: '/jurisdiction', keyword: 'required' }),
    ]);
    expect(check('customer', 'government', omit(GOVERNMENT, 'administrativeLevel'))).toEqual([
      expect.objectContaining({ pointer: '/administrativeLevel', keyword: 'required' }),
    ]);
  });

  it('does not accept company-only fields on a government agency', () => {
    expect(check('customer', 'government', { ...GOVERNMENT, industry: 'manufacturing' })).toEqual([
      expect.objectContaining({ pointer: '/industry', keyword: 'additionalProperties' }),
    ]);
  });
});

describe('records of the other entities', () => {
  const contact = {
    customer: CUSTOMER_ID,
    name: '王丽',
    gender: 'female',
    department: '采购部',
    jobTitle: '采购经理',
    isDecisionMaker: true,
    mobile: '+86 138 0013 8000',
    phones: ['0571-88886666 转 803'],
    email: 'wangli@xinrui-im.com.cn',
    wechat: 'wangli_hz',
    qq: '10001',
    birthday: '1986-09-12',
    hometown: '浙江绍兴',
    education: 'master',
    interests: ['羽毛球', '茶艺'],
    familyNotes: '女儿读初二。',
    notes: '偏好邮件沟通，周五下午不安排会议。',
  };
  const opportunity = {
    name: '新锐智造 MES 系统二期',
    customer: CUSTOMER_ID,
    contacts: [CONTACT_ID],
    amount: 860_000,
    expectedCloseDate: '2025-12-15',
    source: 'existingCustomer',
    description: '二期覆盖三个车间的排产与质量追溯。',
    competitorNotes: '竞争对手报价约 78 万，交付周期更长。',
  };
  const activity = {
    subject: '上门演示排产模块',
    type: 'visit',
    priority: 'high',
    status: 'planned',
    plannedStart: '2025-11-03T09:30:00+08:00',
    plannedEnd: '2025-11-03T11:30:00+08:00',
    remindAt: '2025-11-03T08:30:00+08:00',
    customer: CUSTOMER_ID,
    contact: CONTACT_ID,
    opportunity: OPPORTUNITY_ID,
    location: '杭州市西湖区文三路 478 号',
    cost: 320.5,
    nextStep: '会后发送报价单',
  };

  it('accepts a realistic contact, opportunity and activity', () => {
    expect(check('contact', undefined, contact)).toEqual([]);
    expect(check('opportunity', undefined, opportunity)).toEqual([]);
    expect(check('activity', undefined, activity)).toEqual([]);
  });

  it('rejects each one without its required fields at their pointers', () => {
    expect(check('contact', undefined, omit(contact, 'customer'))).toEqual([
      expect.objectContaining({ pointer: '/customer', keyword: 'required' }),
    ]);
    expect(check('opportunity', undefined, omit(opportunity, 'customer'))).toEqual([
      expect.objectContaining({ pointer: '/customer', keyword: 'required' }),
    ]);
    expect(check('activity', undefined, omit(activity, 'type'))).toEqual([
      expect.objectContaining({ pointer: '/type', keyword: 'required' }),
    ]);
  });

  const request = {
    title: '3 号产线 PLC 通讯中断',
    category: 'repair',
    priority: 'urgent',
    channel: 'hotline',
    product: 'XR-PLC 200 / SN 2024A0137',
    dueDate: '2025-11-05',
    customer: CUSTOMER_ID,
    contact: CONTACT_ID,
    reporterPhone: '0571-88886666 转 806',
    description: '今早 8 点起 3 号产线 PLC 与上位机通讯中断，产线停机。',
    resolution: '更换通讯模块并升级固件，产线恢复运行。',
    resolvedAt: '2025-11-04T16:20:00+08:00',
    satisfaction: 5,
    customerFeedback: '响应很快。',
  };

  it('accepts a realistic service request and complaint', () => {
    expect(check('serviceRequest', 'request', request)).toEqual([]);
    expect(
      check('serviceRequest', 'complaint', {
        ...request,
        category: 'complaint',
        rootCause: '模块批次质量问题',
        compensation: 1200,
      }),
    ).toEqual([]);
  });

  it('rejects a complaint without description, a satisfaction out of 1..5 and complaint-only fields on a request', () => {
    expect(check('serviceRequest', 'complaint', omit(request, 'description'))).toEqual([
      expect.objectContaining({ pointer: '/description', keyword: 'required' }),
    ]);
    expect(check('serviceRequest', 'request', { ...request, satisfaction: 6 })).toEqual([
      expect.objectContaining({ pointer: '/satisfaction', keyword: 'maximum' }),
    ]);
    expect(check('serviceRequest', 'request', { ...request, compensation: 100 })).toEqual([
      expect.objectContaining({ pointer: '/compensation', keyword: 'additionalProperties' }),
    ]);
  });

  it('rejects a bad phone, email and enum value', () => {
    const issues = check('contact', undefined, {
      ...contact,
      mobile: 'call me',
      email: 'not-an-email',
      education: 'phd',
    });
    expect(issues.map((i) => i.pointer).sort()).toEqual(['/education', '/email', '/mobile']);
  });
});
