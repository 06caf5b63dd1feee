import { titleOf, useMessages } from '@lodestar/ui-shared';
import { useStudioLang } from '../app/lang';
import { useDraft } from '../draft/DraftContext';
import { Select, TextInput } from '../ui/controls';
import { ChoiceValues } from './ChoiceValues';
import { EDITOR_MESSAGES } from './editor-messages';
import type { FieldForm } from './field-model';
import { SequenceSettings } from './SequenceSettings';
import { LineItemsSettings } from './LineItemsSettings';
import { LinkAttributesSettings } from './LinkAttributesSettings';
import type { EntityDefinition } from '@lodestar/core';

/** The rules a kind has: lengths and pattern for text, bounds for numbers, choices, the linked entity. */
export function KindSettings({
  form,
  onChange,
  entity,
}: {
  form: FieldForm;
  onChange(patch: Partial<FieldForm>): void;
  entity?: EntityDefinition;
}) {
  const t = useMessages(EDITOR_MESSAGES);
  const { lang } = useStudioLang();
  const { definitions } = useDraft();
  const text = (key: keyof FieldForm, label: string, extra: { mono?: boolean; type?: string } = {}) => (
    <TextInput label={label} value={String(form[key])} onChange={(value) => onChange({ [key]: value })} {...extra} />
  );
  switch (form.kind) {
    case 'text':
    case 'longText':
      return (
        <div className="form-grid">
          {form.kind === 'text' && (
            <Select
              label={t.region}
              value={form.region}
              onChange={(region) => onChange({ region })}
              options={[
                { value: '', label: t.regionNone },
                { value: 'province', label: t.regionProvince },
                { value: 'city', label: t.regionCity },
                { value: 'district', label: t.regionDistrict },
              ]}
            />
          )}
          {text('minLength', t.minLength, { type: 'number' })}
          {text('maxLength', t.maxLength, { type: 'number' })}
          {text('pattern', t.pattern, { mono: true })}
          {text('defaultValue', t.defaultValue)}
        </div>
      );
    case 'integer':
    case 'number':
    case 'money':
      return (
        <div className="form-grid">
          {text('minimum', t.minimum, { type: 'number' })}
          {text('maximum', t.maximum, { type: 'number' })}
          {form.kind === 'money' && (
            <Select
              label={t.currency}
              value={String(form.currency)}
              onChange={(currency) => onChange({ currency })}
              options={currencyOptions(String(form.currency), lang)}
            />
          )}
          {form.kind === 'money' && text('scale', t.scale, { type: 'number' })}
          {text('defaultValue', t.defaultValue, { type: 'number' })}
        </div>
      );
    case 'boolean':
      return (
        <div className="form-grid">
          <Select
            label={t.defaultValue}
            value={form.defaultValue}
            onChange={(defaultValue) => onChange({ defaultValue })}
            options={[
              { value: '', label: t.noDefault },
              { value: 'true', label: t.yes },
              { value: 'false', label: t.no },
            ]}
          />
        </div>
      );
    case 'choice':
    case 'multiChoice':
      return (
        <>
          <ChoiceValues values={form.values} onChange={(values) => onChange({ values })} />
          {form.kind === 'choice' && (
            <div className="form-grid">
              <Select
                label={t.defaultValue}
                value={form.defaultValue}
                onChange={(defaultValue) => onChange({ defaultValue })}
                options={[
                  { value: '', label: t.noDefault },
                  ...form.values
                    .filter((v) => v.value)
                    .map((v) => ({ value: v.value, label: (lang === 'zh' ? v.zh : v.en) || v.value })),
                ]}
              />
            </div>
          )}
        </>
      );
    case 'manyToOne':
    case 'manyToMany':
      return (
        <div className="form-grid">
          <Select
            label={t.relationEntity}
            value={form.relationEntity}
            onChange={(relationEntity) => onChange({ relationEntity })}
            options={[
              { value: '', label: t.pickEntity },
              ...definitions.entities.map((e) => ({ value: e.$id, label: titleOf(e, lang, e.$id) })),
            ]}
          />
          {form.kind === 'manyToOne' && (
            <Select
              label={t.onDelete}
              value={form.onDelete}
              onChange={(onDelete) => onChange({ onDelete })}
              options={Object.entries(t.onDeleteOptions).map(([value, label]) => ({ value, label }))}
            />
          )}
          {form.kind === 'manyToOne' && <LineItemsSettings form={form} onChange={onChange} entity={entity} />}
          {form.kind === 'manyToMany' && (
            <LinkAttributesSettings
              attributes={form.linkAttributes}
              onChange={(linkAttributes) => onChange({ linkAttributes })}
            />
          )}
        </div>
      );
    case 'date':
    case 'dateTime':
    case 'email':
    case 'phone':
    case 'url':
      return <div className="form-grid">{text('defaultValue', t.defaultValue)}</div>;
    case 'autoNumber':
      return (
        <SequenceSettings entity={entity} sequence={form.sequence} onChange={(sequence) => onChange({ sequence })} />
      );
    case 'user':
      return <p className="muted">{t.userHint}</p>;
    default:
      return <p className="muted">{t.kindFixed}</p>;
  }
}

/** Currencies a business here keeps amounts in, named in the language (人民币（CNY）); the current one kept. */
const CURRENCIES = ['CNY', 'HKD', 'TWD', 'USD', 'EUR', 'GBP', 'JPY', 'KRW', 'SGD', 'AUD', 'CAD', 'CHF', 'RUB', 'INR'];

function currencyOptions(current: string, lang: 'zh' | 'en'): { value: string; label: string }[] {
  const names = new Intl.DisplayNames([lang === 'zh' ? 'zh-CN' : 'en'], { type: 'currency' });
  const codes = current && !CURRENCIES.includes(current) ? [current, ...CURRENCIES] : CURRENCIES;
  const named = codes.map((code) => {
    const name = names.of(code) ?? code;
    return { value: code, label: lang === 'zh' ? `${name}（${code}）` : `${name} (${code})` };
  });
  return [{ value: '', label: '—' }, ...named];
}
