import { describe, expect, it } from 'vitest';
import type { EntityDefinition } from '@lodestar/core';
import {
  addSection,
  addToForm,
  highlightsOf,
  layoutOf,
  moveToSection,
  moveWithinSection,
  removeFromForm,
  removeSection,
  renameSection,
  setSectionColumns,
  toggleFlag,
  toggleHighlight,
} from './layout-edits';
import { sampleValue } from './sample-values';

function customer(): EntityDefinition {
  return {
    $id: 'customer',
    title: 'Customer',
    type: 'object',
    'x-entity': {
      titleField: 'name',
      sections: [
        { id: 'basic', title: { zh: '基本信息', en: 'Basic' } },
        { id: 'business', title: { zh: '经营信息', en: 'Business' } },
      ],
      recordTypes: {
        company: { title: '企业', required: ['industry'], fields: ['name', 'level', 'industry', 'revenue', 'city'] },
        government: { title: '政府', required: ['jurisdiction'] },
      },
    },
    properties: {
      name: { type: 'string', 'x-ui': { section: 'basic', order: 1 } },
      level: { type: 'string', enum: ['a', 'b'], 'x-ui': { section: 'basic', order: 2, list: true } },
      industry: { type: 'string', 'x-ui': { section: 'business', order: 10, list: true } },
      revenue: { type: 'number', 'x-ui': { section: 'business', order: 11 } },
      jurisdiction: { type: 'string', 'x-ui': { section: 'business', order: 12 } },
      city: { type: 'string', 'x-ui': { list: true } },
      extra: { type: 'object' },
    },
    required: ['name'],
  } as EntityDefinition;
}

const fieldsOf = (entity: EntityDefinition, type?: string) =>
  Object.fromEntries(layoutOf(entity, type).sections.map((s) => [s.id, s.fields]));

describe('the layout a record type shows', () => {
  it('groups its fields by section in order, fields without a section last, the rest aside; objects never', () => {
    const entity = customer();
    expect(fieldsOf(entity, 'company')).toEqual({
      basic: ['name', 'level'],
      business: ['industry', 'revenue'],
      '': ['city'],
    });
    expect(layoutOf(entity, 'company').aside).toEqual(['jurisdiction']);
    // A type without a field list shows every field; its own required one too.
    expect(fieldsOf(entity, 'government').business).toEqual(['industry', 'revenue', 'jurisdiction']);
    expect(layoutOf(entity, 'government').aside).toEqual([]);
  });
});

describe('moving fields', () => {
  it('drops a field into another section before a given field, renumbering every order', () => {
    const entity = customer();
    moveToSection(entity, 'company', 'industry', 'basic', 1);
    expect(fieldsOf(entity, 'company')).toEqual({
      basic: ['name', 'industry', 'level'],
      business: ['revenue'],
      '': ['city'],
    });
    expect(entity.properties.industry!['x-ui']).toMatchObject({ section: 'basic' });
    const orders = Object.values(entity.properties).map((f) => f['x-ui']?.order);
    expect(new Set(orders).size).toBe(orders.length);
  });

  it('drops past the end of a section, and out of every section', () => {
    const entity = customer();
    moveToSection(entity, 'company', 'name', 'business', 99);
    expect(fieldsOf(entity, 'company').business).toEqual(['industry', 'revenue', 'name']);
    moveToSection(entity, 'company', 'revenue', '', 0);
    expect(fieldsOf(entity, 'company')['']).toEqual(['revenue', 'city']);
    expect(entity.properties.revenue!['x-ui']?.section).toBeUndefined();
  });

  it('refuses a section that does not exist', () => {
    const entity = customer();
    moveToSection(entity, 'company', 'name', 'nowhere', 0);
    expect(entity.properties.name!['x-ui']?.section).toBe('basic');
  });

  it('moves up and down within the section, and not past its ends', () => {
    const entity = customer();
    moveWithinSection(entity, 'company', 'revenue', -1);
    expect(fieldsOf(entity, 'company').business).toEqual(['revenue', 'industry']);
    moveWithinSection(entity, 'company', 'revenue', 1);
    expect(fieldsOf(entity, 'company').business).toEqual(['industry', 'revenue']);
    moveWithinSection(entity, 'company', 'revenue', 1);
    expect(fieldsOf(entity, 'company').business).toEqual(['industry', 'revenue']);
  });
});

