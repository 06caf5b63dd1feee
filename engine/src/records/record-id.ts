import { UUID_RE } from '@lodestar/core';
import { NotFoundError } from '../errors.js';
import type { CompiledEntity } from '../model/compile-model.js';

/** The 404 of a record that does not exist (or whose id is not even a uuid). */
export function recordNotFound(entity: CompiledEntity, id: string): NotFoundError {
  const title = entity.definition['x-i18n']?.title?.zh ?? entity.definition.title ?? entity.id;
  return new NotFoundError({
    en: `${entity.id} ${JSON.stringify(id)} does not exist`,
    zh: `这条${title}记录不存在或您无权查看`,
  });
}

/** Whether an id can name a record at all; anything else is a 404 without a query. */
export function isRecordId(id: string): boolean {
  return UUID_RE.test(id);
}
