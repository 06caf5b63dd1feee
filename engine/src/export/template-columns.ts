import { SYSTEM_TITLES, type FieldKind } from '@lodestar/core';
import type { Text } from '../errors.js';
import type { CompiledEntity, CompiledField, Model } from '../model/compile-model.js';
import { isComputed } from '../import/mapping.js';
import type { EntityGrant } from '../permissions/entity-grant.js';
import type { ExportLang } from '../records/export-view.js';

/*
 * The columns of an entity's import template, pure: what a user may fill (the fields they see and may
 * write, not those the engine computes), under the titles the import maps by, each with its kind, whether
 * it is required, how to write it, an example value the import accepts, and the choices of a dropdown.
 */

export interface TemplateColumn {
  /** The header, as the import maps it (the field's title in the template's language). */
  header: string;
  kind: Text;
  /** Required for every record, or only for some record types (named). */
  required: 'yes' | 'no' | Text;
  rule: Text;
  /** An example value, as a user types it. */
  example: string | number | null;
  /** Whether the example row carries the example (it is a record of the first record type). */
  inExampleRow: boolean;
  /** Labels a dropdown offers; `strict` refuses anything else (a multiple choice takes lists, so it is not). */
  choices?: { labels: string[]; strict: boolean };
}

const KINDS: Record<FieldKind | 'recordType' | 'owner', Text> = {
  text: { zh: '文本', en: 'Text' },
  longText: { zh: '多行文本', en: 'Long text' },
  integer: { zh: '整数', en: 'Whole number' },
  number: { zh: '数字', en: 'Number' },
  money: { zh: '金额', en: 'Amount' },
  boolean: { zh: '是/否', en: 'Yes/no' },
  date: { zh: '日期', en: 'Date' },
  dateTime: { zh: '日期时间', en: 'Date and time' },
  email: { zh: '邮箱', en: 'Email' },
  phone: { zh: '电话', en: 'Phone' },
  url: { zh: '网址', en: 'Web address' },
  uuid: { zh: '标识符', en: 'Identifier' },
  choice: { zh: '单选', en: 'Choice' },
  multiChoice: { zh: '多选', en: 'Multiple choice' },
  manyToOne: { zh: '关联记录', en: 'Linked record' },
  manyToMany: { zh: '多个关联记录', en: 'Linked records' },
  user: { zh: '人员', en: 'Person' },
  textList: { zh: '文本列表', en: 'List of texts' },
  json: { zh: 'JSON', en: 'JSON' },
  recordType: { zh: '类型', en: 'Record type' },
  owner: { zh: '人员', en: 'Person' },
};

/** How a value of each kind is written, as the import reads it (import/convert.ts). */
const HOW: Partial<Record<FieldKind, Text>> = {
  integer: { zh: '整数，例如 12', en: 'A whole number, such as 12' },
  number: { zh: '数字，例如 3.5', en: 'A number, such as 3.5' },
  money: {
    zh: '金额，可带 ¥ 和千位分隔符，例如 ¥1,234.50',
    en: 'An amount, with ¥ and separators if you like: ¥1,234.50',
  },
  boolean: { zh: '填“是”或“否”', en: 'Yes or No' },
  date: { zh: '日期，例如 2026-12-07 或 2026年12月7日', en: 'A date, such as 2026-12-07' },
  dateTime: {
    zh: '日期和时间（北京时间），例如 2026-12-07 09:30',
    en: 'A date and time (China time), such as 2026-12-07 09:30',
  },
  email: { zh: '邮箱地址', en: 'An email address' },
  url: { zh: '以 https:// 开头的网址', en: 'A web address starting with https://' },
  multiChoice: { zh: '可填多个，用“、”分隔', en: 'One or more, separated by commas' },
  textList: { zh: '可填多个，用“、”分隔', en: 'One or more, separated by commas' },
  user: { zh: '填写用户的邮箱或姓名', en: 'The user’s email or name' },
  json: { zh: 'JSON 文本', en: 'JSON text' },
};

const join = (parts: (string | undefined)[], lang: ExportLang) =>
  parts.filter(Boolean).join(lang === 'zh' ? '；' : '; ');

