import { formatValue, sheetStyle, SYSTEM_TITLES, SYSTEM_VALUE_KINDS } from '@lodestar/core';
import type { CompiledEntity, Model } from '../model/compile-model.js';
import { workflowOf } from '../model/workflow-binding.js';
import { attributesOf } from './attributes.js';
import type { RecordJson } from './types.js';

export type ExportLang = 'en' | 'zh';

/** One column of an export as a user reads it: its title, and each record's cell as the list shows it. */
export interface ExportColumn {
  name: string;
  header: string;
  cell(record: RecordJson, users: ReadonlyMap<string, string>): string | number | null;
}

/** System attributes that name a user: shown by the user's name. */
export const USER_COLUMNS: ReadonlySet<string> = new Set(['owner_id', 'created_by', 'updated_by']);

/** Whether a column names a user (a system user column or a user field), so its cells show the user's name. */
export function isUserColumn(view: CompiledEntity, name: string): boolean {
  return USER_COLUMNS.has(name) || attributesOf(view).byName.get(name)?.kind === 'user';
}

/** The columns a view export shows by default: every visible field in definition order, then stage, owner and times. */
export function defaultExportColumns(view: CompiledEntity, model: Model): string[] {
  const { byName } = attributesOf(view);
  const hasWorkflow = [...model.workflows.values()].some((w) => w.meta.entity === view.id);
  const system = [
    ...(view.recordTypes.length ? ['record_type'] : []),
    ...(hasWorkflow ? ['state'] : []),
    'owner_id',
    'created_at',
    'updated_at',
  ];
  return [...view.fields.keys(), ...system.filter((name) => byName.has(name))];
}

/** The relation columns among `names`, to expand so their cells can show the related records' titles. */
export function relationColumns(view: CompiledEntity, names: readonly string[]): string[] {
  const { byName } = attributesOf(view);
  return names.filter((name) => byName.get(name)?.target !== undefined);
}

/**
 * The columns of an export as the list shows them (`view`: the entity as the reader sees it): field
 * titles, and each value worded by core's formatValue in its spreadsheet style (choice and record type
 * labels, stage titles, related records by title, users by name, yes/no, times in `timeZone`) — in
 * `lang`. Numbers stay numbers.
 */
export function exportColumns(
  view: CompiledEntity,
  model: Model,
  names: readonly string[],
  lang: ExportLang,
  timeZone: string,
): ExportColumn[] {
  const { byName } = attributesOf(view);
  const style = sheetStyle(timeZone);
  return names.map((name) => {
    const attribute = byName.get(name)!;
    const field = view.fields.get(name)?.definition;
    const header = field
      ? (field['x-i18n']?.title?.[lang] ?? field.title ?? name)
      : (SYSTEM_TITLES[name]?.[lang] ?? name);
    const kind = SYSTEM_VALUE_KINDS[name] ?? attribute.kind;
    const target = attribute.target ? model.entities.get(attribute.target)?.definition : undefined;
    const cell = (record: RecordJson, users: ReadonlyMap<string, string>): string | number | null => {
      const value = record[name];
      if (value === null || value === undefined) return null;
      const workflow = kind === 'state' ? workflowOf(model, view, record.record_type as string | null) : undefined;
      const subject = {
        kind,
        entity: view.definition,
        field: name,
        workflow,
        target,
        userName: (id: string) => users.get(id),
      };
      return formatValue(value, subject, lang, style);
    };
    return { name, header, cell };
  });
}
