import { titleOf, useMessages } from '@lodestar/ui-shared';
import type { EntityDefinition } from '@lodestar/core';
import { useStudioLang } from '../app/lang';
import { Checkbox, Select, TextInput } from '../ui/controls';
import type { FieldForm } from './field-model';
import { LINE_ITEM_MESSAGES } from './line-item-messages';

/**
 * On a many-to-one relation: 明细 / Line items of the parent (`x-relation.items`, optional `itemOrder`), so
 * the parent's form edits these records as a grid saved with it. The engine checks the name and the
 * position field on save; its issues show under the field like any other.
 */
export function LineItemsSettings({
  form,
  onChange,
  entity,
}: {
  form: FieldForm;
  onChange(patch: Partial<FieldForm>): void;
  entity?: EntityDefinition;
}) {
  const t = useMessages(LINE_ITEM_MESSAGES);
  const { lang } = useStudioLang();
  const integers = Object.entries(entity?.properties ?? {}).filter(
    ([, field]) => field.type === 'integer' && !field['x-formula'] && !field['x-rollup'],
  );
  const on = form.items !== '';
  return (
    <>
      <Checkbox
        label={t.isItems}
        hint={t.isItemsHint}
        checked={on}
        onChange={(checked) => onChange(checked ? { items: 'lines' } : { items: '', itemOrder: '' })}
      />
      {on && (
        <>
          {/* The list's name on the parent ("lines") rarely needs changing: shown under 高级 / Advanced. */}
          <details className="field-advanced">
            <summary>{t.advanced}</summary>
            <TextInput label={t.name} value={form.items} mono onChange={(items) => onChange({ items })} />
          </details>
          <Select
            label={t.order}
            value={form.itemOrder}
            onChange={(itemOrder) => onChange({ itemOrder })}
            options={[
              { value: '', label: t.noOrder },
              ...integers.map(([name, field]) => ({ value: name, label: titleOf(field, lang, name) })),
            ]}
          />
        </>
      )}
    </>
  );
}