/** The template's columns for a reader: record type first (when the entity has types), then fields, then owner. */
export function templateColumns(
  entity: CompiledEntity,
  view: CompiledEntity,
  grant: EntityGrant | undefined,
  model: Model,
  lang: ExportLang,
): TemplateColumn[] {
  const columns: TemplateColumn[] = [];
  const types = entity.definition['x-entity'].recordTypes ?? {};
  if (entity.recordTypes.length) {
    const labels = entity.recordTypes.map((id) => (types[id]?.title as Text | undefined)?.[lang] ?? id);
    columns.push({
      header: SYSTEM_TITLES.record_type![lang],
      kind: KINDS.recordType,
      required: 'yes',
      rule: both((l) =>
        l === 'zh' ? `从下拉列表中选择：${labels.join('、')}` : `Pick from the list: ${labels.join(', ')}`,
      ),
      example: labels[0] ?? null,
      inExampleRow: true,
      choices: { labels, strict: true },
    });
  }
  const required = new Set(entity.definition.required ?? []);
  const typeTitle = (id: string) => (types[id]?.title as unknown as Text | undefined) ?? { zh: id, en: id };
  // The example row is a record of the first type: it leaves empty what that type does not have.
  const exampleFields = entity.recordTypes.length ? types[entity.recordTypes[0]!]?.fields : undefined;
  for (const field of view.fields.values()) {
    if (isComputed(entity, field.name) || grant?.readOnly.has(field.name)) continue;
    const neededBy = entity.recordTypes.filter((id) => (types[id]?.required ?? []).includes(field.name)).map(typeTitle);
    const onlyFor = entity.recordTypes.filter((id) => types[id]?.fields?.includes(field.name) ?? true);
    const limited = onlyFor.length < entity.recordTypes.length ? onlyFor.map(typeTitle) : [];
    columns.push({
      header: titleOf(field, lang),
      kind: KINDS[field.kind],
      required: required.has(field.name)
        ? 'yes'
        : neededBy.length
          ? { zh: neededBy.map((t) => t.zh).join('、'), en: neededBy.map((t) => t.en).join(', ') }
          : 'no',
      rule: both((l) =>
        join(
          [
            ruleOf(entity, field, model, l),
            limited.length
              ? l === 'zh'
                ? `仅${limited.map((t) => t.zh).join('、')}填写`
                : `Only for ${limited.map((t) => t.en).join(', ')}`
              : undefined,
          ],
          l,
        ),
      ),
      example: exampleOf(field, lang),
      inExampleRow: !exampleFields || exampleFields.includes(field.name),
      ...choicesOf(field, lang),
    });
  }
  columns.push({
    header: SYSTEM_TITLES.owner_id![lang],
    kind: KINDS.owner,
    required: 'no',
    rule: {
      zh: '负责人的邮箱或姓名；不填则为导入人',
      en: 'The owner’s email or name; left empty, the person importing',
    },
    example: null,
    inExampleRow: true,
  });
  return columns;
}

const both = (text: (lang: ExportLang) => string): Text => ({ zh: text('zh'), en: text('en') });

function titleOf(field: CompiledField, lang: ExportLang): string {
  return field.definition['x-i18n']?.title?.[lang] ?? field.definition.title ?? field.name;
}

function labelsOf(field: CompiledField, lang: ExportLang): string[] {
  const ids = (field.definition.enum ?? field.definition.items?.enum ?? []) as string[];
  const labels = field.definition['x-i18n']?.enum as Record<string, Partial<Text>> | undefined;
  return ids.map((id) => labels?.[id]?.[lang] ?? id);
}

function choicesOf(field: CompiledField, lang: ExportLang): Pick<TemplateColumn, 'choices'> {
  if (field.kind === 'choice') return { choices: { labels: labelsOf(field, lang), strict: true } };
  if (field.kind === 'multiChoice') return { choices: { labels: labelsOf(field, lang), strict: false } };
  if (field.kind === 'boolean')
    return { choices: { labels: lang === 'zh' ? ['是', '否'] : ['Yes', 'No'], strict: true } };
  return {};
}

