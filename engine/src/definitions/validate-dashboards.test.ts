import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../test/support/paths.js';
import { mergeAddon } from '../versions/merge-addon.js';
import { readTemplateFolder } from '../versions/template-folder.js';
import { toAddonParts } from '../versions/addon-parts.js';
import type { DefinitionSet, SourceFiles } from './definition-set.js';
import { readFolder } from './read-folder.js';
import { validateDefinitionSet } from './validate-definition-set.js';

let standard: { set: DefinitionSet; files: SourceFiles };
beforeAll(async () => {
  standard = await readFolder(REPO_ROOT);
});

/** The standard CRM with one more dashboard holding the given widgets; its issues. */
function issuesOf(widgets: unknown[], more: Record<string, unknown> = {}) {
  const dashboard = { id: 'probe', title: { zh: '测试', en: 'Probe' }, widgets, ...more };
  const set = { ...standard.set, dashboards: [...(standard.set.dashboards ?? []), dashboard] } as DefinitionSet;
  return validateDefinitionSet(set, { ...standard.files, 'dashboard:probe': 'dashboards/probe.dashboard.json' }).filter(
    (i) => i.file === 'dashboards/probe.dashboard.json',
  );
}

const aggregate = (widget: Record<string, unknown>) => ({
  id: 'w',
  kind: 'aggregate',
  title: { zh: '组件', en: 'Widget' },
  entity: 'opportunity',
  measure: { fn: 'count' },
  chart: 'number',
  ...widget,
});

describe('a workflow with issues of its own', () => {
  it('keeps its issues to itself: the dashboards that report on it add none', () => {
    const workflows = structuredClone(standard.set.workflows);
    const funnel = workflows.find((w) => w.id === 'opportunity-sales')!;
    (funnel.states as Record<string, { on?: Record<string, { target?: string }> }>).demonstration!.on = {
      BROKEN: { target: 'nowhere' },
    };
    const issues = validateDefinitionSet({ ...standard.set, workflows }, standard.files);
    expect(issues.map((i) => i.keyword)).toEqual(['unknownState']);
  });
});

describe('shipped dashboards', () => {
  it('the standard CRM reads its dashboards from dashboards/ and they validate', () => {
    expect(standard.set.dashboards?.map((d) => d.id)).toEqual(['sales-overview', 'service-load']);
    expect(standard.files['dashboard:service-load']).toBe('dashboards/service-load.dashboard.json');
    expect(validateDefinitionSet(standard.set, standard.files)).toEqual([]);
  });

  it('sales-to-cash adds its dashboards when merged into the standard CRM, and the merge validates', async () => {
    const addon = toAddonParts(await readTemplateFolder(join(REPO_ROOT, 'templates/sales-to-cash')));
    const { set, issues } = mergeAddon(standard.set, addon, { others: [] });
    expect(issues).toEqual([]);
    expect(set.dashboards?.map((d) => d.id).sort()).toEqual([
      'cash-in-forecast',
      'contract-review',
      'payments-due',
      'sales-by-product-line',
      'sales-overview',
      'service-load',
    ]);
    expect(validateDefinitionSet(set)).toEqual([]);
    // Merging it again over itself is a conflict at the add-on's own file.
    const again = mergeAddon(set, addon, { others: [] });
    expect(again.issues).toContainEqual(
      expect.objectContaining({
        file: 'dashboards/payments-due.dashboard.json',
        pointer: '/id',
        keyword: 'addonConflict',
      }),
    );
  });
});

describe('shipped dashboard texts', () => {
  it('name every dashboard and aggregate widget in Chinese and English', async () => {
    const addon = await readTemplateFolder(join(REPO_ROOT, 'templates/sales-to-cash'));
    const missing: string[] = [];
    const check = (where: string, text: unknown) => {
      for (const lang of ['zh', 'en'])
        if (typeof text !== 'object' || !(text as Record<string, string>)[lang]?.trim())
          missing.push(`${where} ${lang}`);
    };
    for (const dashboard of [...(standard.set.dashboards ?? []), ...(addon.set.dashboards ?? [])]) {
      check(`${dashboard.id} title`, dashboard.title);
      if (dashboard.description) check(`${dashboard.id} description`, dashboard.description);
      for (const widget of dashboard.widgets)
        if (widget.kind === 'aggregate') check(`${dashboard.id}/${widget.id} title`, widget.title);
    }
    expect(addon.set.dashboards).toHaveLength(4);
    expect(missing).toEqual([]);
  });
});

