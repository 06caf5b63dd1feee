import { useState } from 'react';
import { RESERVED_NAMES, type FieldDefinition } from '@lodestar/core';
import { defineMessages, useMessages } from '@lodestar/ui-shared';
import { identifierFrom } from '../workflows/ids';
import { Select, TextInput } from '../ui/controls';
import { ChoiceValues } from './ChoiceValues';
import {
  ATTRIBUTE_KINDS,
  attributeKind,
  choiceValues,
  renamed,
  withChoices,
  withKind,
  withTitle,
  type AttributeKind,
} from './link-attributes';

const MESSAGES = defineMessages({
  zh: {
    legend: '连接属性',
    hint: '每条关联各自带的字段，例如联系人在商机中的角色与影响力；在记录页以小表格编辑。',
    name: '属性标识',
    advanced: '高级',
    titleZh: '中文名称',
    titleEn: '英文名称',
    kind: '类型',
    remove: '删除属性',
    add: '+ 添加属性',
    kinds: { text: '文本', choice: '单选', integer: '整数', number: '数字', boolean: '是/否', date: '日期' },
  },
  en: {
    legend: 'Link attributes',
    hint: "Fields each link carries, such as a contact's role and influence on an opportunity; edited as a small grid on the record page.",
    name: 'Attribute identifier',
    advanced: 'Advanced',
    titleZh: 'Chinese name',
    titleEn: 'English name',
    kind: 'Kind',
    remove: 'Remove attribute',
    add: '+ Add attribute',
    kinds: { text: 'Text', choice: 'Choice', integer: 'Integer', number: 'Number', boolean: 'Yes/no', date: 'Date' },
  },
});

/** On a many-to-many: the attributes each link carries (`x-relation.attributes`); the engine checks them on save. */
export function LinkAttributesSettings({
  attributes,
  onChange,
}: {
  attributes: Record<string, FieldDefinition>;
  onChange(attributes: Record<string, FieldDefinition>): void;
}) {
  const t = useMessages(MESSAGES);
  // Names made here from a title: they follow the title until typed under Advanced (new ones start as attributeN).
  const [derived, setDerived] = useState<ReadonlySet<string>>(() => new Set());
  const set = (name: string, field: FieldDefinition) => onChange({ ...attributes, [name]: field });
  /** A title typed: an attribute still named for you is renamed after it (en first, as fields are). */
  const titled = (name: string, field: FieldDefinition) => {
    const title = field['x-i18n']?.title?.en?.trim() || field['x-i18n']?.title?.zh?.trim();
    if (!title || !(derived.has(name) || /^attribute\d+$/.test(name))) return set(name, field);
    const others = Object.keys(attributes).filter((n) => n !== name);
    const to = identifierFrom(title, [...others, ...RESERVED_NAMES], 'attribute');
    setDerived(new Set([...derived].filter((n) => n !== name).concat(to)));
    onChange(renamed({ ...attributes, [name]: field }, name, to));
  };
  const free = () => {
    let n = Object.keys(attributes).length + 1;
    while (`attribute${n}` in attributes) n++;
    return `attribute${n}`;
  };
  return (
    <fieldset className="link-attributes" data-testid="link-attributes">
      <legend>{t.legend}</legend>
      <p className="muted">{t.hint}</p>
      {Object.entries(attributes).map(([name, field], index) => (
        <div key={index} className="form-grid link-attribute">
          <TextInput
            label={t.titleZh}
            value={field['x-i18n']?.title?.zh ?? ''}
            onChange={(text) => titled(name, withTitle(field, 'zh', text))}
          />
          <TextInput
            label={t.titleEn}
            value={field['x-i18n']?.title?.en ?? ''}
            onChange={(text) => titled(name, withTitle(field, 'en', text))}
          />
          <Select
            label={t.kind}
            value={attributeKind(field)}
            onChange={(kind) => set(name, withKind(field, kind as AttributeKind))}
            options={ATTRIBUTE_KINDS.map((kind) => ({ value: kind, label: t.kinds[kind] }))}
          />
          {attributeKind(field) === 'choice' && (
            <ChoiceValues values={choiceValues(field)} onChange={(values) => set(name, withChoices(field, values))} />
          )}
          <details className="field-advanced">
            <summary>{t.advanced}</summary>
            <TextInput
              label={t.name}
              value={name}
              mono
              onChange={(to) => {
                setDerived(new Set([...derived].filter((n) => n !== name)));
                onChange(renamed(attributes, name, to));
              }}
            />
          </details>
          <button
            type="button"
            className="button button-small"
            onClick={() => onChange(Object.fromEntries(Object.entries(attributes).filter(([n]) => n !== name)))}
          >
            {t.remove}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button-small"
        onClick={() => onChange({ ...attributes, [free()]: withKind({ type: 'string' }, 'text') })}
      >
        {t.add}
      </button>
    </fieldset>
  );
}
