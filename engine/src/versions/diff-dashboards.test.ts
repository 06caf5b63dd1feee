import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../test/support/paths.js';
import type { DefinitionSet } from '../definitions/definition-set.js';
import { readFolder } from '../definitions/read-folder.js';
import { diffDefinitionSets } from './diff-definitions.js';

let standard: DefinitionSet;
beforeAll(async () => {
  standard = (await readFolder(REPO_ROOT)).set;
});

describe('the version diff of dashboards', () => {
  it('lists dashboards added and removed by title, and where a changed one differs', () => {
    const after = structuredClone(standard);
    const sales = after.dashboards!.find((d) => d.id === 'sales-overview')!;
    const byIndustry = sales.widgets.findIndex((w) => w.id === 'by-industry');
    (sales.widgets[byIndustry] as { chart: string }).chart = 'bar';
    after.dashboards = after.dashboards!.filter((d) => d.id !== 'service-load');
    after.dashboards.push({ id: 'cash', title: { zh: '回款', en: 'Cash' }, widgets: sales.widgets.slice(0, 1) });
    const diff = diffDefinitionSets(standard, after);
    expect(diff.dashboards).toMatchObject({
      added: ['cash'],
      removed: ['service-load'],
      changed: [{ dashboard: 'sales-overview', pointers: ['/widgets/by-industry/chart'] }],
    });
    expect(diff.dashboards!.titles).toMatchObject({
      cash: { zh: '回款', en: 'Cash' },
      'service-load': { zh: '服务负荷', en: 'Service load' },
    });
  });

  it('says nothing of dashboards when neither set has any', () => {
    const bare = { ...standard, dashboards: [] };
    expect(diffDefinitionSets(bare, bare)).not.toHaveProperty('dashboards');
    expect(diffDefinitionSets(standard, standard).dashboards).toMatchObject({ added: [], removed: [], changed: [] });
  });
});
