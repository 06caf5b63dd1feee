import type { EntityDefinition } from '../definitions/entity.js';
import type { WorkflowDefinition } from '../definitions/workflow.js';
import type { Issue } from '../errors.js';
import { checkRecordExpression } from '../formula/record-expression.js';
import { approvalPlanOf } from './approval-plan.js';
import { escape } from './transitions.js';

/**
 * Publish-time issues of approvals with steps (the meta-schema has checked their shape and that steps are not
 * empty; role-references.ts reports unknown roles; check-states.ts a missing APPROVE or REJECT): step ids
 * repeated, a user field that is not a user field (`x-user`) of the bound entity, and a `when` that is not a
 * yes/no formula over the record's own fields (decide judges it on the record alone).
 */
export function checkApprovals(workflow: WorkflowDefinition, entities: readonly EntityDefinition[]): Issue[] {
  const entity = entities.find((e) => e.$id === workflow.meta.entity);
  if (!entity) return [];
  const byId = new Map(entities.map((e) => [e.$id, e]));
  const issues: Issue[] = [];
  for (const [name, state] of Object.entries(workflow.states)) {
    const plan = approvalPlanOf(state);
    if (!plan || plan.single) continue;
    const seen = new Set<string>();
    plan.steps.forEach((step, i) => {
      const at = `/states/${escape(name)}/meta/approval/steps/${i}`;
      if (seen.has(step.id))
        issues.push(
          issue(`${at}/id`, 'duplicateId', {
            en: `step id "${step.id}" is used twice in this approval`,
            zh: `审批步骤标识“${step.id}”重复`,
          }),
        );
      seen.add(step.id);
      if ('userField' in step.approver) {
        const field = entity.properties[step.approver.userField];
        if (!field)
          issues.push(
            issue(`${at}/approver/userField`, 'unknownField', {
              en: `field "${step.approver.userField}" does not exist on "${entity.$id}"`,
              zh: `字段“${step.approver.userField}”在“${entity.$id}”中不存在`,
            }),
          );
        else if (field['x-user'] !== true)
          issues.push(
            issue(`${at}/approver/userField`, 'userField', {
              en: `field "${step.approver.userField}" is not a user field (x-user): it cannot name an approver`,
              zh: `字段“${step.approver.userField}”不是人员字段，不能用来指定审批人`,
            }),
          );
      }
      if (step.when !== undefined) issues.push(...checkWhen(byId, entity, step.when, `${at}/when`));
    });
  }
  return issues;
}

function checkWhen(
  entities: ReadonlyMap<string, EntityDefinition>,
  entity: EntityDefinition,
  source: string,
  pointer: string,
): Issue[] {
  const checked = checkRecordExpression(entities, entity, source, pointer, 'boolean');
  if (checked.issues.length) return checked.issues;
  const related = checked.expression!.refs.find((ref) => ref.length > 1);
  if (!related) return [];
  const name = related.join('.');
  return [
    issue(pointer, 'formula', {
      en: `an approval threshold reads the record's own fields; "${name}" is on a related record`,
      zh: `审批条件只能读取本记录的字段；“${name}”属于关联记录`,
    }),
  ];
}

function issue(pointer: string, keyword: string, text: { en: string; zh: string }): Issue {
  return { pointer, keyword, message: text.en, i18n: text };
}
