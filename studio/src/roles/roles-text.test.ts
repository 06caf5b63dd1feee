import type { DefinitionSet } from '@lodestar/core';
import { describe, expect, it } from 'vitest';
import { setRoleText, textsOf } from './roles-model';

// roles.json may title a role with a plain string (the meta-schema's localized text); the studio's copy of the
// type said `{ zh?, en? }` only.
const set = (): DefinitionSet => ({
  entities: [],
  workflows: [],
  roles: { roles: { sales: { title: 'Sales', entities: {} } } },
});

describe('a role titled by a plain string', () => {
  it('keeps the string for the other language when one language is edited', () => {
    const edited = set();
    setRoleText(edited, 'sales', 'title', 'zh', '销售');
    expect(edited.roles!.roles.sales!.title).toEqual({ zh: '销售', en: 'Sales' });
  });

  it('reads as the same text in both languages', () => {
    expect(textsOf('Sales')).toEqual({ zh: 'Sales', en: 'Sales' });
    expect(textsOf({ zh: '销售' })).toEqual({ zh: '销售' });
    expect(textsOf(undefined)).toEqual({});
  });
});
