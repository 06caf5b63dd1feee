import { describe, expect, it } from 'vitest';
import type { EntityDefinition } from '@lodestar/core';
import { removeField, saveField } from './entity-edits';
import { toForm } from './field-model';

function customer(): EntityDefinition {
  return {
    $id: 'customer',
    title: 'Customer',
    type: 'object',
    'x-entity': {
      titleField: 'name',
      recordTypes: { company: { title: '企业', fields: ['name', 'shortName'], required: ['shortName'] } },
    },
    properties: {
      name: { type: 'string', title: 'Name' },
      shortName: { type: 'string', title: 'Short name', maxLength: 50 },
      city: { type: 'string' },
    },
    required: ['name'],
  } as EntityDefinition;
}

const published = new Set(['name', 'shortName', 'city']);

describe('renaming a field in the designer', () => {
  it('keeps its place, its rules and every reference, and names the published column it comes from', () => {
    const entity = customer();
    saveField(entity, { ...toForm(entity, 'shortName'), name: 'abbreviation' }, 'shortName', published);
    expect(Object.keys(entity.properties)).toEqual(['name', 'abbreviation', 'city']);
    expect(entity.properties.abbreviation).toMatchObject({ maxLength: 50, 'x-renamedFrom': 'shortName' });
    expect(entity['x-entity'].recordTypes!.company).toMatchObject({
      fields: ['name', 'abbreviation'],
      required: ['abbreviation'],
    });
  });

  it('renamed twice before publishing, still comes from the published column; renamed back, needs no rename', () => {
    const entity = customer();
    saveField(entity, { ...toForm(entity, 'shortName'), name: 'abbr' }, 'shortName', published);
    saveField(entity, { ...toForm(entity, 'abbr'), name: 'abbreviation' }, 'abbr', published);
    expect(entity.properties.abbreviation!['x-renamedFrom']).toBe('shortName');
    saveField(entity, { ...toForm(entity, 'abbreviation'), name: 'shortName' }, 'abbreviation', published);
    expect(entity.properties.shortName!['x-renamedFrom']).toBeUndefined();
  });

  it('a field added in this draft is renamed without a column rename', () => {
    const entity = customer();
    saveField(entity, { ...toForm(entity, 'city'), name: 'town' }, 'city', new Set(['name', 'shortName']));
    expect(entity.properties.town!['x-renamedFrom']).toBeUndefined();
  });

  it('removing a field takes it out of required lists and record types', () => {
    const entity = customer();
    removeField(entity, 'shortName');
    expect(entity.properties.shortName).toBeUndefined();
    expect(entity['x-entity'].recordTypes!.company).toEqual({ title: '企业', fields: ['name'] });
  });
});
