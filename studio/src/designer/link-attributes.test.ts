import { describe, expect, it } from 'vitest';
import type { EntityDefinition } from '@lodestar/core';
import opportunity from '../../../schemas/opportunity.schema.json' with { type: 'json' };
import { toField, toForm } from './field-model';
import { attributeKind, choiceValues, renamed, withChoices, withKind, withTitle } from './link-attributes';

const entity = opportunity as unknown as EntityDefinition;

describe('link attributes in the field editor', () => {
  it('keeps the template’s CUTE roles when the contacts field is edited and saved', () => {
    const form = toForm(entity, 'contacts');
    expect(Object.keys(form.linkAttributes)).toEqual(['role', 'influence']);
    const written = toField({ ...form, titleZh: '联系人' }, entity.properties.contacts);
    expect(written['x-relation']).toEqual(entity.properties.contacts!['x-relation']);
  });

  it('edits an attribute: kind, titles, choices and name', () => {
    const role = entity.properties.contacts!['x-relation']!.attributes!.role!;
    expect(attributeKind(role)).toBe('choice');
    expect(choiceValues(role)[3]).toEqual({ value: 'economicBuyer', zh: '经济决策者', en: 'Economic buyer' });
    const score = withKind(withTitle(withKind({ type: 'string' }, 'text'), 'zh', '评分'), 'integer');
    expect(score).toEqual({ type: 'integer', 'x-i18n': { title: { zh: '评分' } } });
    const stance = withChoices(withKind(score, 'choice'), [{ value: 'pro', zh: '支持', en: 'For' }]);
    expect(stance).toMatchObject({ enum: ['pro'], 'x-i18n': { enum: { pro: { zh: '支持', en: 'For' } } } });
    expect(Object.keys(renamed({ a: score, b: stance }, 'a', 'score'))).toEqual(['score', 'b']);
  });
});
