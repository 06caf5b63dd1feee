import type { DefinitionSet } from '../definitions/definition-set.js';
import type { Model } from '../model/compile-model.js';
import type { ModelAccess } from './model-access.js';

/** What an actor may do with one entity, as the web apps need it to build lists, forms and buttons. */
export interface EntityPermissionsJson {
  read: string;
  create: string;
  update: string;
  delete: string;
  readOnly: string[];
}

/**
 * The published definitions as an actor may see them: entities they may read, without hidden fields
 * (nor those fields' mentions in `required` or record types), the workflows of those entities, and
 * no roles. Administrators see everything.
 */
export function visibleDefinitions(model: Model, access: ModelAccess | undefined): DefinitionSet {
  if (!access) return model.set;
  const entities = model.set.entities.filter((e) => access.views.has(e.$id)).map((e) => access.views.get(e.$id)!.definition);
  const readable = new Set(entities.map((e) => e.$id));
  return { entities, workflows: model.set.workflows.filter((w) => readable.has(w.meta.entity)) };
}

/** Per readable entity, the actor's scopes and read-only fields. */
export function entityPermissions(model: Model, access: ModelAccess | undefined): Record<string, EntityPermissionsJson> {
  const out: Record<string, EntityPermissionsJson> = {};
  for (const entity of model.entities.values()) {
    const grant = access?.grant(entity.id);
    if (grant && grant.read === 'none') continue;
    out[entity.id] = grant
      ? { read: grant.read, create: grant.create, update: grant.update, delete: grant.delete, readOnly: [...grant.readOnly] }
      : { read: 'all', create: 'all', update: 'all', delete: 'all', readOnly: [] };
  }
  return out;
}
