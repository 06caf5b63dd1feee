import type { CompiledEntity } from '../model/compile-model.js';
import { ForbiddenError } from '../errors.js';

type Action = 'read' | 'create' | 'update' | 'delete' | string;

const VERBS: Record<string, string> = { read: '查看', create: '新建', update: '修改', delete: '删除' };

/**
 * The 403 for an action the actor's roles do not allow, in both languages and naming the entity by
 * its title: on records of the entity in general, or (`one`) on this record.
 */
export function forbidden(entity: CompiledEntity, action: Action, one = false): ForbiddenError {
  const title = entity.definition['x-i18n']?.title?.zh ?? entity.definition.title ?? entity.id;
  const titleEn = entity.definition['x-i18n']?.title?.en ?? entity.definition.title ?? entity.id;
  const verb = VERBS[action] ?? '操作';
  return new ForbiddenError(
    one
      ? {
          en: `your roles do not allow you to ${action} this ${titleEn} record`,
          zh: `您的角色无权${verb}这条${title}记录`,
        }
      : { en: `your roles do not allow you to ${action} ${titleEn} records`, zh: `您的角色无权${verb}${title}` },
  );
}
