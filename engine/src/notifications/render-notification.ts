import {
  formatValue,
  localeOf,
  pickText,
  recordLabel,
  SCREEN_STYLE,
  stateLabel,
  SYSTEM_VALUE_KINDS,
  type Text,
  type ValueStyle,
} from '@lodestar/core';
import type { Knex } from 'knex';
import type { CompiledEntity, Model } from '../model/compile-model.js';
import { workflowOf } from '../model/workflow-binding.js';
import { attributesOf } from '../records/attributes.js';
import { companyTimeZone } from '../records/company-time-zone.js';
import { expandRecords } from '../records/expand.js';
import { expandUsers } from '../records/expand-users.js';
import type { RecordJson } from '../records/types.js';
import { bothLanguages, placeholdersOf, renderTemplate, type NotifyText } from '../workflow/actions/notify-template.js';

/** What a notification says, in both languages. */
export interface NotificationText {
  title: Text;
  body: Text;
}

export interface RenderInput {
  model: Model;
  entity: CompiledEntity;
  /** The record as the transition leaves it (its fields set, its new state and owner). */
  record: RecordJson;
  /** The stage it came from, for the line that says what happened. */
  from: string | null;
  title: NotifyText;
  body: NotifyText;
}

/**
 * The notification's title and body with every `{{field}}` worded as a reader reads it (core's formatValue:
 * choices by label, related records by title, people by name, money and dates in the language's way, moments
 * in the company's time zone). Related records and people are looked up once each, with the engine's rights:
 * the definition chose what the message shows. A body left empty says what happened to which record.
 */
export async function renderNotification(db: Knex, input: RenderInput): Promise<NotificationText> {
  const title = bothLanguages(input.title);
  const body = bothLanguages(input.body);
  const fields = placeholdersOf([title.zh, title.en, body.zh, body.en].join('\n'));
  const word = await wordsFor(db, input, fields);
  const render = (text: Text): Text => ({
    zh: renderTemplate(text.zh, (field) => word(field, 'zh')),
    en: renderTemplate(text.en, (field) => word(field, 'en')),
  });
  const facts = whatHappened(input);
  const rendered = render(body);
  return {
    title: render(title),
    body: { zh: rendered.zh || facts.zh, en: rendered.en || facts.en },
  };
}

/** How each named field's value reads, in either language (linked records and people loaded first). */
async function wordsFor(
  db: Knex,
  { model, entity, record }: RenderInput,
  fields: string[],
): Promise<(field: string, lang: keyof Text) => string> {
  const { byName } = attributesOf(entity);
  const kindOf = (field: string) =>
    SYSTEM_VALUE_KINDS[field] ?? (byName.get(field)?.kind as Parameters<typeof formatValue>[1]['kind'] | undefined);
  const known = fields.filter((field) => byName.has(field) && kindOf(field) !== undefined);
  const related = known.filter((field) => byName.get(field)?.target !== undefined);
  // A copy: relations become `{ id, title… }` and people `{ id, name, email }`, as `expand` answers.
  const expanded: RecordJson = { ...record };
  if (related.length) await expandRecords({ knex: db, model, entity }, [expanded], related);
  for (const field of known) if (kindOf(field) === 'user') await expandUsers(db, [expanded], field);
  const style = notificationStyle(companyTimeZone());
  const workflow = workflowOf(model, entity, record.record_type as string | null);
  return (field, lang) => {
    const kind = kindOf(field);
    if (!kind || !byName.has(field)) return '';
    const person = expanded[field] as { name?: string } | null | undefined;
    const attribute = byName.get(field)!;
    const value = kind === 'user' ? record[field] : expanded[field];
    return String(
      formatValue(
        value,
        {
          kind,
          entity: entity.definition,
          field,
          workflow,
          target: attribute.target ? model.entities.get(attribute.target)?.definition : undefined,
          userName: () => person?.name,
        },
        lang,
        style,
      ),
    );
  };
}

/** On screen, but moments in the company's time zone (a server has no reader's zone) and ids whole. */
function notificationStyle(timeZone: string): ValueStyle {
  return {
    ...SCREEN_STYLE,
    dateTime(value, lang) {
      const instant = new Date(value);
      if (Number.isNaN(instant.getTime())) return value;
      return new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
        instant,
      );
    },
    id: (id) => id,
  };
}

/** `报价单「华东区年度采购」：草稿 → 待审批`: the record and the stages it moved between. */
function whatHappened({ model, entity, record, from }: RenderInput): Text {
  const workflow = workflowOf(model, entity, record.record_type as string | null);
  const line = (lang: keyof Text) => {
    const name = pickText(entity.definition['x-i18n']?.title, lang) ?? entity.definition.title ?? entity.id;
    const title = recordLabel(entity.definition, record);
    const to = stateLabel(workflow, record.state as string | null, lang);
    const move = from && from !== record.state ? `${stateLabel(workflow, from, lang)} → ${to}` : to;
    return lang === 'zh' ? `${name}「${title}」：${move}` : `${name} "${title}": ${move}`;
  };
  return { zh: line('zh'), en: line('en') };
}
