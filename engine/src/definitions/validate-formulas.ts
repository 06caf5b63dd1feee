import type { FormulaIssue } from '@lodestar/core';
import type { Issue, Text } from '../errors.js';
import {
  compileFormulaFields,
  formulaCycles,
  resolvePath,
  type FormulaField,
  type FormulaFields,
} from '../schema/formula-fields.js';
import type { EntityDefinition } from './entity.js';
import type { RolesDefinition } from './roles.js';

const TYPE_NAMES: Record<string, Text> = {
  number: { en: 'a number', zh: '数字' },
  text: { en: 'text', zh: '文本' },
  boolean: { en: 'yes/no', zh: '是/否' },
  date: { en: 'a date', zh: '日期' },
  dateTime: { en: 'a date and time', zh: '日期时间' },
};

/**
 * The formula fields of a set, checked together (a formula reads the fields of related entities): each
 * parses and type-checks, its type fits its field, no formula reads itself through others, a formula is
 * never required, defaulted or the key of an index it cannot use, and it reveals no field a role hides.
 * Every issue points at the formula (`/properties/total/x-formula`) or at the keyword that conflicts.
 */
export function checkFormulas(
  entities: readonly EntityDefinition[],
  roles: RolesDefinition | undefined,
  fileOf: (entity: string) => string,
): Issue[] {
  const fields = compileFormulaFields(entities);
  const byId = new Map(entities.map((e) => [e.$id, e]));
  const issues: Issue[] = [];
  const at = (formula: FormulaField, issue: Omit<Issue, 'file'>) =>
    issues.push({ file: fileOf(formula.entity), ...issue });
  for (const own of fields.values()) {
    for (const formula of own.values()) {
      const entity = byId.get(formula.entity)!;
      for (const found of [...formula.parseIssues, ...(formula.checked?.issues ?? [])])
        at(formula, formulaIssue(formula, found));
      for (const issue of fieldIssues(entity, formula)) at(formula, issue);
      for (const issue of hiddenReads(byId, entity, formula, roles)) at(formula, issue);
    }
  }
  for (const cycle of formulaCycles(fields, byId)) {
    const names = cycle.map((f) => `${f.entity}.${f.name}`).join(' → ');
    for (const formula of cycle)
      at(formula, {
        pointer: pointerOf(formula),
        keyword: 'formulaCycle',
        ...says(
          `the formula reads itself through ${names} → ${cycle[0]!.entity}.${cycle[0]!.name}`,
          `公式经由 ${names} → ${cycle[0]!.entity}.${cycle[0]!.name} 引用了自身`,
        ),
      });
  }
  issues.push(...indexIssues(entities, fields, fileOf));
  return issues;
}

function pointerOf(formula: { name: string }): string {
  return `/properties/${formula.name}/x-formula`;
}

function says(en: string, zh: string): Pick<Issue, 'message' | 'i18n'> {
  return { message: en, i18n: { en, zh } };
}

function formulaIssue(formula: FormulaField, found: FormulaIssue): Omit<Issue, 'file'> {
  return {
    pointer: pointerOf(formula),
    keyword: 'formula',
    message: found.message.en,
    i18n: found.message,
    params: { offset: found.offset, length: found.length },
  };
}