describe('sections', () => {
  it('adds one with an id made from its title, renames it in one language and sets one column', () => {
    const entity = customer();
    const id = addSection(entity, '财务信息', '');
    expect(id).toBe('caiWuXinXi');
    expect(entity['x-entity'].sections!.at(-1)).toEqual({ id, title: { zh: '财务信息' } });
    renameSection(entity, id, 'en', 'Finance');
    setSectionColumns(entity, id, 1);
    expect(entity['x-entity'].sections!.at(-1)).toEqual({ id, title: { zh: '财务信息', en: 'Finance' }, columns: 1 });
    setSectionColumns(entity, id, 2);
    expect(entity['x-entity'].sections!.at(-1)).toEqual({ id, title: { zh: '财务信息', en: 'Finance' } });
    expect(addSection(entity, '财务信息', '')).toBe('caiWuXinXi2');
  });

  it('removes only an empty section, and the list when it was the last', () => {
    const entity = customer();
    expect(removeSection(entity, 'basic')).toBe(false);
    expect(entity['x-entity'].sections).toHaveLength(2);
    for (const name of ['industry', 'revenue', 'jurisdiction']) moveToSection(entity, 'government', name, '', 0);
    expect(removeSection(entity, 'business')).toBe(true);
    for (const name of ['name', 'level']) moveToSection(entity, 'government', name, '', 0);
    expect(removeSection(entity, 'basic')).toBe(true);
    expect(entity['x-entity'].sections).toBeUndefined();
  });
});

describe('fields on and off the form', () => {
  it('takes a field off a type with a list, adds it back, and never takes a required one', () => {
    const entity = customer();
    removeFromForm(entity, 'company', 'revenue');
    expect(entity['x-entity'].recordTypes!.company!.fields).not.toContain('revenue');
    removeFromForm(entity, 'company', 'industry');
    removeFromForm(entity, 'company', 'name');
    expect(entity['x-entity'].recordTypes!.company!.fields).toEqual(['name', 'level', 'industry', 'city']);
    addToForm(entity, 'company', 'jurisdiction', 'basic', 0);
    expect(fieldsOf(entity, 'company').basic).toEqual(['jurisdiction', 'name', 'level']);
  });

  it('writes the field list of a type that showed every field, and hides a field without a type', () => {
    const entity = customer();
    removeFromForm(entity, 'government', 'city');
    expect(entity['x-entity'].recordTypes!.government!.fields).toEqual([
      'name',
      'level',
      'industry',
      'revenue',
      'jurisdiction',
    ]);
    removeFromForm(entity, undefined, 'level');
    expect(entity.properties.level!['x-ui']).toMatchObject({ hidden: true });
    expect(layoutOf(entity, undefined).aside).toContain('level');
    addToForm(entity, undefined, 'level');
    expect(entity.properties.level!['x-ui']?.hidden).toBeUndefined();
  });
});

describe('highlights, list columns and filters', () => {
  it('starts from the header the runtime shows by default and toggles from there', () => {
    const entity = customer();
    expect(highlightsOf(entity)).toEqual(['level', 'industry', 'city']);
    toggleHighlight(entity, 'revenue');
    expect(entity['x-ui']?.highlights).toEqual(['level', 'industry', 'city', 'revenue']);
    toggleHighlight(entity, 'level');
    expect(entity['x-ui']?.highlights).toEqual(['industry', 'city', 'revenue']);
  });

  it('stops at eight highlights', () => {
    const entity = customer();
    entity.properties.phone = { type: 'string' };
    entity.properties.email = { type: 'string' };
    const eight = ['name', 'level', 'industry', 'revenue', 'jurisdiction', 'city', 'phone', 'email'];
    entity['x-ui'] = { highlights: eight };
    toggleHighlight(entity, 'extra');
    expect(entity['x-ui'].highlights).toEqual(eight);
    toggleHighlight(entity, 'name');
    expect(entity['x-ui'].highlights).toHaveLength(7);
  });

  it('turns list columns and filters on and off, leaving no empty x-ui', () => {
    const entity = customer();
    toggleFlag(entity, 'revenue', 'filter');
    expect(entity.properties.revenue!['x-ui']).toMatchObject({ filter: true });
    toggleFlag(entity, 'city', 'list');
    expect(entity.properties.city!['x-ui']).toBeUndefined();
  });
});

describe('sample values', () => {
  it('are made per kind, in Chinese', () => {
    const entity = customer();
    entity.properties.level!['x-i18n'] = { enum: { a: { zh: '重点客户', en: 'Key' } } };
    const title = () => '客户';
    expect(sampleValue(entity, 'name', 'zh', title)).toBe('杭州星辰科技有限公司');
    expect(sampleValue(entity, 'level', 'zh', title)).toBe('重点客户');
    expect(sampleValue(entity, 'revenue', 'zh', title)).toBe('3.5');
    expect(sampleValue(entity, 'city', 'zh', title)).toBe('示例city');
  });
});
