import { useRef } from 'react';
import { useApiGet, useMessages } from '@lodestar/ui-shared';
import { Checkbox, Select, TextInput } from '../ui/controls';
import { useStudioLang } from '../app/lang';
import { useDraft } from '../draft/DraftContext';
import { roleOptions, withValue } from './param-options';
import { NOTIFY_PARAM_MESSAGES } from './notify-messages';
import type { FieldOption } from './ParamsForm';
import type { ParamSchema } from './types';

type Kind = 'owner' | 'owner.manager' | 'actor' | 'role' | 'field' | 'orgUnit' | 'email';
const KINDS: Kind[] = ['owner', 'owner.manager', 'actor', 'role', 'field', 'orgUnit', 'email'];
type Address = string | { role: string } | { field: string } | { orgUnit: string; subUnits?: boolean };

/** A text param that may be one text or `{ zh, en }` (notify's title and body). */
export function isBilingualText(schema: ParamSchema): boolean {
  const both = (branch: ParamSchema) =>
    branch.type === 'object' && !!branch.required?.includes('zh') && !!branch.required?.includes('en');
  // notify's title is text or { zh, en }; a guard's refusal message is { zh, en } only.
  return both(schema) || Boolean(schema.anyOf?.some(both));
}

/** notify's `to`: one address or a list of them. */
export function isAddressList(name: string, schema: ParamSchema): boolean {
  return name === 'to' && Boolean(schema.anyOf?.some((branch) => branch.type === 'array'));
}

/** The text in each language; a text written once (the older form) shows in both and becomes `{ zh, en }` when edited. */
export function BilingualText({
  label,
  value,
  onChange,
  templated = true,
}: {
  label: string;
  value: unknown;
  onChange(next: unknown): void;
  /** Whether {{field}} placeholders are filled in (notify's texts are; a guard's message is not). */
  templated?: boolean;
}) {
  const t = useMessages(NOTIFY_PARAM_MESSAGES);
  const text =
    typeof value === 'string'
      ? { zh: value, en: value }
      : value && typeof value === 'object'
        ? (value as { zh?: string; en?: string })
        : {};
  // The engine wants both languages: until the other one is typed, it follows this one (a Chinese-only
  // refusal message is not an error naming a JSON path), and typing it then keeps it apart.
  const typed = useRef(new Set<'zh' | 'en'>());
  const set = (lang: 'zh' | 'en', next: string) => {
    typed.current.add(lang);
    const before = { zh: text.zh ?? '', en: text.en ?? '' };
    const other = lang === 'zh' ? 'en' : 'zh';
    const both = { ...before, [lang]: next };
    if (!typed.current.has(other) && (before[other] === '' || before[other] === before[lang])) both[other] = next;
    onChange(both.zh === '' && both.en === '' ? undefined : both);
  };
  return (
    <fieldset className="control map-param bilingual-param">
      <legend className="control-label">{label}</legend>
      <TextInput label={`${label} · ${t.chinese}`} value={text.zh ?? ''} onChange={(v) => set('zh', v)} />
      <TextInput
        label={`${label} · ${t.english}`}
        value={text.en ?? ''}
        onChange={(v) => set('en', v)}
        hint={templated ? t.placeholders('{{amount}}') : undefined}
      />
    </fieldset>
  );
}

/** Whom a notify reaches, one row per address: its kind, and the role, field, unit or email it names. */
export function AddressList({
  label,
  value,
  fields,
  onChange,
}: {
  label: string;
  value: unknown;
  fields: FieldOption[];
  onChange(next: unknown): void;
}) {
  const t = useMessages(NOTIFY_PARAM_MESSAGES);
  const { lang } = useStudioLang();
  const { definitions } = useDraft();
  // Org units by name (the engine takes a unit's name or id; a name reads the same in every installation).
  const [units] = useApiGet('/admin/org-units');
  const unitOptions = units.status === 'ready' ? units.data.data.map((u) => ({ value: u.name, label: u.name })) : [];
  const list: Address[] = Array.isArray(value) ? (value as Address[]) : value === undefined ? [] : [value as Address];
  const update = (next: Address[]) => onChange(next.length ? next : undefined);
  const replace = (i: number, address: Address) => update(list.map((a, j) => (j === i ? address : a)));
  return (
    <fieldset className="control map-param address-param">
      <legend className="control-label">{label}</legend>
      {list.map((address, i) => {
        const kind = kindOf(address);
        const row = `${label} ${i + 1}`;
        const named = `${row} · ${t.kinds[kind]}`;
        return (
          <div className="map-param-row address-param-row" key={i} data-address-kind={kind}>
            <Select
              label={row}
              value={kind}
              onChange={(next) => replace(i, blank(next as Kind))}
              options={KINDS.map((k) => ({ value: k, label: t.kinds[k] }))}
            />
            {kind === 'role' && (
              <Select
                label={named}
                value={(address as { role: string }).role}
                onChange={(v) => replace(i, { role: v })}
                options={[
                  { value: '', label: '—' },
                  ...withValue(roleOptions(definitions, lang), (address as { role: string }).role),
                ]}
              />
            )}
            {kind === 'field' && (
              <Select
                label={named}
                value={(address as { field: string }).field}
                onChange={(v) => replace(i, { field: v })}
                options={[{ value: '', label: '—' }, ...fields]}
              />
            )}
            {kind === 'orgUnit' && (
              <>
                <Select
                  label={named}
                  value={(address as { orgUnit: string }).orgUnit}
                  onChange={(v) => replace(i, { ...(address as object), orgUnit: v } as Address)}
                  options={[
                    { value: '', label: '—' },
                    ...withValue(unitOptions, (address as { orgUnit: string }).orgUnit),
                  ]}
                />
                <Checkbox
                  label={`${row} · ${t.subUnits}`}
                  checked={(address as { subUnits?: boolean }).subUnits === true}
                  onChange={(checked) =>
                    replace(i, {
                      orgUnit: (address as { orgUnit: string }).orgUnit,
                      ...(checked && { subUnits: true }),
                    })
                  }
                />
              </>
            )}
            {kind === 'email' && <TextInput label={named} value={address as string} onChange={(v) => replace(i, v)} />}
            <button type="button" className="link-button" onClick={() => update(list.filter((_, j) => j !== i))}>
              {t.remove(row)}
            </button>
          </div>
        );
      })}
      <button type="button" className="link-button" onClick={() => update([...list, 'owner'])}>
        {t.add}
      </button>
    </fieldset>
  );
}

function kindOf(address: Address): Kind {
  if (typeof address === 'string')
    return address === 'owner' || address === 'owner.manager' || address === 'actor' ? address : 'email';
  if ('role' in address) return 'role';
  if ('field' in address) return 'field';
  return 'orgUnit';
}

function blank(kind: Kind): Address {
  switch (kind) {
    case 'role':
      return { role: '' };
    case 'field':
      return { field: '' };
    case 'orgUnit':
      return { orgUnit: '' };
    case 'email':
      return '';
    default:
      return kind;
  }
}
