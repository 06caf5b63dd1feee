import { hasPrefixToken, parsePattern, patternShowsPeriod } from '@lodestar/core';
import type { Issue, Text } from '../errors.js';
import type { EntityDefinition, FieldDefinition } from './entity.js';

/**
 * `x-sequence` (numbering) on each field: a plain text field the engine fills, never a required one,
 * with a readable pattern holding one counter, a reset its pattern shows (else numbers would repeat),
 * and prefixes only for record types that exist and a pattern with a `{PREFIX}` token.
 */
export function checkSequences(entity: EntityDefinition): Issue[] {
  return Object.entries(entity.properties).flatMap(([name, field]) =>
    field['x-sequence'] ? checkSequence(entity, name, field) : [],
  );
}

function checkSequence(entity: EntityDefinition, name: string, field: FieldDefinition): Issue[] {
  const sequence = field['x-sequence']!;
  const at = `/properties/${name}`;
  const issues: Issue[] = [];
  if (!isPlainText(field))
    issues.push(
      issue(at, 'sequenceType', {
        en: `a numbered field is a plain text field (type string, no format, enum, relation or formula), not "${name}" as defined`,
        zh: `自动编号字段必须是普通文本字段（文本类型，无格式、选项、关联或公式），“${name}”不是`,
      }),
    );
  if (field.default !== undefined)
    issues.push(
      issue(`${at}/default`, 'sequenceDefault', {
        en: `a numbered field gets its value from the engine, so "${name}" cannot have a default`,
        zh: `自动编号字段的值由系统生成，“${name}”不能设默认值`,
      }),
    );
  issues.push(...requiredIssues(entity, name));
  const parsed = parsePattern(sequence.pattern);
  if ('problem' in parsed) {
    issues.push(issue(`${at}/x-sequence/pattern`, parsed.problem.rule, parsed.problem.text));
    return issues;
  }
  if (!patternShowsPeriod(parsed.parts, sequence.reset)) {
    const monthly = sequence.reset === 'monthly';
    issues.push(
      issue(`${at}/x-sequence/reset`, 'sequenceReset', {
        en: `a ${sequence.reset} reset needs ${monthly ? '{YYYY} (or {YY}) and {MM}' : '{YYYY} or {YY}'} in the pattern, or numbers would repeat`,
        zh: `按${monthly ? '月' : '年'}重新编号时，编号规则须包含${monthly ? ' {YYYY}（或 {YY}）和 {MM}' : ' {YYYY} 或 {YY}'}，否则编号会重复`,
      }),
    );
  }
  const prefixes = Object.keys(sequence.prefixes ?? {});
  if (prefixes.length && !hasPrefixToken(parsed.parts))
    issues.push(
      issue(`${at}/x-sequence/prefixes`, 'sequencePrefix', {
        en: 'prefixes fill the {PREFIX} token: put {PREFIX} in the pattern where the prefix goes',
        zh: '前缀填入 {PREFIX} 占位符：请在编号规则中放置 {PREFIX}',
      }),
    );
  const types = entity['x-entity'].recordTypes ?? {};
  for (const key of prefixes) {
    if (!(key in types))
      issues.push(
        issue(`${at}/x-sequence/prefixes/${key}`, 'unknownRecordType', {
          en: `"${key}" is not a record type of this entity`,
          zh: `“${key}”不是此对象的记录类型`,
        }),
      );
  }
  return issues;
}

function isPlainText(field: FieldDefinition): boolean {
  return (
    field.type === 'string' &&
    field.format === undefined &&
    field.enum === undefined &&
    field['x-relation'] === undefined &&
    field['x-multiline'] === undefined &&
    (field as { 'x-formula'?: unknown })['x-formula'] === undefined
  );
}

/** The engine fills a numbered field after validation, so no write can be asked to send it. */
function requiredIssues(entity: EntityDefinition, name: string): Issue[] {
  const text: Text = {
    en: `"${name}" is numbered by the engine, so it cannot be required`,
    zh: `“${name}”由系统自动编号，不能设为必填`,
  };
  const issues: Issue[] = [];
  const index = entity.required?.indexOf(name) ?? -1;
  if (index !== -1) issues.push(issue(`/required/${index}`, 'sequenceRequired', text));
  for (const [key, type] of Object.entries(entity['x-entity'].recordTypes ?? {})) {
    const i = type.required?.indexOf(name) ?? -1;
    if (i !== -1) issues.push(issue(`/x-entity/recordTypes/${key}/required/${i}`, 'sequenceRequired', text));
  }
  return issues;
}

function issue(pointer: string, keyword: string, text: Text): Issue {
  return { pointer, keyword, message: text.en, i18n: text };
}
