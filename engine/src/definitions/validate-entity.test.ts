import { describe, expect, it } from 'vitest';
import type { FieldDefinition } from './entity.js';
import { validateEntity, type EntityContext } from './validate-entity.js';

const context: EntityContext = { entityIds: new Set(['customer', 'contact']), workflowIds: new Set() };

/** A customer entity with a name and the given extra fields. */
function customer(fields: Record<string, FieldDefinition>): unknown {
  return {
    $id: 'customer',
    title: 'Customer',
    type: 'object',
    'x-entity': { titleField: 'name' },
    properties: { name: { type: 'string', 'x-i18n': { title: { zh: '客户名称', en: 'Name' } } }, ...fields },
  };
}

const industry: FieldDefinition = {
  type: 'string',
  enum: ['manufacturing', 'retail'],
  'x-i18n': {
    title: { zh: '所属行业', en: 'Industry' },
    enum: { manufacturing: { zh: '制造业', en: 'Manufacturing' }, retail: { zh: '零售业', en: 'Retail' } },
  },
  'x-ui': { chart: true },
};

describe('x-i18n.enum: labels of choice values', () => {
  it('accepts labels for every value, for some values, and on an array field for items.enum', () => {
    const tags: FieldDefinition = {
      type: 'array',
      items: { type: 'string', enum: ['stateOwned', 'listed'] },
      uniqueItems: true,
      'x-i18n': { title: { zh: '标签', en: 'Tags' }, enum: { listed: { zh: '上市公司', en: 'Listed company' } } },
    };
    const partly: FieldDefinition = { ...industry, 'x-i18n': { enum: { retail: { zh: '零售业' } } } };
    expect(validateEntity(customer({ industry, tags, partly }), context)).toEqual([]);
  });

  it('rejects a label for a value the field does not have, naming the value', () => {
    const field = {
      ...industry,
      'x-i18n': { enum: { ...industry['x-i18n']!.enum, mining: { zh: '采矿业', en: 'Mining' } } },
    };
    expect(validateEntity(customer({ industry: field }), context)).toEqual([
      expect.objectContaining({ pointer: '/properties/industry/x-i18n/enum/mining', keyword: 'unknownEnumValue' }),
    ]);
  });

  it('checks an array field against items.enum', () => {
    const tags: FieldDefinition = {
      type: 'array',
      items: { type: 'string', enum: ['listed'] },
      'x-i18n': { enum: { listed: { zh: '上市公司' }, churnRisk: { zh: '流失风险' } } },
    };
    expect(validateEntity(customer({ tags }), context)).toEqual([
      expect.objectContaining({ pointer: '/properties/tags/x-i18n/enum/churnRisk', keyword: 'unknownEnumValue' }),
    ]);
  });

  it('rejects labels on a field without enum', () => {
    const city: FieldDefinition = { type: 'string', 'x-i18n': { enum: { hangzhou: { zh: '杭州' } } } };
    expect(validateEntity(customer({ city }), context)).toEqual([
      expect.objectContaining({ pointer: '/properties/city/x-i18n/enum', keyword: 'enumLabelsWithoutEnum' }),
    ]);
  });

  it('escapes the value in the pointer', () => {
    const field = { ...industry, 'x-i18n': { enum: { 'a/b': { zh: '甲乙' } } } };
    expect(validateEntity(customer({ industry: field }), context)).toEqual([
      expect.objectContaining({ pointer: '/properties/industry/x-i18n/enum/a~1b', keyword: 'unknownEnumValue' }),
    ]);
  });

  it('rejects a label that is not a language map (meta-schema)', () => {
    // A hand-written file can hold anything: the type is bypassed to send what the meta-schema must refuse.
    const field = { ...industry, 'x-i18n': { enum: { retail: '零售业' } } } as unknown as FieldDefinition;
    expect(validateEntity(customer({ industry: field }), context)).toContainEqual(
      expect.objectContaining({ pointer: '/properties/industry/x-i18n/enum/retail', keyword: 'type' }),
    );
  });

  it('keeps enum labels off the entity: its x-i18n is title and description only', () => {
    const entity = { ...(customer({}) as object), 'x-i18n': { title: { zh: '客户' }, enum: {} } };
    expect(validateEntity(entity, context)).toContainEqual(
      expect.objectContaining({ pointer: '/x-i18n/enum', keyword: 'additionalProperties' }),
    );
  });
});

describe('x-ui.chart: dashboard distribution', () => {
  it.each<[string, FieldDefinition]>([
    ['a choice', industry],
    ['a text', { type: 'string', maxLength: 50, 'x-ui': { chart: true } }],
    ['a boolean', { type: 'boolean', 'x-ui': { chart: true } }],
    ['a many-to-one', { type: 'string', format: 'uuid', 'x-relation': { entity: 'contact' }, 'x-ui': { chart: true } }],
  ])('is accepted on %s field', (_name, field) => {
    expect(validateEntity(customer({ field }), context)).toEqual([]);
  });

  it.each<[string, FieldDefinition]>([
    ['a number', { type: 'number', 'x-ui': { chart: true } }],
    ['a money', { type: 'number', 'x-currency': 'CNY', 'x-ui': { chart: true } }],
    ['a date', { type: 'string', format: 'date', 'x-ui': { chart: true } }],
    ['a long text', { type: 'string', 'x-multiline': true, 'x-ui': { chart: true } }],
    ['a multiple choice', { type: 'array', items: { type: 'string', enum: ['a'] }, 'x-ui': { chart: true } }],
    [
      'a many-to-many',
      {
        type: 'array',
        items: { type: 'string', format: 'uuid' },
        'x-relation': { entity: 'contact' },
        'x-ui': { chart: true },
      },
    ],
  ])('is rejected on %s field', (_name, field) => {
    expect(validateEntity(customer({ field }), context)).toEqual([
      expect.objectContaining({ pointer: '/properties/field/x-ui/chart', keyword: 'chartKind' }),
    ]);
  });

  it('chart: false is fine anywhere', () => {
    expect(validateEntity(customer({ field: { type: 'number', 'x-ui': { chart: false } } }), context)).toEqual([]);
  });

  it('must be a boolean (meta-schema)', () => {
    expect(
      validateEntity(
        customer({ field: { ...industry, 'x-ui': { chart: 'yes' } } as unknown as FieldDefinition }),
        context,
      ),
    ).toContainEqual(expect.objectContaining({ pointer: '/properties/field/x-ui/chart', keyword: 'type' }));
  });
});

describe('a choice field without options', () => {
  it('is refused at its enum, in both languages, also for the items of a multi-choice field', () => {
    const empty: FieldDefinition = { type: 'string', enum: [] as unknown as string[] };
    const multi: FieldDefinition = { type: 'array', items: { type: 'string', enum: [] as unknown as string[] } };
    const issues = validateEntity(customer({ empty, multi }), context);
    expect(issues.map((i) => [i.pointer, i.keyword, i.i18n])).toEqual([
      [
        '/properties/empty/enum',
        'minItems',
        { en: 'a choice field needs at least one option', zh: '选项字段至少需要一个选项' },
      ],
      [
        '/properties/multi/items/enum',
        'minItems',
        { en: 'a choice field needs at least one option', zh: '选项字段至少需要一个选项' },
      ],
    ]);
  });
});
