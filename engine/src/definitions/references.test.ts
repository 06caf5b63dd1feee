import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../test/support/paths.js';
import type { DefinitionSet } from './definition-set.js';
import { readFolder } from './read-folder.js';
import { checkRemovedReferences } from './references-removed.js';
import { findFieldReferences, findStateReferences, mentions } from './references.js';

let root: DefinitionSet;
let sales: DefinitionSet;
let marketing: DefinitionSet;
let service: DefinitionSet;
beforeAll(async () => {
  root = (await readFolder(REPO_ROOT)).set;
  sales = (await readFolder(join(REPO_ROOT, 'templates/sales-to-cash'))).set;
  marketing = (await readFolder(join(REPO_ROOT, 'templates/marketing'))).set;
  service = (await readFolder(join(REPO_ROOT, 'templates/service'))).set;
});

describe('findFieldReferences over the shipped definitions', () => {
  it('finds the opportunity workflow guard and the highlights naming decisionMaker, by title in both languages', () => {
    const refs = findFieldReferences(root, 'opportunity', 'decisionMaker');
    const zh = refs.map((r) => r.text.zh);
    const en = refs.map((r) => r.text.en);
    expect(zh).toContain('工作流「商机销售流程」的阶段「初步接触」的流转「直接接触决策人」的条件');
    expect(en).toContain(
      'the condition of transition "Meet the decision makers" of stage "Initial contact" of workflow "Opportunity sales"',
    );
    expect(zh).toContain('实体「商机」的记录页头部的要点字段');
    const guard = refs.find((r) => r.text.zh.includes('直接接触决策人'));
    expect(guard).toMatchObject({
      source: 'workflow:opportunity-sales',
      pointer: '/states/initialContact/on/MEET_DECISION_MAKERS/guard/params/fields',
    });
  });

  it('finds a field named in formulas, validation rules and roll-up filters, but not the field itself', () => {
    const budget = findFieldReferences(marketing, 'campaign', 'budget');
    expect(budget.some((r) => r.pointer.endsWith('/x-formula') && r.source === 'entity:campaign')).toBe(true);
    expect(budget.some((r) => r.pointer === '/properties/budget')).toBe(false);
    const startDate = findFieldReferences(service, 'serviceContract', 'startDate');
    expect(startDate.some((r) => /^\/x-rules\/\d+\/check$/.test(r.pointer))).toBe(true);
    expect(startDate.find((r) => r.pointer.startsWith('/x-rules'))?.text.zh).toMatch(/^实体「.+」的校验规则「.+」$/);
  });

  it('finds dashboard widgets that measure, group or filter by the field', () => {
    const refs = findFieldReferences(sales, 'payment', 'dueDate');
    const widgets = refs.filter((r) => r.source === 'dashboard:cash-in-forecast');
    expect(widgets.map((r) => r.text.zh)).toContain('仪表盘「回款预测」的图表「每月预计回款」');
    expect(widgets.map((r) => r.text.en)).toContain(
      'chart "Expected cash-in per month" of dashboard "Cash-in forecast"',
    );
  });

  it('finds nothing for a field nothing names', () => {
    expect(findFieldReferences(root, 'opportunity', 'noSuchField')).toEqual([]);
  });
});

describe('findStateReferences over the shipped definitions', () => {
  it('lists every transition into a state by title', () => {
    const refs = findStateReferences(root, 'opportunity-sales', 'lost');
    const into = refs.filter((r) => r.pointer.endsWith('/target'));
    expect(into.length).toBeGreaterThan(3);
    expect(into.map((r) => r.text.zh)).toContain('工作流「商机销售流程」的阶段「初步接触」的流转「输单」的目标阶段');
  });

  it('names the initial stage and roll-up filters comparing state with the name', () => {
    const initial = findStateReferences(root, 'opportunity-sales', 'initialContact');
    expect(initial.map((r) => r.pointer)).toContain('/initial');
    const all = [root, sales, marketing, service].flatMap((set) =>
      set.workflows.flatMap((w) => Object.keys(w.states).flatMap((s) => findStateReferences(set, w.id, s))),
    );
    expect(all.some((r) => r.pointer.endsWith('/x-rollup/where'))).toBe(true);
  });
});

describe('dashboards filtering by a stage', () => {
  it('list the stage softly: shown to the admin, no reason to refuse removing it', () => {
    const refs = findStateReferences(root, 'opportunity-sales', 'interestShown');
    const filter = refs.find((r) => r.source.startsWith('dashboard:'));
    expect(filter).toMatchObject({ pointer: expect.stringMatching(/\/filter\/state$/), soft: true });
    const next = structuredClone(root);
    const sales = next.workflows.find((w) => w.id === 'opportunity-sales')!;
    delete sales.states.interestShown;
    delete sales.states.initialContact!.on!.SHOW_INTEREST;
    expect(checkRemovedReferences(root, next)).toEqual([]);
  });
});

describe('mentions', () => {
  it('matches a bare identifier, not text, a dotted path or a function name', () => {
    expect(mentions('ROUND(actualCost / budget * 100, 2)', 'budget')).toBe(true);
    expect(mentions('state = "budget"', 'budget')).toBe(false);
    expect(mentions('customer.budget > 0', 'budget')).toBe(false);
    expect(mentions('budgetLine > 0', 'budget')).toBe(false);
  });
});

describe('checkRemovedReferences', () => {
  it('reports a removed field still named, but not a renamed one', () => {
    const next = structuredClone(root);
    const opportunity = next.entities.find((e) => e.$id === 'opportunity')!;
    const { decisionMaker, ...rest } = opportunity.properties;
    opportunity.properties = rest;
    const issues = checkRemovedReferences(root, next);
    expect(issues.map((i) => [i.pointer, i.keyword])).toEqual([['/properties/decisionMaker', 'referencedField']]);
    opportunity.properties = { ...rest, keyContact: { ...decisionMaker!, 'x-renamedFrom': 'decisionMaker' } };
    expect(checkRemovedReferences(root, next)).toEqual([]);
  });
});
