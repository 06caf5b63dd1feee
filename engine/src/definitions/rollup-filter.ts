import {
  checkFormula,
  formulaTypeOfField,
  parseFormula,
  type FieldPath,
  type FormulaIssue,
  type FormulaType,
} from '@lodestar/core';
import type { EntityDefinition } from './entity.js';

/**
 * What a roll-up's filter (`x-rollup.where`, formula language) may read: the child record's own fields,
 * `state` when a workflow moves the child, and `recordType` when it has record types. Relation hops
 * (`contract.name`) are not in scope: the trigger sees only the child rows a statement wrote.
 */
export function filterTypeOf(child: EntityDefinition, hasState: boolean): (path: FieldPath) => FormulaType | undefined {
  return (path) => {
    if (path.length !== 1) return undefined;
    const [name] = path as [string];
    if (Object.hasOwn(child.properties, name)) {
      const field = child.properties[name]!;
      return field['x-formula'] !== undefined && field['x-formula'] !== '' ? undefined : formulaTypeOfField(field);
    }
    if (name === 'state' && hasState) return 'text';
    if (name === 'recordType' && child['x-entity'].recordTypes) return 'text';
    return undefined;
  };
}

/** The column a filter's field reads (`recordType` is the system column `record_type`). */
export function filterColumn(name: string): string {
  return name === 'recordType' ? 'record_type' : name;
}

/** The filter's problems: it parses, checks against the child's fields, and is TRUE or FALSE. */
export function filterIssues(where: string, typeOf: (path: FieldPath) => FormulaType | undefined): FormulaIssue[] {
  const parsed = parseFormula(where);
  if (!parsed.expr) return parsed.issues;
  const checked = checkFormula(parsed.expr, { typeOf });
  if (checked.issues.length) return checked.issues;
  if (checked.type !== 'boolean')
    return [
      {
        offset: 0,
        length: where.length,
        message: {
          en: `a roll-up filter must be TRUE or FALSE (a comparison, AND, OR…), not ${checked.type}`,
          zh: `汇总的筛选条件必须是 TRUE 或 FALSE（比较、AND、OR 等），而不是${checked.type}`,
        },
      },
    ];
  return [];
}
