import type { DefinitionSet } from '../definitions/definition-set.js';
import type { EntityDefinition, FieldDefinition, LocalizedText } from '../definitions/entity.js';
import { toText } from '@lodestar/core';
import type { Text } from '../errors.js';

export { toText };

/**
 * The titles a plan step or a diff line names things by, in both languages: entities (tables), fields
 * (columns), choice labels, workflows and their states and events. Looked up in each definition set in
 * turn (the new version first, then the old one, so what a version removes still has its title); an id
 * without a title stands for itself.
 */
export interface StepNames {
  entity(table: string): Text;
  field(table: string, column: string): Text;
  choice(table: string, column: string, value: string): Text;
  workflow(id: string): Text;
  state(workflow: string, state: string): Text;
  event(workflow: string, event: string): Text;
  /** Whether the state declares field rules by stage (`meta.fields` or `meta.lock`). */
  stageRuled?(workflow: string, state: string): boolean;
}

/** Columns every entity table has, by their meaning rather than their name. */
const SYSTEM_COLUMNS: Record<string, Text> = {
  id: { en: 'ID', zh: 'ID' },
  record_type: { en: 'Type', zh: '类型' },
  state: { en: 'Stage', zh: '阶段' },
  state_entered_at: { en: 'Entered stage at', zh: '进入阶段时间' },
  sla_breached_at: { en: 'SLA breached at', zh: 'SLA 超时时间' },
  sla_due_at: { en: 'SLA due at', zh: '时限截止时间' },
  owner_id: { en: 'Owner', zh: '负责人' },
  created_at: { en: 'Created at', zh: '创建时间' },
  updated_at: { en: 'Updated at', zh: '更新时间' },
  created_by: { en: 'Created by', zh: '创建人' },
  updated_by: { en: 'Updated by', zh: '更新人' },
  version: { en: 'Version', zh: '版本' },
};

export function stepNames(...sets: DefinitionSet[]): StepNames {
  const entityOf = (table: string): EntityDefinition | undefined => {
    for (const set of sets) {
      const entity = set.entities.find((e) => e.$id === table);
      if (entity) return entity;
    }
    return undefined;
  };
  const fieldOf = (table: string, column: string): FieldDefinition | undefined => {
    // A link table `<entity>__<field>`: its columns are the relation's link attributes.
    const [source, relation] = table.split('__');
    if (relation !== undefined) {
      for (const set of sets) {
        const link = set.entities.find((e) => e.$id === source)?.properties?.[relation];
        const attribute = link?.['x-relation']?.attributes?.[column];
        if (attribute) return attribute;
      }
      return undefined;
    }
    for (const set of sets) {
      const field = set.entities.find((e) => e.$id === table)?.properties?.[column];
      if (field) return field;
    }
    return undefined;
  };
  const stateOf = (workflow: string, state: string) => {
    for (const set of sets) {
      const found = set.workflows.find((w) => w.id === workflow)?.states?.[state];
      if (found) return found;
    }
    return undefined;
  };
  type Titled = { meta?: { title?: LocalizedText } } | undefined;
  const eventTitle = (workflow: string, event: string) => {
    for (const set of sets) {
      for (const state of Object.values(set.workflows.find((w) => w.id === workflow)?.states ?? {})) {
        // An event with guarded alternatives is an array of transitions: the first titled one names it.
        const on = state.on?.[event] as Titled | Titled[] | undefined;
        const title = (Array.isArray(on) ? on : [on]).find((t) => t?.meta?.title)?.meta?.title;
        if (title) return title;
      }
    }
    return undefined;
  };
  const fieldText = (table: string, column: string): Text => {
    const field = fieldOf(table, column);
    if (!field && SYSTEM_COLUMNS[column]) return SYSTEM_COLUMNS[column];
    return toText(field?.['x-i18n']?.title, field?.title, column);
  };
  // A link table is named by its entity and relation field: 商机 · 联系人.
  const entityText = (table: string): Text => {
    const [source, relation] = table.split('__');
    if (relation !== undefined) {
      const [of, link] = [entityText(source!), fieldText(source!, relation)];
      return { en: `${of.en} · ${link.en}`, zh: `${of.zh} · ${link.zh}` };
    }
    const entity = entityOf(table);
    return toText(entity?.['x-i18n']?.title, entity?.title, table);
  };
  return {
    entity: entityText,
    field: fieldText,
    choice(table, column, value) {
      return toText(fieldOf(table, column)?.['x-i18n']?.enum?.[value], undefined, value);
    },
    workflow(id) {
      for (const set of sets) {
        const workflow = set.workflows.find((w) => w.id === id);
        if (workflow) return toText(workflow.meta?.title, undefined, id);
      }
      return { en: id, zh: id };
    },
    state(workflow, state) {
      return toText(stateOf(workflow, state)?.meta?.title as LocalizedText | undefined, undefined, state);
    },
    event(workflow, event) {
      return toText(eventTitle(workflow, event), undefined, event);
    },
    stageRuled(workflow, state) {
      const meta = stateOf(workflow, state)?.meta;
      return meta?.fields !== undefined || meta?.lock !== undefined;
    },
  };
}
