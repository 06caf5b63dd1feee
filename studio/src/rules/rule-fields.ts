import { formulaTypeOfField, type EntityDefinition, type FormulaType } from '@lodestar/core';
import { pick, type Lang } from '@lodestar/ui-shared';
import { kindOf } from '../designer/field-model';
import type { FieldKind } from '../designer/field-kind';

/** A field a rule row may read: its path in formulas, its title, kind, formula type and choices. */
export interface RuleField {
  path: string;
  label: string;
  kind: FieldKind;
  type: FormulaType;
  choices?: { value: string; label: string }[];
  /** A user field where someone acts (a workflow guard): it may be compared with "me" (ME()). */
  me?: boolean;
}

/**
 * The fields a condition over `entity` may read, by title: its own, `recordType` when it has record types,
 * and (with `relations`) each many-to-one parent's fields as "客户 › 等级". With `owner` (a workflow's
 * expressions) the record's owner `owner_id` as 负责人; with `actor` (a guard, where a user sends the event)
 * its user fields may be compared with "me".
 */
export function ruleFields(
  entity: EntityDefinition | undefined,
  entities: readonly EntityDefinition[],
  lang: Lang,
  { relations, owner = false, actor = false }: { relations: boolean; owner?: boolean; actor?: boolean },
): RuleField[] {
  if (!entity) return [];
  const out: RuleField[] = ownFields(entity, lang).map((f) => ({ ...f }));
  if (owner || actor)
    out.push({ path: 'owner_id', label: lang === 'zh' ? '负责人' : 'Owner', kind: 'user', type: 'text' });
  if (actor) for (const f of out) if (f.kind === 'user') f.me = true;
  const recordTypes = entity['x-entity']?.recordTypes;
  if (recordTypes && Object.keys(recordTypes).length)
    out.push({
      path: 'recordType',
      label: lang === 'zh' ? '记录类型' : 'Record type',
      kind: 'choice',
      type: 'text',
      choices: Object.entries(recordTypes).map(([key, type]) => ({ value: key, label: pick(type.title, lang) || key })),
    });
  if (!relations) return out;
  for (const [name, field] of Object.entries(entity.properties)) {
    const target = field['x-relation'] && field.type === 'string' ? field['x-relation'].entity : undefined;
    const parent = target ? entities.find((e) => e.$id === target) : undefined;
    if (!parent) continue;
    const title = titleOf(entity, name, lang);
    for (const related of ownFields(parent, lang))
      out.push({ ...related, path: `${name}.${related.path}`, label: `${title} › ${related.label}` });
  }
  return out;
}

function ownFields(entity: EntityDefinition, lang: Lang): RuleField[] {
  const out: RuleField[] = [];
  for (const [name, field] of Object.entries(entity.properties)) {
    const type = formulaTypeOfField(field);
    if (!type) continue;
    const kind = kindOf(field);
    const labels = field['x-i18n']?.enum;
    out.push({
      path: name,
      label: titleOf(entity, name, lang),
      kind,
      type,
      choices:
        kind === 'choice'
          ? (field.enum ?? []).map((value) => ({
              value: String(value),
              label: pick(labels?.[String(value)], lang) || String(value),
            }))
          : undefined,
    });
  }
  return out;
}

function titleOf(entity: EntityDefinition, name: string, lang: Lang): string {
  const field = entity.properties[name];
  return pick(field?.['x-i18n']?.title, lang) || field?.title || name;
}
