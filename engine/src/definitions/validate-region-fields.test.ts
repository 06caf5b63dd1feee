import { describe, expect, it } from 'vitest';
import type { EntityDefinition } from './entity.js';
import { checkRegionFields } from './validate-region-fields.js';

const entity = (properties: Record<string, unknown>) =>
  ({ $id: 'customer', properties, 'x-entity': { titleField: 'name' } }) as unknown as EntityDefinition;
const text = (widget?: string) => ({ type: 'string', ...(widget && { 'x-ui': { widget } }) });

describe('checkRegionFields', () => {
  it('accepts a province, a city under it and a district under that', () => {
    expect(
      checkRegionFields(entity({ p: text('province'), c: text('city'), d: text('district'), x: text('other') })),
    ).toEqual([]);
  });

  it('refuses a city without a province, a second province and a region on a non-text field, at their pointers', () => {
    const issues = checkRegionFields(
      entity({
        c: text('city'),
        p: text('province'),
        q: text('province'),
        n: { type: 'integer', 'x-ui': { widget: 'district' } },
      }),
    );
    expect(issues.map((i) => [i.pointer, i.keyword])).toEqual([
      ['/properties/q/x-ui/widget', 'duplicateRegion'],
      ['/properties/n/x-ui/widget', 'fieldKind'],
    ]);
    const orphan = checkRegionFields(entity({ c: text('city') }))[0]!;
    expect(orphan).toMatchObject({ pointer: '/properties/c/x-ui/widget', keyword: 'missingRegion' });
    expect(orphan.i18n?.zh).toBe('字段“c”按省份列出城市，请先把另一个字段设为省份');
  });
});
