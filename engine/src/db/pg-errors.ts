import { BadRequestError, ConflictError, type LodestarError, ValidationError } from '../errors.js';

interface PgError {
  code?: string;
  column?: string;
  constraint?: string;
  detail?: string;
  table?: string;
}

/**
 * Postgres errors a user can cause, translated once: unique (23505), foreign key (23503),
 * not null (23502), too long (22001), bad value (22P02, 22007, 22008, 22009), serialization (40001).
 * Anything else stays unknown (a logged 500). Messages name the field, never SQL.
 */
export function toLodestarError(error: unknown): LodestarError | undefined {
  const e = error as PgError;
  if (!e || typeof e.code !== 'string') return undefined;
  const field = e.column ?? fieldOfConstraint(e.constraint, e.table);
  const pointer = field ? `/${field}` : '';
  switch (e.code) {
    case '23505':
      return new ConflictError('a record with this value already exists', { issues: [{ pointer, keyword: 'unique', message: 'must be unique' }] });
    case '23503':
      return new ValidationError('a related record does not exist or is still referenced', {
        issues: [{ pointer, keyword: 'relation', message: 'related record must exist (or is still referenced)' }],
      });
    case '23502':
      return new ValidationError('a required value is missing', { issues: [{ pointer, keyword: 'required', message: 'must have a value' }] });
    case '22001':
      return new ValidationError('a value is too long', { issues: [{ pointer, keyword: 'maxLength', message: 'value is too long' }] });
    case '22021':
    case '22P05':
    case '22P02':
    case '22007':
    case '22008':
    case '22009':
    case '22003':
      return new BadRequestError('a value has the wrong format for its field', { issues: [{ pointer, keyword: 'format', message: 'invalid value' }] });
    case '40001':
    case '40P01':
      return new ConflictError('the record was changed concurrently; retry');
    default:
      return undefined;
  }
}

/** `customer_parent_foreign` → `parent` when the table prefix matches. */
function fieldOfConstraint(constraint?: string, table?: string): string | undefined {
  if (!constraint || !table || !constraint.startsWith(`${table}_`)) return undefined;
  return constraint.slice(table.length + 1).replace(/_(foreign|fkey|unique|key|idx)$/, '');
}
