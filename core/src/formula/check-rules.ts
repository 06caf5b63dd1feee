import type { FieldDefinition } from '../definitions/types.js';
import type { Text } from '../text.js';
import type { Expr, FieldPath, FormulaIssue, FormulaType } from './ast.js';
import { checkFormula, type FormulaScope } from './check.js';
import { evaluateFormula } from './evaluate.js';
import { parseFormula } from './parse.js';

/**
 * Cross-field rules written as formulas (`x-rules` with `check`, issue 14 item 8):
 *
 *   { "check": "discount <= 0.3 OR recordType = \"strategic\"", "field": "discount", "message": { "zh": …, "en": … } }
 *
 * A rule holds when its check is TRUE or blank; `field` is where its error points. It reads the record's
 * own fields and `recordType` (a write holds no related records, and no state before the workflow moves).
 * The engine runs these in its record validation (every write); the runtime UI runs the same on its form.
 */
export interface CheckRule {
  field: string;
  check: string;
  message?: Text;
}

/** A broken rule: the field it points at, and its message in both languages. */
export interface RuleViolation {
  field: string;
  check: string;
  message: Text;
}

/** The formula type of a field's values; undefined for kinds formulas cannot read (lists, JSON). */
export function formulaTypeOfField(field: FieldDefinition | undefined): FormulaType | undefined {
  if (!field) return undefined;
  switch (field.type) {
    case 'string':
      if (field.format === 'date' && !field['x-relation']) return 'date';
      if (field.format === 'date-time' && !field['x-relation']) return 'dateTime';
      return 'text';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    default:
      return undefined;
  }
}

/** Fields the engine fills in after a write (formulas, roll-ups, numbers): a write's values do not hold them. */
function isComputed(field: FieldDefinition | undefined): boolean {
  return (
    field !== undefined &&
    (field['x-formula'] !== undefined || field['x-rollup'] !== undefined || field['x-sequence'] !== undefined)
  );
}

/** What a rule may read: the fields given (a record type's) that a write holds, and `recordType`. */
export function ruleScope(properties: Record<string, FieldDefinition>): FormulaScope {
  return {
    typeOf: (path: FieldPath) => {
      if (path.length !== 1) return undefined;
      const [name] = path as [string];
      if (name === 'recordType') return 'text';
      if (!Object.hasOwn(properties, name) || isComputed(properties[name])) return undefined;
      return formulaTypeOfField(properties[name]);
    },
  };
}

export function isCheckRule(rule: { check?: unknown }): rule is CheckRule {
  return typeof rule.check === 'string';
}

/** The problems of a rule's check against the entity's fields: it must parse, check, and be TRUE/FALSE. */
export function checkRuleIssues(rule: CheckRule, properties: Record<string, FieldDefinition>): FormulaIssue[] {
  const parsed = parseFormula(rule.check);
  if (!parsed.expr) return parsed.issues;
  const specific: FormulaIssue[] = [];
  for (const node of fieldNodes(parsed.expr)) {
    const name = node.path.join('.');
    if (node.path.length > 1)
      specific.push({
        offset: node.offset,
        length: node.length,
        message: {
          en: `A rule reads the record's own fields; “${name}” is on a related record, which a write does not load`,
          zh: `规则只能读取本记录的字段；“${name}”属于关联记录，写入时不会加载`,
        },
      });
    else if (isComputed(properties[name]))
      specific.push({
        offset: node.offset,
        length: node.length,
        message: {
          en: `A rule cannot read “${name}”: its value is computed by the engine after the write`,
          zh: `规则不能读取“${name}”：它的值由系统在写入后计算`,
        },
      });
    else if (name === 'state' && !Object.hasOwn(properties, 'state'))
      specific.push({
        offset: node.offset,
        length: node.length,
        message: {
          en: 'A rule cannot read the workflow state: rules by stage are the workflow’s field rules',
          zh: '规则不能读取流程状态：按阶段控制字段请使用流程的字段规则',
        },
      });
  }
  const checked = checkFormula(parsed.expr, ruleScope(properties));
  const taken = new Set(specific.map((issue) => issue.offset));
  const issues = [...specific, ...checked.issues.filter((issue) => !taken.has(issue.offset))];
  if (issues.length === 0 && checked.type !== 'boolean')
    issues.push({
      offset: 0,
      length: rule.check.length,
      message: {
        en: `A rule's check must be TRUE or FALSE (a comparison, AND, OR…), not ${checked.type}`,
        zh: `规则的检查结果必须是 TRUE 或 FALSE（比较、AND、OR 等），而不是${checked.type}`,
      },
    });
  return issues;
}

/** The record's fields a rule reads (so a patch setting or clearing one is judged on the whole record). */
export function checkRuleFields(rule: CheckRule): string[] {
  const parsed = parseFormula(rule.check);
  if (!parsed.expr) return [rule.field];
  const names = new Set([rule.field, ...fieldNodes(parsed.expr).map((node) => node.path[0] as string)]);
  names.delete('recordType');
  return [...names];
}

/**
 * The rules as one check of a record's values. `properties` are the fields the record's type shows;
 * a rule reading any other field (or not checking) never fires, as comparison rules on hidden fields do.
 */
export function compileCheckRules(
  rules: readonly CheckRule[],
  properties: Record<string, FieldDefinition>,
  recordType: string | undefined,
): (record: Record<string, unknown>, ctx: { now: Date; timeZone: string }) => RuleViolation[] {
  const scope = ruleScope(properties);
  const compiled = rules.flatMap((rule) => {
    const parsed = parseFormula(rule.check);
    if (!parsed.expr) return [];
    const checked = checkFormula(parsed.expr, scope);
    if (checked.issues.length > 0 || checked.type !== 'boolean') return [];
    return [{ rule, expr: parsed.expr }];
  });
  // Each expression is this compile's own: the evaluator reuses the types checkFormula found above.
  return (record, ctx) => {
    const value = (path: FieldPath): unknown => (path[0] === 'recordType' ? (recordType ?? null) : record[path[0]!]);
    return compiled.flatMap(({ rule, expr }) =>
      evaluateFormula(expr, value, ctx) === false
        ? [{ field: rule.field, check: rule.check, message: rule.message ?? defaultMessage(rule.check) }]
        : [],
    );
  };
}

function defaultMessage(check: string): Text {
  return { en: `must meet the rule ${check}`, zh: `不符合规则：${check}` };
}

/** Every field reference in a formula, in source order. */
export function fieldNodes(expr: Expr): Extract<Expr, { kind: 'field' }>[] {
  switch (expr.kind) {
    case 'field':
      return [expr];
    case 'unary':
      return fieldNodes(expr.arg);
    case 'binary':
      return [...fieldNodes(expr.left), ...fieldNodes(expr.right)];
    case 'call':
      return expr.args.flatMap(fieldNodes);
    default:
      return [];
  }
}
