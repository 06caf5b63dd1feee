import type { Issue } from '../errors.js';
import type { EntityDefinition } from './entity.js';
import type { WorkflowDefinition } from './workflow.js';

/**
 * An agenda may read its "open" values from the workflow's stage (`open.field: "state"`) on an entity a
 * workflow binds, so a record leaves My day when its workflow moves on (an instalment once paid). The entity
 * check (validate-entity.ts) leaves that field to this one, which knows the workflows: every listed value
 * must be a stage of a workflow bound to the entity.
 */
export const STATE_FIELD = 'state';

export function usesStageAsOpen(entity: EntityDefinition): boolean {
  const agenda = entity['x-entity'].agenda;
  return agenda?.open.field === STATE_FIELD && !(STATE_FIELD in entity.properties);
}

export function checkAgendaStates(
  entities: readonly EntityDefinition[],
  workflows: readonly { workflow: WorkflowDefinition }[],
  fileOf: (entity: string) => string,
): Issue[] {
  const issues: Issue[] = [];
  for (const entity of entities) {
    if (!usesStageAsOpen(entity)) continue;
    const bound = workflows.filter((w) => w.workflow.meta.entity === entity.$id);
    const stages = new Set(bound.flatMap((w) => Object.keys(w.workflow.states)));
    const file = fileOf(entity.$id);
    if (!bound.length) {
      const i18n = {
        en: 'agenda field "state" needs a workflow bound to the entity',
        zh: '待办字段“state”（阶段）需要实体绑定一个流程',
      };
      issues.push({ file, pointer: '/x-entity/agenda/open/field', keyword: 'unknownField', message: i18n.en, i18n });
      continue;
    }
    entity['x-entity'].agenda!.open.values.forEach((value, i) => {
      if (stages.has(value)) return;
      const i18n = {
        en: `"${value}" is not a stage of the entity's workflow`,
        zh: `“${value}”不是该实体流程的阶段`,
      };
      issues.push({ file, pointer: `/x-entity/agenda/open/values/${i}`, keyword: 'enum', message: i18n.en, i18n });
    });
  }
  return issues;
}
