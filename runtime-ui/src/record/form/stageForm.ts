import type { UiSchema } from '@rjsf/utils';
import { stageBlock, stageHintText, type StageRules } from '@lodestar/core';
import type { Lang } from '@lodestar/ui-shared';
import type { FormModel } from './formSchema';

/**
 * The form as the record's stage shapes it (`meta.fields` / `meta.lock` of its workflow state, read
 * by core's stageRulesOf, as the engine reads them): fields the stage hides are left out, fields it
 * makes read-only or locks are disabled with the reason as their hint and tooltip, and the fields it
 * requires are marked required. The engine enforces the same rules; the form only shows them.
 */
export function withStageRules(model: FormModel, rules: StageRules | undefined, lang: Lang): FormModel {
  if (!rules) return model;
  const fields = model.fields.filter((name) => !rules.hidden.has(name));
  const uiSchema: UiSchema = { ...model.uiSchema };
  const properties = { ...(model.schema.properties ?? {}) };
  for (const name of model.fields) {
    if (rules.hidden.has(name)) {
      delete uiSchema[name];
      delete properties[name];
      continue;
    }
    const block = stageBlock(rules, name);
    if (!block || block === 'stageHidden') continue;
    const hint = stageHintText(block, rules.title)[lang];
    const ui = (model.uiSchema[name] ?? {}) as UiSchema;
    uiSchema[name] = {
      ...ui,
      'ui:readonly': true,
      'ui:help': hint,
      'ui:options': { ...((ui['ui:options'] as object | undefined) ?? {}), stageHint: hint },
    };
  }
  const required = [
    ...new Set([...(model.schema.required ?? []), ...[...rules.required].filter((n) => fields.includes(n))]),
  ];
  const sections = model.sections
    .map((section) => ({ ...section, fields: section.fields.filter((name) => fields.includes(name)) }))
    .filter((section) => section.fields.length > 0);
  uiSchema['ui:order'] = [...sections.flatMap((section) => section.fields), '*'];
  uiSchema['ui:options'] = { ...((model.uiSchema['ui:options'] as object | undefined) ?? {}), sections };
  return { schema: { ...model.schema, properties, required }, uiSchema, fields, sections };
}

/** The notice of a record its stage locks ("此记录在“已赢单”阶段已锁定…"), or undefined. */
export function stageLockNotice(rules: StageRules | undefined, lang: Lang): string | undefined {
  if (!rules?.locked) return undefined;
  const stage = rules.title[lang];
  const except = rules.except.size > 0;
  return lang === 'zh'
    ? `此记录在“${stage}”阶段已锁定${except ? '，只有少数字段仍可修改' : '，不能修改'}。`
    : `This record is locked in stage "${stage}"${except ? '; only a few fields can still be changed' : ' and cannot be changed'}.`;
}
