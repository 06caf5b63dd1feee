import type { Text } from '../errors.js';
import type { FieldDefinition } from './entity.js';

/**
 * Cross-field rules of an entity (`x-rules`): one field compared with another field or with a value.
 *
 *   { "field": "endAt", "rule": "gte", "than": "startAt", "message": { "zh": "…", "en": "…" } }
 *   { "field": "birthday", "rule": "lte", "value": "today" }
 *   { "field": "closeDate", "rule": "gte", "value": "2000-01-01" }
 *
 * A rule judges only records where both sides have a value (`required` says whether one must), so it
 * composes with record types that do not show a field. Dates compare with dates, date-times with
 * date-times, numbers with numbers. "today" is judged leniently across time zones (the latest date
 * anywhere for "not after", the earliest for "not before"), so no user is refused today's date.
 */
export interface RecordRule {
  field: string;
  rule: RuleOp;
  than?: string;
  value?: number | string;
  message?: Text;
}

export type RuleOp = 'gt' | 'gte' | 'lt' | 'lte';

/** What a rule compares: calendar dates, instants, or numbers. */
export type RuleKind = 'date' | 'dateTime' | 'number';

/** The keyword's error, as ajv passes it on: on the rule's field, worded in both languages. */
export interface RuleError {
  instancePath: string;
  keyword: 'rule';
  message: string;
  params: { rule: RuleOp; than?: string; value?: number | string; i18n: Text };
}

/** The kind of value a field holds for comparison; undefined when rules cannot compare it. */
export function ruleKindOf(field: FieldDefinition | undefined): RuleKind | undefined {
  if (!field) return undefined;
  if (field.type === 'string' && field.format === 'date') return 'date';
  if (field.type === 'string' && field.format === 'date-time') return 'dateTime';
  if (field.type === 'number' || field.type === 'integer') return 'number';
  return undefined;
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether a literal `value` can be compared with a field of `kind`. */
export function isRuleValue(kind: RuleKind, value: unknown): boolean {
  if (kind === 'number') return typeof value === 'number';
  if (typeof value !== 'string') return false;
  if (kind === 'date') return value === 'today' || (DATE_RE.test(value) && !Number.isNaN(Date.parse(value)));
  return value === 'now' || value === 'today' || !Number.isNaN(Date.parse(value));
}

/** The clock rules read; replaceable in tests. */
export const ruleClock = { now: (): number => Date.now() };

const HOUR = 3_600_000;

/**
 * A check of every rule against a record's values (an ajv keyword's compiled function, see
 * create-ajv.ts): the errors, empty when all hold. `fields` are the schema's properties.
 */
export function compileRules(
  rules: readonly RecordRule[],
  fields: Record<string, FieldDefinition>,
): (record: Record<string, unknown>) => RuleError[] {
  const checks = rules.flatMap((rule) => {
    const kind = ruleKindOf(fields[rule.field]);
    // A field the record type does not show (or a rule the definition checks reject) never fires here.
    return kind ? [{ rule, kind }] : [];
  });
  return (record) => {
    const errors: RuleError[] = [];
    for (const { rule, kind } of checks) {
      const left = record[rule.field];
      const right = rule.than !== undefined ? record[rule.than] : resolveValue(kind, rule.value, rule.rule);
      if (left === undefined || left === null || right === undefined || right === null) continue;
      const order = compare(kind, left, right);
      if (order === undefined || holds(rule.rule, order)) continue;
      errors.push(toError(rule, fields));
    }
    return errors;
  };
}

function resolveValue(kind: RuleKind, value: number | string | undefined, op: RuleOp): unknown {
  if (value !== 'today' && value !== 'now') return value;
  const now = ruleClock.now();
  if (value === 'now' || kind === 'dateTime') {
    // "today" against a date-time: the start of the (earliest) day or the end of the (latest) one.
    if (value === 'now') return new Date(now).toISOString();
    return op === 'lt' || op === 'lte'
      ? `${latestToday(now)}T23:59:59.999+14:00`
      : `${earliestToday(now)}T00:00:00-12:00`;
  }
  return op === 'lt' || op === 'lte' ? latestToday(now) : earliestToday(now);
}

/** Today's date where it is latest (UTC+14) and earliest (UTC-12). */
function latestToday(now: number): string {
  return new Date(now + 14 * HOUR).toISOString().slice(0, 10);
}
function earliestToday(now: number): string {
  return new Date(now - 12 * HOUR).toISOString().slice(0, 10);
}

function compare(kind: RuleKind, left: unknown, right: unknown): number | undefined {
  if (kind === 'number')
    return typeof left === 'number' && typeof right === 'number' ? Math.sign(left - right) : undefined;
  if (typeof left !== 'string' || typeof right !== 'string') return undefined;
  if (kind === 'date') return left < right ? -1 : left > right ? 1 : 0;
  const [a, b] = [Date.parse(left), Date.parse(right)];
  return Number.isNaN(a) || Number.isNaN(b) ? undefined : Math.sign(a - b);
}

function holds(op: RuleOp, order: number): boolean {
  switch (op) {
    case 'gt':
      return order > 0;
    case 'gte':
      return order >= 0;
    case 'lt':
      return order < 0;
    case 'lte':
      return order <= 0;
  }
}

function toError(rule: RecordRule, fields: Record<string, FieldDefinition>): RuleError {
  const i18n = rule.message ?? defaultMessage(rule, fields);
  return {
    instancePath: `/${rule.field}`,
    keyword: 'rule',
    message: i18n.en,
    params: {
      rule: rule.rule,
      ...(rule.than !== undefined && { than: rule.than }),
      ...(rule.value !== undefined && { value: rule.value }),
      i18n,
    },
  };
}

const WORDS: Record<RuleOp, { temporal: Text; number: Text }> = {
  gt: { temporal: { en: 'must be after', zh: '必须晚于' }, number: { en: 'must be greater than', zh: '必须大于' } },
  gte: { temporal: { en: 'must not be before', zh: '不能早于' }, number: { en: 'must be at least', zh: '不能小于' } },
  lt: { temporal: { en: 'must be before', zh: '必须早于' }, number: { en: 'must be less than', zh: '必须小于' } },
  lte: { temporal: { en: 'must not be after', zh: '不能晚于' }, number: { en: 'must be at most', zh: '不能大于' } },
};

function defaultMessage(rule: RecordRule, fields: Record<string, FieldDefinition>): Text {
  const words = WORDS[rule.rule][ruleKindOf(fields[rule.field]) === 'number' ? 'number' : 'temporal'];
  const other = rule.than !== undefined ? titleOf(rule.than, fields[rule.than]) : valueText(rule.value);
  return { en: `${words.en} ${other.en}`, zh: `${words.zh}${other.zh}` };
}

function titleOf(name: string, field: FieldDefinition | undefined): Text {
  const title = field?.['x-i18n']?.title;
  return { en: title?.en ?? field?.title ?? name, zh: title?.zh ?? title?.en ?? field?.title ?? name };
}

function valueText(value: number | string | undefined): Text {
  if (value === 'today') return { en: 'today', zh: '今天' };
  if (value === 'now') return { en: 'now', zh: '当前时间' };
  return { en: String(value), zh: ` ${String(value)}` };
}

/**
 * Required text fields must hold more than blanks (`x-nonBlank`, added by the effective schema): the
 * error is ajv's own `required` on that field, so clients word it as a missing value.
 */
export function blankFields(names: readonly string[], record: Record<string, unknown>): string[] {
  return names.filter((name) => typeof record[name] === 'string' && /^\s*$/u.test(record[name] as string));
}
