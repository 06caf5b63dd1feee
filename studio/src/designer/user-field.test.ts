import { describe, expect, it } from 'vitest';
import type { EntityDefinition } from '@lodestar/core';
import { emptyForm, kindOf, toField, toForm } from './field-model';

const commission: EntityDefinition = {
  $id: 'commission',
  title: 'Commission',
  type: 'object',
  'x-entity': { titleField: 'title' },
  properties: {
    title: { type: 'string' },
    salesperson: { type: 'string', format: 'uuid', 'x-user': true, 'x-i18n': { title: { zh: '销售员' } } },
  },
};

describe('the user kind (人员)', () => {
  it('opens an x-user field as a user field', () => {
    expect(kindOf(commission.properties.salesperson!)).toBe('user');
    expect(toForm(commission, 'salesperson')).toMatchObject({ kind: 'user', titleZh: '销售员' });
  });

  it('writes a uuid field with x-user and no default, and drops x-user when the kind changes', () => {
    const form = { ...emptyForm(), name: 'approver', kind: 'user' as const, titleZh: '审批人', defaultValue: 'x' };
    expect(toField(form)).toEqual({
      type: 'string',
      format: 'uuid',
      'x-user': true,
      title: '审批人',
      'x-i18n': { title: { zh: '审批人' } },
    });
    const asText = { ...toForm(commission, 'salesperson'), kind: 'text' as const };
    expect(toField(asText, commission.properties.salesperson)['x-user']).toBeUndefined();
  });
});
