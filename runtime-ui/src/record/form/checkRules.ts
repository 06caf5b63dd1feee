import type { RJSFValidationError } from '@rjsf/utils';
import { compileCheckRules, isCheckRule, type CheckRule, type FieldDefinition } from '@lodestar/core';

/**
 * Cross-field rules written as formulas (`x-rules` with `check`) on the form: the same core evaluator the
 * engine judges writes with, so a broken rule shows beside its field before the round trip. The form
 * schema carries the rules (`x-checks`) and the record type (`x-recordType`); a rule reading a field the
 * form does not show is left to the server.
 */
export interface FormChecks {
  'x-checks'?: CheckRule[];
  'x-recordType'?: string;
}

/** The form schema's annotation for an entity's formula rules (none: nothing to add). */
export function formChecks(
  rules: readonly { check?: unknown }[] | undefined,
  recordType: string | undefined,
): FormChecks {
  const checks = (rules ?? []).filter(isCheckRule);
  return checks.length ? { 'x-checks': checks, ...(recordType && { 'x-recordType': recordType }) } : {};
}

type Judge = ReturnType<typeof compileCheckRules>;
const compiled = new WeakMap<object, Judge>();

/** The company time zone rules count days in, as the engine does (definitions/check-rules.ts). */
const TIME_ZONE = 'Asia/Shanghai';

/** The rules a record breaks, as rjsf errors on their fields (keyword `rule`, message in `params.i18n`). */
export function checkRuleErrors(
  schema: FormChecks & { properties?: unknown },
  record: Record<string, unknown>,
  now = new Date(),
): RJSFValidationError[] {
  const checks = schema['x-checks'];
  if (!checks?.length) return [];
  let judge = compiled.get(checks);
  if (!judge) {
    const properties = (schema.properties ?? {}) as Record<string, FieldDefinition>;
    judge = compileCheckRules(checks, properties, schema['x-recordType']);
    compiled.set(checks, judge);
  }
  // The form holds "" for a cleared text box; rules, like the server, see no value.
  const values = Object.fromEntries(Object.entries(record).filter(([, value]) => value !== ''));
  return judge(values, { now, timeZone: TIME_ZONE }).map((violation) => ({
    name: 'rule',
    property: `.${violation.field}`,
    params: { check: violation.check, i18n: violation.message },
    message: violation.message.en,
    stack: `.${violation.field} ${violation.message.en}`,
    schemaPath: '#/x-checks',
  }));
}
