import type { FieldKind } from '../../model/types';

export type FormData = Record<string, unknown>;

/** A record's form values: only the form's fields, nulls left out (the form treats absent as empty). */
export function toFormData(record: Record<string, unknown>, fields: string[]): FormData {
  const out: FormData = {};
  for (const name of fields) if (record[name] !== null && record[name] !== undefined) out[name] = record[name];
  return out;
}

/** Whether two form values are the same (empty ones alike: absent, null, '' and []). */
export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (isEmpty(a) && isEmpty(b)) return true;
  return JSON.stringify(a) === JSON.stringify(b);
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** The merge patch from `before` to `after` over `fields`: changed values, null for cleared ones. */
export function changedValues(before: FormData, after: FormData, fields: string[]): FormData {
  const patch: FormData = {};
  for (const name of fields)
    if (!same(before[name], after[name]))
      patch[name] = isEmpty(after[name]) && !Array.isArray(after[name]) ? null : after[name];
  return patch;
}

/** The body of a new record: the filled-in fields only. */
export function filledValues(data: FormData, fields: string[]): FormData {
  return Object.fromEntries(fields.filter((name) => !isEmpty(data[name])).map((name) => [name, data[name]]));
}

/** Query-string prefill (`?customer=<id>&amount=5`) turned into typed values of the form's fields. */
export function parsePrefill(params: URLSearchParams, fields: string[], kinds: Record<string, FieldKind>): FormData {
  const out: FormData = {};
  for (const name of fields) {
    const raw = params.get(name);
    if (raw === null || raw === '') continue;
    const kind = kinds[name];
    if (kind === 'integer' || kind === 'number' || kind === 'money') {
      if (Number.isFinite(Number(raw))) out[name] = Number(raw);
    } else if (kind === 'boolean') out[name] = raw === 'true' || raw === '1';
    else if (kind === 'multiChoice' || kind === 'manyToMany' || kind === 'textList')
      out[name] = raw.split(',').filter(Boolean);
    else out[name] = raw;
  }
  return out;
}