/** The kind of the field, its type against the formula's, and keywords a computed field cannot have. */
function fieldIssues(entity: EntityDefinition, formula: FormulaField): Omit<Issue, 'file'>[] {
  const issues: Omit<Issue, 'file'>[] = [];
  const field = entity.properties[formula.name]!;
  const base = `/properties/${formula.name}`;
  if (formula.wants === undefined)
    issues.push({
      pointer: base,
      keyword: 'formulaKind',
      ...says(
        `a formula field is text, a number, money, an integer, yes/no, a date or a date-time`,
        `公式字段只能是文本、数字、金额、整数、是/否、日期或日期时间`,
      ),
    });
  const type = formula.checked && !formula.checked.issues.length ? formula.checked.type : undefined;
  if (formula.wants && type && type !== formula.wants) {
    const [got, want] = [TYPE_NAMES[type]!, TYPE_NAMES[formula.wants]!];
    issues.push({
      pointer: pointerOf(formula),
      keyword: 'formulaType',
      params: { type, expected: formula.wants },
      ...says(
        `the formula gives ${got.en}, but the field holds ${want.en}`,
        `公式的结果是${got.zh}，但字段类型是${want.zh}`,
      ),
    });
  }
  if (field.default !== undefined)
    issues.push({
      pointer: `${base}/default`,
      keyword: 'formulaDefault',
      ...says('a formula field has no default: its value is computed', '公式字段的值由公式算出，不能有默认值'),
    });
  const required = entity.required?.indexOf(formula.name) ?? -1;
  if (required >= 0)
    issues.push({
      pointer: `/required/${required}`,
      keyword: 'formulaRequired',
      ...says(
        `"${formula.name}" is a formula field and cannot be required`,
        `“${formula.name}”是公式字段，不能设为必填`,
      ),
    });
  for (const [type, definition] of Object.entries(entity['x-entity'].recordTypes ?? {})) {
    const i = definition.required?.indexOf(formula.name) ?? -1;
    if (i >= 0)
      issues.push({
        pointer: `/x-entity/recordTypes/${type}/required/${i}`,
        keyword: 'formulaRequired',
        ...says(
          `"${formula.name}" is a formula field and cannot be required`,
          `“${formula.name}”是公式字段，不能设为必填`,
        ),
      });
  }
  return issues;
}

/** A role that hides a field the formula reads must hide the formula too, or the formula would reveal it. */
function hiddenReads(
  entities: ReadonlyMap<string, EntityDefinition>,
  entity: EntityDefinition,
  formula: FormulaField,
  roles: RolesDefinition | undefined,
): Omit<Issue, 'file'>[] {
  if (!roles?.roles || typeof roles.roles !== 'object') return [];
  const issues: Omit<Issue, 'file'>[] = [];
  for (const [roleId, role] of Object.entries(roles.roles)) {
    const hides = (entityId: string, name: string) => role?.entities?.[entityId]?.fields?.[name] === 'hidden';
    if (hides(entity.$id, formula.name)) continue;
    for (const path of formula.checked?.refs ?? []) {
      const target = resolvePath(entities, entity, path);
      if (!target || !hides(target.entity.$id, target.name)) continue;
      const name = path.join('.');
      issues.push({
        pointer: pointerOf(formula),
        keyword: 'formulaHiddenField',
        params: { role: roleId, field: name },
        ...says(
          `the formula reads "${name}", which role "${roleId}" may not see; hide "${formula.name}" from that role too`,
          `公式引用了角色“${roleId}”看不到的字段“${name}”；请对该角色同样隐藏“${formula.name}”`,
        ),
      });
    }
  }
  return issues;
}

/** An index can only sit on a stored formula (a computed one has no column). */
function indexIssues(
  entities: readonly EntityDefinition[],
  fields: FormulaFields,
  fileOf: (entity: string) => string,
): Issue[] {
  const issues: Issue[] = [];
  for (const entity of entities) {
    const own = fields.get(entity.$id);
    if (!own) continue;
    (entity['x-entity'].indexes ?? []).forEach((index, i) => {
      index.forEach((name, j) => {
        const formula = own.get(name);
        if (!formula || formula.stored) return;
        issues.push({
          file: fileOf(entity.$id),
          pointer: `/x-entity/indexes/${i}/${j}`,
          keyword: 'formulaIndex',
          ...says(
            `"${name}" is computed when read (it reads related records or the date), so it cannot be indexed`,
            `“${name}”在读取时计算（引用了关联记录或当前日期），不能建索引`,
          ),
        });
      });
    });
  }
  return issues;
}
