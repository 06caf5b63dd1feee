import type { ValidateFunction } from 'ajv';
import type { Issue } from '../errors.js';
import { toIssues } from '../definitions/validate-entity.js';
import { wording } from '../definitions/ajv-wording.js';

/** Record fields with `null` removed: null means "no value" on every write, like an absent key. */
export function withoutNulls(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null && v !== undefined));
}

/** Every issue of a record against its compiled effective schema, with pointers into the payload. */
export function validateRecord(validate: ValidateFunction, values: Record<string, unknown>): Issue[] {
  if (validate(withoutNulls(values))) return [];
  // Rule errors carry their own wording (x-rules); every other one is worded from its keyword, in both languages.
  const errors = (validate.errors ?? []).filter((error) => error.keyword !== 'if');
  return toIssues(errors).map((issue, i) => (issue.i18n ? issue : { ...issue, i18n: wording(errors[i]!) }));
}
