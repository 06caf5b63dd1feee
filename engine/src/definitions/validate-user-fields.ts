import type { Issue, Text } from '../errors.js';
import type { EntityDefinition, FieldDefinition } from './entity.js';

/**
 * `x-user` (a person: the salesperson, the approver) on each field: a uuid string holding a user's id, and
 * nothing else that gives a value its meaning (a relation, choices, a formula, a roll-up or a number).
 */
export function checkUserFields(entity: EntityDefinition): Issue[] {
  return Object.entries(entity.properties).flatMap(([name, field]) =>
    field['x-user'] ? checkUserField(name, field) : [],
  );
}

/** Keywords that would give a user field a second meaning. */
const CLASHING = ['x-relation', 'enum', 'x-formula', 'x-rollup', 'x-sequence', 'x-currency'] as const;

function checkUserField(name: string, field: FieldDefinition): Issue[] {
  const at = `/properties/${name}`;
  const issues: Issue[] = [];
  if (field.type !== 'string' || field.format !== 'uuid')
    issues.push(
      issue(at, 'userFormat', {
        en: `a user field holds a user's id: "${name}" needs type string with format uuid`,
        zh: `人员字段保存用户的 ID：“${name}”应为文本类型且格式为 uuid`,
      }),
    );
  for (const keyword of CLASHING)
    if (field[keyword] !== undefined)
      issues.push(
        issue(`${at}/${keyword}`, 'userClash', {
          en: `a user field cannot also have ${keyword} ("${name}")`,
          zh: `人员字段“${name}”不能同时设置 ${keyword}`,
        }),
      );
  return issues;
}

function issue(pointer: string, keyword: string, text: Text): Issue {
  return { pointer, keyword, message: text.en, i18n: text };
}
