import type { StateMeta } from './types';

/** One per-field rule the designer edits: the three lists of `meta.fields`, or an exception to the lock. */
export type FieldRule = 'readOnly' | 'required' | 'hidden' | 'except';
/** The lock of a stage as the designer offers it. */
export type LockMode = 'none' | 'all' | 'except';

export function lockMode(meta: StateMeta): LockMode {
  return meta.lock === undefined ? 'none' : meta.lock === true ? 'all' : 'except';
}

/** Whether the stage's rules list `field` under `rule`. */
export function hasRule(meta: StateMeta, field: string, rule: FieldRule): boolean {
  if (rule === 'except') return typeof meta.lock === 'object' && meta.lock.except.includes(field);
  return meta.fields?.[rule]?.includes(field) ?? false;
}

/**
 * The state-meta patch that turns one rule of one field on or off. Empty lists and an empty
 * `fields` are left out, so a stage without rules has no `fields` key (the JSON a consultant writes).
 */
export function toggleRule(meta: StateMeta, field: string, rule: FieldRule, on: boolean): Partial<StateMeta> {
  const edit = (names: readonly string[] = []) =>
    on ? [...new Set([...names, field])] : names.filter((name) => name !== field);
  if (rule === 'except') {
    if (typeof meta.lock !== 'object') return {};
    return { lock: { except: edit(meta.lock.except) } };
  }
  const fields = { ...meta.fields, [rule]: edit(meta.fields?.[rule]) };
  for (const key of ['readOnly', 'required', 'hidden'] as const) if (!fields[key]?.length) delete fields[key];
  return { fields: Object.keys(fields).length ? fields : undefined };
}

/** The patch that sets the stage's lock: none, the whole record, or all but the exceptions kept so far. */
export function setLock(meta: StateMeta, mode: LockMode): Partial<StateMeta> {
  if (mode === 'none') return { lock: undefined };
  if (mode === 'all') return { lock: true };
  return { lock: { except: typeof meta.lock === 'object' ? meta.lock.except : [] } };
}
