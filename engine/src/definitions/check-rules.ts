import { checkRuleIssues, compileCheckRules, isCheckRule, type CheckRule } from '@lodestar/core';
import type { Issue, Text } from '../errors.js';
import type { EntityDefinition, FieldDefinition } from './entity.js';
import { ruleClock } from './record-rules.js';

/**
 * The engine's side of cross-field rules written as formulas (`x-rules` with `check`, core's
 * formula/check-rules.ts): their semantic check at validation and their judgement on every write.
 */

/** The company time zone a rule's dates are counted in (TODAY(), a date-time's day); set at start. */
export const checkRuleZone = { timeZone: 'Asia/Shanghai' };

/** The rules of a definition's `x-rules` written as formulas, with their index. */
function checkRulesOf(entity: EntityDefinition): [CheckRule, number][] {
  return (entity['x-rules'] ?? []).flatMap((rule, i) => (isCheckRule(rule) ? [[rule, i] as [CheckRule, number]] : []));
}

/**
 * Each rule's `field` is a field of the entity, and its check a TRUE/FALSE formula over the entity's own
 * fields: issues at `/x-rules/i/field` and `/x-rules/i/check` (with the place in the formula).
 */
export function checkRuleProblems(entity: EntityDefinition): Issue[] {
  const issues: Issue[] = [];
  for (const [rule, i] of checkRulesOf(entity)) {
    const at = `/x-rules/${i}`;
    if (!Object.hasOwn(entity.properties, rule.field))
      issues.push(
        issueOf(`${at}/field`, 'unknownField', {
          en: `The rule points at “${rule.field}”, which is not a field of this entity`,
          zh: `规则指向的“${rule.field}”不是本实体的字段`,
        }),
      );
    for (const problem of checkRuleIssues(rule, entity.properties)) {
      issues.push({
        ...issueOf(`${at}/check`, 'formula', problem.message),
        params: { offset: problem.offset, length: problem.length },
      });
    }
  }
  return issues;
}

function issueOf(pointer: string, keyword: string, text: Text): Issue {
  return { pointer, keyword, message: text.en, i18n: text };
}

/** A broken rule as ajv passes errors on: on the rule's field, worded in both languages (validate-record.ts). */
export interface CheckRuleError {
  instancePath: string;
  keyword: 'rule';
  message: string;
  params: { check: string; i18n: Text };
}

/**
 * The check of a record's values against the formula rules (the x-rules keyword's compiled function, see
 * create-ajv.ts). `properties` are the fields of the effective schema (one record type's).
 */
export function compileCheckRuleErrors(
  rules: readonly unknown[],
  properties: Record<string, FieldDefinition>,
  recordType: string | undefined,
): (record: Record<string, unknown>) => CheckRuleError[] {
  const checks = (rules as { check?: unknown }[]).filter(isCheckRule);
  if (checks.length === 0) return () => [];
  const judge = compileCheckRules(checks, properties, recordType);
  return (record) =>
    judge(record, { now: new Date(ruleClock.now()), timeZone: checkRuleZone.timeZone }).map((violation) => ({
      instancePath: `/${violation.field}`,
      keyword: 'rule',
      message: violation.message.en,
      params: { check: violation.check, i18n: violation.message },
    }));
}