/** How to fill a field: its kind's way, its limits, its help text, what it links to, whether it must be unique. */
function ruleOf(entity: CompiledEntity, field: CompiledField, model: Model, lang: ExportLang): string {
  const d = field.definition;
  const zh = lang === 'zh';
  const parts: (string | undefined)[] = [HOW[field.kind]?.[lang]];
  if (field.kind === 'choice')
    parts.push(
      zh
        ? `从下拉列表中选择：${labelsOf(field, lang).join('、')}`
        : `Pick from the list: ${labelsOf(field, lang).join(', ')}`,
    );
  if (field.kind === 'multiChoice')
    parts.push(zh ? `可选：${labelsOf(field, lang).join('、')}` : `From: ${labelsOf(field, lang).join(', ')}`);
  if (field.kind === 'manyToOne' || field.kind === 'manyToMany') {
    const target = model.entities.get(d['x-relation']?.entity ?? '');
    const targetTitle = target?.definition['x-i18n']?.title?.[lang] ?? target?.definition.title ?? target?.id ?? '';
    const keys = (target?.definition['x-entity'].unique ?? [])
      .filter((key) => key.fields.length === 1)
      .map((key) => (target ? titleOf(target.fields.get(key.fields[0]!)!, lang) : ''));
    const by = zh ? ['名称', ...keys].join('或') : ['name', ...keys].join(' or ');
    parts.push(
      field.kind === 'manyToMany'
        ? zh
          ? `填写${targetTitle}的${by}，多个用“、”分隔`
          : `The ${targetTitle.toLowerCase()}s’ ${by}, separated by commas`
        : zh
          ? `填写${targetTitle}的${by}`
          : `The ${targetTitle.toLowerCase()}’s ${by}`,
    );
  }
  if (typeof d.maxLength === 'number')
    parts.push(zh ? `最多 ${d.maxLength} 个字符` : `At most ${d.maxLength} characters`);
  if (typeof d.minimum === 'number') parts.push(zh ? `不小于 ${d.minimum}` : `At least ${d.minimum}`);
  if (typeof d.maximum === 'number') parts.push(zh ? `不大于 ${d.maximum}` : `At most ${d.maximum}`);
  const help = d['x-ui']?.help as Partial<Text> | undefined;
  if (help?.[lang]) parts.push(help[lang]);
  if (
    (entity.definition['x-entity'].unique ?? []).some((key) => key.fields.length === 1 && key.fields[0] === field.name)
  )
    parts.push(zh ? '不能与已有记录重复' : 'Must not repeat an existing record’s');
  return join(parts, lang);
}

/** A value the import accepts for the field, as a user would type it; null where none can be made up. */
function exampleOf(field: CompiledField, lang: ExportLang): string | number | null {
  const d = field.definition;
  const zh = lang === 'zh';
  const low = typeof d.minimum === 'number' ? d.minimum : 0;
  const inRange = (n: number) => (typeof d.maximum === 'number' && n > d.maximum ? d.maximum : Math.max(n, low));
  switch (field.kind) {
    case 'text':
    case 'longText': {
      if (d.pattern || d.enum) return null;
      const text = zh ? `示例${titleOf(field, lang)}` : `Sample ${titleOf(field, lang).toLowerCase()}`;
      return typeof d.maxLength === 'number' ? text.slice(0, d.maxLength) : text;
    }
    case 'integer':
      return inRange(10);
    case 'number':
    case 'money':
      return inRange(10000);
    case 'boolean':
      return zh ? '是' : 'Yes';
    case 'date':
      return '2026-12-07';
    case 'dateTime':
      return '2026-12-07 09:30';
    case 'email':
      return 'zhang.san@example.com';
    case 'phone':
      return '0571-88886666';
    case 'url':
      return 'https://example.com';
    case 'choice':
      return labelsOf(field, lang)[0] ?? null;
    case 'multiChoice':
      return (
        labelsOf(field, lang)
          .slice(0, 2)
          .join(zh ? '、' : ', ') || null
      );
    case 'textList':
      return zh ? '甲、乙' : 'one, two';
    default:
      return null;
  }
}
