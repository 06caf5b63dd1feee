import { bindingConflicts, toText, type BindingConflict, type Text } from '@lodestar/core';
import type { Issue } from '../errors.js';
import type { EntityDefinition } from './entity.js';
import type { WorkflowDefinition } from './workflow.js';

/**
 * Sets that bind a record to two workflows at once are refused (`ambiguousWorkflow`), so the one binding
 * rule (@lodestar/core bindingOf) never has to break a tie, and the engine and the apps cannot pick apart.
 * Reads only entities and workflows whose shape was valid.
 */
export function checkWorkflowBindings(
  entities: readonly EntityDefinition[],
  workflows: readonly { workflow: WorkflowDefinition; file: string }[],
  fileOf: (entity: string) => string,
): Issue[] {
  const byId = new Map(workflows.map((w) => [w.workflow.id, w]));
  const issues: Issue[] = [];
  for (const entity of entities) {
    const entityFile = fileOf(entity.$id);
    const names = namer(entity, byId);
    for (const conflict of bindingConflicts(
      entity,
      workflows.map((w) => w.workflow),
    )) {
      const { file, pointer } = placeOf(conflict, entity, byId, entityFile);
      const text = wordsOf(conflict, names);
      issues.push({
        file,
        pointer,
        keyword: 'ambiguousWorkflow',
        message: text.en,
        i18n: text,
        params: { ...conflict },
      });
    }
  }
  return issues;
}

interface Names {
  entity: Text;
  recordType(key: string): Text;
  workflow(id: string): Text;
}

function namer(entity: EntityDefinition, byId: ReadonlyMap<string, { workflow: WorkflowDefinition }>): Names {
  return {
    entity: toText(entity['x-i18n']?.title, entity.title, entity.$id),
    recordType: (key) => toText(entity['x-entity'].recordTypes?.[key]?.title, undefined, key),
    workflow: (id) => toText(byId.get(id)?.workflow.meta.title, undefined, id),
  };
}

/** Where the author fixes it: the entity's (record type's) `workflow` when it names one, else the second workflow's binding. */
function placeOf(
  conflict: BindingConflict,
  entity: EntityDefinition,
  byId: ReadonlyMap<string, { file: string }>,
  entityFile: string,
): { file: string; pointer: string } {
  const at =
    conflict.recordType === undefined ? '/x-entity/workflow' : `/x-entity/recordTypes/${conflict.recordType}/workflow`;
  const named =
    conflict.recordType === undefined
      ? entity['x-entity'].workflow
      : entity['x-entity'].recordTypes?.[conflict.recordType]?.workflow;
  if (conflict.kind === 'shadowed')
    return { file: byId.get(conflict.workflow)?.file ?? entityFile, pointer: '/meta/recordType' };
  if (conflict.kind === 'elsewhere' || named) return { file: entityFile, pointer: at };
  return {
    file: byId.get(conflict.workflows[1])?.file ?? entityFile,
    pointer: conflict.recordType === undefined ? '/meta/entity' : '/meta/recordType',
  };
}

function wordsOf(conflict: BindingConflict, names: Names): Text {
  const target: Text =
    conflict.recordType === undefined
      ? { en: `the records of ${q(names.entity.en)}`, zh: `${q(names.entity.zh)}的记录` }
      : {
          en: `the ${q(names.recordType(conflict.recordType).en)} records of ${q(names.entity.en)}`,
          zh: `${q(names.entity.zh)}中类型为${q(names.recordType(conflict.recordType).zh)}的记录`,
        };
  switch (conflict.kind) {
    case 'twice': {
      const [a, b] = conflict.workflows.map((id) => names.workflow(id)) as [Text, Text];
      return {
        en: `${capital(target.en)} would follow two workflows, ${q(a.en)} and ${q(b.en)}: bind them to one`,
        zh: `${target.zh}同时绑定了两个流程：${q(a.zh)}和${q(b.zh)}，只能保留一个`,
      };
    }
    case 'shadowed': {
      const [named, own] = [names.workflow(conflict.named), names.workflow(conflict.workflow)];
      return {
        en: `${q(own.en)} is bound to ${target.en}, but the entity names ${q(named.en)} for all its records: name ${q(own.en)} in the record type too, or remove one binding`,
        zh: `流程${q(own.zh)}绑定了${target.zh}，但该实体为全部记录指定了流程${q(named.zh)}：请在记录类型中也指定${q(own.zh)}，或去掉其中一个绑定`,
      };
    }
    case 'elsewhere': {
      const named = names.workflow(conflict.named);
      return {
        en: `${capital(target.en)} name the workflow ${q(named.en)}, which runs on another entity`,
        zh: `${target.zh}指定的流程${q(named.zh)}属于另一个实体`,
      };
    }
  }
}

function q(title: string): string {
  return `“${title}”`;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
