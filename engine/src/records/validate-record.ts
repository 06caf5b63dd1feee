import type { ValidateFunction } from 'ajv';
import type { Issue } from '../errors.js';
import { toIssues } from '../definitions/validate-entity.js';

/** Record fields with `null` removed: null means "no value" on every write, like an absent key. */
export function withoutNulls(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null && v !== undefined));
}

/** Every issue of a record against its compiled effective schema, with pointers into the payload. */
export function validateRecord(validate: ValidateFunction, values: Record<string, unknown>): Issue[] {
  return validate(withoutNulls(values)) ? [] : toIssues(validate.errors);
}
