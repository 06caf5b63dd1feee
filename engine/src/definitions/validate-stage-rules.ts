import type { Issue } from '../errors.js';
import type { EntityDefinition } from './entity.js';
import { lineItemNames } from './validate-items.js';
import type { WorkflowDefinition } from './workflow.js';

/**
 * Semantic checks of field rules by stage (`meta.fields`, `meta.lock`), after the meta-schema: every
 * named field is a field of the bound entity; no field is both hidden and required (nobody could fill
 * it in) or hidden and a lock's exception; the title field and the workflow's amount and close-date
 * fields are never hidden (records are named by their title, and reports sum and date by the others,
 * which would reveal the hidden values).
 */
export function checkStageRules(workflow: WorkflowDefinition, entities: readonly EntityDefinition[]): Issue[] {
  const entity = entities.find((e) => e.$id === workflow.meta.entity);
  if (!entity) return [];
  const issues: Issue[] = [];
  // Line item lists (validate-items.ts) are part of the record: a stage may make them read-only or leave them unlocked.
  const lineLists = lineItemNames(entities, entity.$id);
  const exposed = new Map<string, string>(
    [
      [entity['x-entity'].titleField, 'the title field'],
      [workflow.meta.amountField, 'the workflow’s amount field'],
      [workflow.meta.closeDateField, 'the workflow’s close-date field'],
    ].filter((pair): pair is [string, string] => typeof pair[0] === 'string'),
  );
  for (const [state, definition] of Object.entries(workflow.states)) {
    const meta = definition.meta;
    if (!meta) continue;
    const base = `/states/${state}/meta`;
    const lists: [string, readonly string[]][] = [
      ['fields/readOnly', meta.fields?.readOnly ?? []],
      ['fields/required', meta.fields?.required ?? []],
      ['fields/hidden', meta.fields?.hidden ?? []],
      ['lock/except', typeof meta.lock === 'object' ? meta.lock.except : []],
    ];
    for (const [path, names] of lists)
      names.forEach((field, i) => {
        const list = lineLists.has(field) && (path === 'fields/readOnly' || path === 'lock/except');
        if (!(field in entity.properties) && !list)
          issues.push(unknownField(`${base}/${path}/${i}`, field, entity.$id));
      });
    const hidden = meta.fields?.hidden ?? [];
    hidden.forEach((field, i) => {
      const pointer = `${base}/fields/hidden/${i}`;
      if (meta.fields?.required?.includes(field))
        issues.push(conflict(pointer, field, state, { en: 'both hidden and required', zh: '既隐藏又必填' }));
      if (typeof meta.lock === 'object' && meta.lock.except.includes(field))
        issues.push(
          conflict(pointer, field, state, { en: 'both hidden and a lock exception', zh: '既隐藏又是锁定的例外' }),
        );
      const role = exposed.get(field);
      if (role)
        issues.push({
          pointer,
          keyword: 'stageHiddenExposed',
          message: `"${field}" is ${role} of "${entity.$id}" and cannot be hidden by stage`,
          i18n: {
            en: `"${field}" is ${role} of "${entity.$id}" and cannot be hidden by stage`,
            zh: `“${field}”是“${entity.$id}”的${EXPOSED_ZH[role]}，不能按阶段隐藏`,
          },
        });
    });
  }
  return issues;
}

const EXPOSED_ZH: Record<string, string> = {
  'the title field': '标题字段',
  'the workflow’s amount field': '流程金额字段',
  'the workflow’s close-date field': '流程成交日期字段',
};

function unknownField(pointer: string, field: string, entity: string): Issue {
  const message = `field "${field}" does not exist on "${entity}"`;
  return {
    pointer,
    keyword: 'unknownField',
    message,
    i18n: { en: message, zh: `“${entity}”上没有字段“${field}”` },
  };
}

function conflict(pointer: string, field: string, state: string, what: { en: string; zh: string }): Issue {
  const message = `"${field}" is ${what.en} in state "${state}"`;
  return {
    pointer,
    keyword: 'stageConflict',
    message,
    i18n: { en: message, zh: `“${field}”在阶段“${state}”中${what.zh}` },
  };
}
