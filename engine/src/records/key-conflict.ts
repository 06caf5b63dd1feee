import { toText } from '@lodestar/core';
import type { EntityDefinition } from '../definitions/entity.js';
import { ConflictError, type Text } from '../errors.js';
import { compileKeys } from '../schema/key-indexes.js';

/**
 * A unique violation (23505) of one of an entity's unique keys, as the 409 a user reads: which fields
 * make the key, by their titles, in both languages ("已存在统一社会信用代码相同的客户"), or the key's own
 * `message`. It never names the record that holds the value: the writer may not be allowed to read it.
 * Undefined when the constraint is not a unique key of that table (the generic 23505 answer stays).
 */
export function keyConflict(
  entity: EntityDefinition | undefined,
  constraint: string | undefined,
): ConflictError | undefined {
  if (!entity || !constraint) return undefined;
  const key = compileKeys(entity).find((candidate) => candidate.unique && candidate.name === constraint);
  if (!key) return undefined;
  const definition = entity['x-entity'].unique?.find(
    (candidate) => candidate.fields.join(',') === key.parts.map((p) => p.column).join(','),
  );
  const titles = key.parts.map((part) => {
    const field = entity.properties[part.column];
    return toText(field?.['x-i18n']?.title, field?.title, part.column);
  });
  const record = toText(entity['x-i18n']?.title, entity.title, entity.$id);
  const text: Text = definition?.message
    ? toText(definition.message, undefined, '')
    : {
        en: `a ${record.en} with the same ${titles.map((t) => t.en).join(' and ')} already exists`,
        zh: `已存在${titles.map((t) => t.zh).join('和')}相同的${record.zh}`,
      };
  const fields = key.parts.map((part) => part.column);
  return new ConflictError(text, {
    issues: fields.map((field) => ({
      pointer: `/${field}`,
      keyword: 'unique',
      message: text.en,
      i18n: text,
      params: { fields },
    })),
  });
}
