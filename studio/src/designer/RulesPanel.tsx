import { useId, useMemo } from 'react';
import { FUNCTIONS, isCheckRule, type CheckRule, type EntityDefinition } from '@lodestar/core';
import { defineMessages, pick, useMessages } from '@lodestar/ui-shared';
import { useStudioLang } from '../app/lang';
import { RuleBuilder } from '../rules/RuleBuilder';
import { ruleFields } from '../rules/rule-fields';
import { recordRuleVerdict } from '../rules/verdicts';
import './formula-editor.css';
import './rules-panel.css';

export const RULES_MESSAGES = defineMessages({
  zh: {
    rules: '校验规则',
    rulesHint: '跨字段的规则，用条件行或公式书写：结果为真或为空时通过，否则保存时在所指字段旁提示。',
    noRules: '还没有规则。',
    addRule: '添加规则',
    check: (n: number) => `规则 ${n} 的公式`,
    field: (n: number) => `规则 ${n} 提示在字段`,
    messageZh: (n: number) => `规则 ${n} 的中文提示`,
    messageEn: (n: number) => `规则 ${n} 的英文提示`,
    remove: (n: number) => `删除规则 ${n}`,
    messagePlaceholderZh: '中文提示（可选）',
    messagePlaceholderEn: 'English message (optional)',
    compare: (field: string, op: string, other: string) => `${field} ${op} ${other}`,
    functions: '可用函数',
  },
  en: {
    rules: 'Validation rules',
    rulesHint:
      'Rules across fields, built from conditions or written as formulas: a rule holds when it gives TRUE or blank; otherwise saving shows its message beside its field.',
    noRules: 'No rules yet.',
    addRule: 'Add a rule',
    check: (n: number) => `Formula of rule ${n}`,
    field: (n: number) => `Field rule ${n} points at`,
    messageZh: (n: number) => `Chinese message of rule ${n}`,
    messageEn: (n: number) => `English message of rule ${n}`,
    remove: (n: number) => `Remove rule ${n}`,
    messagePlaceholderZh: '中文提示 (optional)',
    messagePlaceholderEn: 'English message (optional)',
    compare: (field: string, op: string, other: string) => `${field} ${op} ${other}`,
    functions: 'Functions',
  },
});

type Rule = NonNullable<EntityDefinition['x-rules']>[number];

const OPS: Record<string, string> = { gt: '>', gte: '>=', lt: '<', lte: '<=' };

/**
 * The entity's cross-field rules (`x-rules`): formula rules are edited here, checked as they are typed with
 * the engine's own checker (the draft's issues show above, with the entity's); rules in the older comparison
 * form are listed and may be removed.
 */
export function RulesPanel({ entity, onChange }: { entity: EntityDefinition; onChange(rules: Rule[]): void }) {
  const t = useMessages(RULES_MESSAGES);
  const { lang } = useStudioLang();
  const id = useId();
  const rules = entity['x-rules'] ?? [];
  // Rules read the record's own fields only (a write holds no related records).
  const ruleFieldList = useMemo(() => ruleFields(entity, [], lang, { relations: false }), [entity, lang]);
  const verdict = useMemo(() => recordRuleVerdict(entity), [entity]);
  const fields = Object.keys(entity.properties);
  const title = (name: string) => pick(entity.properties[name]?.['x-i18n']?.title, lang) ?? name;
  const replace = (i: number, rule: Rule) => onChange(rules.map((r, j) => (j === i ? rule : r)));
  const setMessage = (i: number, rule: CheckRule, language: 'zh' | 'en', value: string) => {
    const message = { zh: rule.message?.zh ?? '', en: rule.message?.en ?? '', [language]: value };
    const { message: _old, ...rest } = rule;
    replace(i, (message.zh || message.en ? { ...rest, message } : rest) as Rule);
  };
  return (
    <section className="panel designer-panel" aria-labelledby={`${id}-heading`} data-testid="rules-panel">
      <header className="panel-head">
        <div>
          <h2 id={`${id}-heading`}>{t.rules}</h2>
          <p className="subtitle small">{t.rulesHint}</p>
        </div>
        <button
          type="button"
          className="button"
          onClick={() => onChange([...rules, { check: '', field: fields[0] ?? '' } as Rule])}
        >
          + {t.addRule}
        </button>
      </header>
      {rules.length === 0 && <p className="muted panel-empty">{t.noRules}</p>}
      <ol className="rule-list">
        {rules.map((rule, i) => {
          const n = i + 1;
          if (!isCheckRule(rule))
            return (
              <li key={i} className="rule-item">
                <code>{t.compare(rule.field, OPS[rule.rule ?? ''] ?? '?', rule.than ?? String(rule.value))}</code>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={t.remove(n)}
                  onClick={() => onChange(rules.filter((_, j) => j !== i))}
                >
                  ×
                </button>
              </li>
            );
          return (
            <li key={i} className="rule-item formula-editor">
              <RuleBuilder
                label={t.check(n)}
                value={rule.check}
                fields={ruleFieldList}
                verdict={verdict}
                onChange={(check) => replace(i, { ...rule, check } as Rule)}
              />
              <div className="formula-insert">
                <select
                  aria-label={t.field(n)}
                  value={rule.field}
                  onChange={(event) => replace(i, { ...rule, field: event.target.value } as Rule)}
                >
                  {fields.map((name) => (
                    <option key={name} value={name}>
                      {title(name)} ({name})
                    </option>
                  ))}
                </select>
                <input
                  aria-label={t.messageZh(n)}
                  placeholder={t.messagePlaceholderZh}
                  value={rule.message?.zh ?? ''}
                  onChange={(event) => setMessage(i, rule, 'zh', event.target.value)}
                />
                <input
                  aria-label={t.messageEn(n)}
                  placeholder={t.messagePlaceholderEn}
                  value={rule.message?.en ?? ''}
                  onChange={(event) => setMessage(i, rule, 'en', event.target.value)}
                />
                <button
                  type="button"
                  className="icon-button"
                  aria-label={t.remove(n)}
                  onClick={() => onChange(rules.filter((_, j) => j !== i))}
                >
                  ×
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <details className="small">
        <summary>{t.functions}</summary>
        <ul className="rule-functions">
          {[...FUNCTIONS.values()].map((fn) => (
            <li key={fn.name}>
              <code>{fn.syntax}</code> — {fn.description[lang]}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
