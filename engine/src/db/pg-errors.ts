import { BadRequestError, ConflictError, issueOf, type LodestarError, ValidationError } from '../errors.js';

/** Words a violation of a definition's unique key (records/key-conflict.ts); undefined for other constraints. */
export type UniqueKeyResolver = (table?: string, constraint?: string) => LodestarError | undefined;

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
export function toLodestarError(error: unknown, uniqueKey?: UniqueKeyResolver): LodestarError | undefined {
  const e = error as PgError;
  if (!e || typeof e.code !== 'string') return undefined;
  const keyConflict = e.code === '23505' ? uniqueKey?.(e.table, e.constraint) : undefined;
  if (keyConflict) return keyConflict;
  const field = e.column ?? fieldOfConstraint(e.constraint, e.table);
  const pointer = field ? `/${field}` : '';
  switch (e.code) {
    case '23505':
      return new ConflictError(
        { en: 'a record with this value already exists', zh: '已有记录使用了这个值' },
        { issues: [issueOf(pointer, 'unique', { en: 'must be unique', zh: '不能与已有记录重复' })] },
      );
    case '23503':
      return new ValidationError(
        { en: 'a related record does not exist or is still referenced', zh: '关联的记录不存在，或仍被其他记录引用' },
        {
          issues: [
            issueOf(pointer, 'relation', {
              en: 'related record must exist (or is still referenced)',
              zh: '关联的记录必须存在（或仍被引用）',
            }),
          ],
        },
      );
    case '23502':
      return new ValidationError(
        { en: 'a required value is missing', zh: '缺少必填的值' },
        { issues: [issueOf(pointer, 'required', { en: 'must have a value', zh: '必须填写' })] },
      );
    case '22001':
      return new ValidationError(
        { en: 'a value is too long', zh: '有一个值过长' },
        { issues: [issueOf(pointer, 'maxLength', { en: 'value is too long', zh: '值过长' })] },
      );
    case '22021':
    case '22P05':
    case '22P02':
    case '22007':
    case '22008':
    case '22009':
    case '22003':
      return new BadRequestError(
        { en: 'a value has the wrong format for its field', zh: '有一个值的格式与字段不符' },
        { issues: [issueOf(pointer, 'format', { en: 'invalid value', zh: '值无效' })] },
      );
    case '40001':
    case '40P01':
      return new ConflictError({ en: 'the record was changed concurrently; retry', zh: '记录正被同时修改，请重试' });
    default:
      return undefined;
  }
}

/** `customer_parent_foreign` → `parent` when the table prefix matches. */
function fieldOfConstraint(constraint?: string, table?: string): string | undefined {
  if (!constraint || !table || !constraint.startsWith(`${table}_`)) return undefined;
  return constraint.slice(table.length + 1).replace(/_(foreign|fkey|unique|key|idx)$/, '');
}
