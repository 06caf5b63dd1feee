import { useMemo } from 'react';
import type { EntityDefinition, FieldDefinition } from '@lodestar/core';
import { pick, useMessages } from '@lodestar/ui-shared';
import { useStudioLang } from '../app/lang';
import { useDraft } from '../draft/DraftContext';
import { Checkbox, Select, TextInput } from '../ui/controls';
import { kindOf, type FieldForm, type RollupForm } from './field-model';
import { ROLLUP_MESSAGES } from './rollup-messages';

const OPS = ['count', 'sum', 'min', 'max', 'avg'] as const;
const NUMERIC = new Set(['integer', 'number', 'money']);
const ORDERED = new Set([...NUMERIC, 'date', 'dateTime']);

/**
 * A roll-up (`x-rollup`): pickers for the child entity (those with a many-to-one relation to this entity),
 * the relation, the summary and the child field that fits it, and an optional filter formula. The engine
 * checks the whole roll-up again when the draft is saved (issues beside the field).
 */
export function RollupEditor({
  entity,
  form,
  onChange,
}: {
  entity: EntityDefinition;
  form: FieldForm;
  onChange(patch: Partial<FieldForm>): void;
}) {
  const t = useMessages(ROLLUP_MESSAGES);
  const { lang } = useStudioLang();
  const { definitions } = useDraft();
  const rollup = form.rollup;
  const children = useMemo(
    () =>
      definitions.entities
        .filter((e) => e.$id !== entity.$id)
        .map((e) => ({ entity: e, relations: relationsTo(e, entity.$id) }))
        .filter((c) => c.relations.length > 0),
    [definitions, entity.$id],
  );
  const set = (patch: Partial<RollupForm>) => onChange({ rollup: { ...rollup!, ...patch } });
  const child = children.find((c) => c.entity.$id === rollup?.from);
  const title = (e: EntityDefinition, name?: string) =>
    name === undefined
      ? (pick(e['x-i18n']?.title, lang) ?? e.title)
      : `${pick(e.properties[name]?.['x-i18n']?.title, lang) ?? e.properties[name]?.title ?? name} (${name})`;
  const fields = child
    ? Object.entries(child.entity.properties)
        .filter(([, field]) => fits(rollup!.op, field))
        .map(([name]) => ({ value: name, label: title(child.entity, name) }))
    : [];
  const none = { value: '', label: t.none };
  return (
    <>
      <h3 className="dialog-section">{t.rollup}</h3>
      <Checkbox
        label={t.isRollup}
        checked={rollup !== undefined}
        hint={t.isRollupHint}
        onChange={(checked) =>
          onChange(
            checked
              ? {
                  rollup: { from: '', via: '', op: 'sum', field: '', where: '' },
                  required: false,
                  defaultValue: '',
                  formula: undefined,
                }
              : { rollup: undefined },
          )
        }
      />
      {rollup && !children.length && <p className="control-hint">{t.noChildren}</p>}
      {rollup && children.length > 0 && (
        <div className="rollup-editor" data-testid="rollup-editor">
          <Select
            label={t.from}
            value={rollup.from}
            options={[none, ...children.map((c) => ({ value: c.entity.$id, label: title(c.entity) }))]}
            onChange={(from) => {
              const relations = children.find((c) => c.entity.$id === from)?.relations ?? [];
              set({ from, via: relations.length === 1 ? relations[0]! : '', field: '' });
            }}
          />
          {child && (
            <Select
              label={t.via}
              value={rollup.via}
              options={[none, ...child.relations.map((name) => ({ value: name, label: title(child.entity, name) }))]}
              onChange={(via) => set({ via })}
            />
          )}
          <Select
            label={t.op}
            value={rollup.op}
            options={OPS.map((op) => ({ value: op, label: t.ops[op] }))}
            onChange={(op) => set({ op: op as RollupForm['op'], field: op === 'count' ? '' : rollup.field })}
          />
          {child && rollup.op !== 'count' && (
            <Select
              label={t.field}
              value={rollup.field}
              options={[none, ...fields]}
              onChange={(field) => set({ field })}
            />
          )}
          <TextInput label={t.where} value={rollup.where} onChange={(where) => set({ where })} />
          {!kindFits(rollup, form.kind, child?.entity) && <p className="control-hint">{t.wants[rollup.op]}</p>}
        </div>
      )}
    </>
  );
}

/** The many-to-one fields of `child` that point at `target`. */
function relationsTo(child: EntityDefinition, target: string): string[] {
  return Object.entries(child.properties)
    .filter(([, field]) => field.type === 'string' && field['x-relation']?.entity === target)
    .map(([name]) => name);
}

/** Child fields an operation can read (engine definitions/validate-rollups.ts). */
function fits(op: RollupForm['op'], field: FieldDefinition): boolean {
  const kind = kindOf(field);
  if (op === 'sum' || op === 'avg') return NUMERIC.has(kind);
  if (op === 'min' || op === 'max') return ORDERED.has(kind);
  return true;
}

/** Whether the field's own kind holds the result (the engine's issue says the same, on save). */
function kindFits(rollup: RollupForm, kind: string, child: EntityDefinition | undefined): boolean {
  if (rollup.op === 'count') return kind === 'integer';
  if (rollup.op === 'avg') return kind === 'number' || kind === 'money';
  const source = child && rollup.field ? child.properties[rollup.field] : undefined;
  if (!source) return true;
  const from = kindOf(source);
  if (rollup.op === 'sum' || NUMERIC.has(from))
    return from === 'integer' ? NUMERIC.has(kind) : kind === 'number' || kind === 'money';
  return kind === from;
}