describe('dashboard issues', () => {
  it('an unknown entity, field and workflow are named at their pointers, in both languages', () => {
    const issues = issuesOf([
      aggregate({ id: 'a', entity: 'invoiceX' }),
      aggregate({ id: 'b', measure: { fn: 'sum', field: 'nope' } }),
      { id: 'c', kind: 'report', report: 'funnel', workflow: 'no-such-flow' },
    ]);
    expect(issues).toEqual([
      expect.objectContaining({
        pointer: '/widgets/0/entity',
        keyword: 'unknownEntity',
        i18n: { en: 'there is no entity "invoiceX"', zh: '没有实体“invoiceX”' },
      }),
      expect.objectContaining({
        pointer: '/widgets/1/measure/field',
        keyword: 'unknownField',
        i18n: { en: '"nope" is not a field of opportunity', zh: '“nope”不是 opportunity 的字段' },
      }),
      expect.objectContaining({ pointer: '/widgets/2/workflow', keyword: 'unknownWorkflow' }),
    ]);
  });

  it('a sum over a text field, a group by a long text and a period on a non-date are refused', () => {
    const issues = issuesOf([
      aggregate({ id: 'a', measure: { fn: 'sum', field: 'name' } }),
      aggregate({ id: 'b', groupBy: 'description', chart: 'bar' }),
      aggregate({ id: 'c', period: { field: 'amount', unit: 'month' }, chart: 'line' }),
      aggregate({ id: 'd', groupBy: 'customer.parent', chart: 'bar' }),
    ]);
    expect(issues.map((i) => [i.pointer, i.keyword])).toEqual([
      ['/widgets/0/measure/field', 'notNumeric'],
      ['/widgets/1/groupBy', 'ungroupable'],
      ['/widgets/2/period/field', 'notDate'],
      ['/widgets/3/groupBy', 'ungroupable'],
    ]);
    expect(issues[0]!.i18n).toEqual({
      en: '"name" is not a number, money or integer field: it cannot be summed',
      zh: '“name”不是数字、金额或整数字段，不能求和',
    });
    expect(issues[1]!.i18n!.zh).toContain('不能按“description”分组');
  });

  it('charts must fit their grouping; filters name fields; roles must exist; widget ids are unique', () => {
    const issues = issuesOf(
      [
        aggregate({ id: 'a', groupBy: 'source' }),
        aggregate({ id: 'a', chart: 'bar' }),
        aggregate({ id: 'c', chart: 'pie', groupBy: 'source', period: { field: 'closedAt', unit: 'month' } }),
        aggregate({ id: 'd', filter: { 'customer.nowhere': { eq: 'x' } } }),
      ],
      { roles: ['salesperson', 'astronaut'] },
    );
    expect(issues.map((i) => [i.pointer, i.keyword])).toEqual([
      ['/roles/1', 'unknownRole'],
      ['/widgets/0/chart', 'chartShape'],
      ['/widgets/1/id', 'duplicateId'],
      ['/widgets/1/chart', 'chartShape'],
      ['/widgets/2/chart', 'chartShape'],
      ['/widgets/3/filter/customer.nowhere', 'unknownField'],
    ]);
    expect(issues[1]!.i18n!.zh).toContain('数字卡片只显示一个数');
  });

  it('a shape error is reported for the widget kind given, not for the other kind', () => {
    const issues = issuesOf([aggregate({ chart: 'donut', measure: { fn: 'median' } })]);
    expect(issues.map((i) => [i.pointer, i.keyword])).toEqual([
      ['/widgets/0/measure/fn', 'enum'],
      ['/widgets/0/chart', 'enum'],
    ]);
    expect(issues.every((i) => i.i18n?.zh && i.i18n.en)).toBe(true);
  });
});
