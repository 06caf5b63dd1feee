import { describe, expect, it } from 'vitest';
import type { EntityDefinition } from '@lodestar/core';
import { emptyForm, kindOf, toField, toForm } from './field-model';

const quote: EntityDefinition = {
  $id: 'quote',
  title: 'Quote',
  type: 'object',
  'x-entity': { titleField: 'title', recordTypes: { strategic: { title: '战略' } } },
  properties: {
    title: { type: 'string' },
    number: {
      type: 'string',
      title: 'Number',
      'x-sequence': { pattern: '{PREFIX}QT-{YYYY}-{0000}', reset: 'yearly', prefixes: { strategic: 'S' } },
    },
  },
};

describe('the auto number kind', () => {
  it('opens a numbered field as an auto number with its pattern, reset and prefixes', () => {
    expect(kindOf(quote.properties.number!)).toBe('autoNumber');
    expect(toForm(quote, 'number')).toMatchObject({
      kind: 'autoNumber',
      sequence: { pattern: '{PREFIX}QT-{YYYY}-{0000}', reset: 'yearly', prefixes: { strategic: 'S' } },
    });
  });

  it('writes a text field with x-sequence, leaving out a never reset and empty prefixes', () => {
    const form = {
      ...emptyForm(),
      name: 'number',
      kind: 'autoNumber' as const,
      titleEn: 'Number',
      sequence: { pattern: ' QT-{0000} ', reset: 'never' as const, prefixes: { strategic: ' ' } },
    };
    expect(toField(form)).toMatchObject({ type: 'string', 'x-sequence': { pattern: 'QT-{0000}' } });
    expect(toField(form)['x-sequence']).toEqual({ pattern: 'QT-{0000}' });
    expect(toField(form).default).toBeUndefined();
  });

  it('turns a numbered field back into text without its sequence', () => {
    const form = { ...toForm(quote, 'number'), kind: 'text' as const };
    expect(toField(form, quote.properties.number)['x-sequence']).toBeUndefined();
  });
});
