import { SYSTEM_TITLES } from '@lodestar/core';
import type { LocalizedText } from '../definitions/entity.js';
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
const WORDS = {
  yes: { zh: '是', en: 'Yes' },
  no: { zh: '否', en: 'No' },
  restricted: { zh: '（无权查看）', en: '(restricted)' },
} as const;

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
 * titles, choice and record type labels, stage titles, related records by title, users by name,
 * yes/no, and times in `timeZone` — in `lang`. Numbers stay numbers.
 */
export function exportColumns(
  view: CompiledEntity,
  model: Model,
  names: readonly string[],
  lang: ExportLang,
  timeZone: string,
): ExportColumn[] {
  const { byName } = attributesOf(view);
  const time = timeFormatter(timeZone);
  return names.map((name) => {
    const attribute = byName.get(name)!;
    const field = view.fields.get(name)?.definition;
    const header = field
      ? (field['x-i18n']?.title?.[lang] ?? field.title ?? name)
      : (SYSTEM_TITLES[name]?.[lang] ?? name);
    const labels = field?.['x-i18n']?.enum ?? field?.items?.['x-i18n']?.enum;
    const label = (value: unknown) => labels?.[String(value)]?.[lang] ?? String(value);
    const target = attribute.target ? model.entities.get(attribute.target) : undefined;
    const titleField = target?.definition['x-entity'].titleField;
    const related = (value: unknown): string => {
      if (value === null || typeof value !== 'object')
        return value === null || value === undefined ? '' : String(value);
      const linked = value as Record<string, unknown>;
      if (linked.restricted) return WORDS.restricted[lang];
      const title = titleField ? linked[titleField] : undefined;
      return title === null || title === undefined || title === '' ? String(linked.id) : String(title);
    };
    const cell = (record: RecordJson, users: ReadonlyMap<string, string>): string | number | null => {
      const value = record[name];
      if (value === null || value === undefined) return null;
      if (USER_COLUMNS.has(name)) return users.get(String(value)) ?? String(value);
      if (name === 'state')
        return (
          pick(
            workflowOf(model, view, record.record_type as string | null)?.states[String(value)]?.meta?.title,
            lang,
          ) ?? String(value)
        );
      if (name === 'record_type')
        return pick(view.definition['x-entity'].recordTypes?.[String(value)]?.title, lang) ?? String(value);
      switch (attribute.kind) {
        case 'choice':
          return label(value);
        case 'multiChoice':
          return (value as unknown[]).map(label).join('; ');
        case 'manyToOne':
          return related(value);
        case 'manyToMany':
          return (value as unknown[]).map(related).join('; ');
        case 'boolean':
          return (value ? WORDS.yes : WORDS.no)[lang];
        case 'dateTime':
          return time(String(value));
        case 'integer':
        case 'number':
        case 'money':
          return typeof value === 'number' ? value : String(value);
        case 'textList':
          return (value as unknown[]).join('; ');
        case 'json':
          return JSON.stringify(value);
        default:
          return String(value);
      }
    };
    return { name, header, cell };
  });
}

function pick(text: LocalizedText | undefined, lang: ExportLang): string | undefined {
  if (text === undefined) return undefined;
  return typeof text === 'string' ? text : (text[lang] ?? text.en ?? Object.values(text)[0]);
}

/** `YYYY-MM-DD HH:mm` of an instant in a time zone, as a spreadsheet reads a date and time. */
function timeFormatter(timeZone: string): (iso: string) => string {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return (iso) => {
    const instant = new Date(iso);
    if (Number.isNaN(instant.getTime())) return iso;
    const parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]));
    return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
  };
}
