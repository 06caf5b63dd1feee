import { localeOf, pickText, recordLabel, stateLabel, type Text, type WorkflowDefinition } from '@lodestar/core';
import type { EntityDefinition } from '../definitions/entity.js';

/** What the owner is told: the SLA is about to break (the warning timer), or it broke (the SLA timer). */
export type SlaNoticeKind = 'warning' | 'breach';

/**
 * The in-app notification of an SLA, in both languages: `即将超时：服务请求「打印机卡纸」` with the stage and
 * its due time on the company's wall clock. Pure: the record as JSON (field names), the definitions it reads.
 */
export function slaNotice(input: {
  kind: SlaNoticeKind;
  entity: EntityDefinition;
  workflow: WorkflowDefinition | undefined;
  record: Record<string, unknown>;
  dueAt: Date | null;
  timeZone: string;
}): { title: Text; body: Text } {
  const { kind, entity, workflow, record, dueAt, timeZone } = input;
  const name = (lang: keyof Text) => pickText(entity['x-i18n']?.title, lang) ?? entity.title ?? entity.$id;
  const label = recordLabel(entity, record);
  const stage = (lang: keyof Text) => stateLabel(workflow, record.state as string | null, lang);
  const when = (lang: keyof Text) =>
    dueAt
      ? new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(dueAt)
      : '';
  if (kind === 'warning')
    return {
      title: { zh: `即将超时：${name('zh')}「${label}」`, en: `SLA about to run out: ${name('en')} "${label}"` },
      body: {
        zh: dueAt ? `「${stage('zh')}」阶段的时限将于 ${when('zh')} 到期。` : `「${stage('zh')}」阶段的时限即将到期。`,
        en: dueAt
          ? `The SLA of the stage "${stage('en')}" runs out at ${when('en')}.`
          : `The SLA of the stage "${stage('en')}" runs out soon.`,
      },
    };
  return {
    title: { zh: `已超时：${name('zh')}「${label}」`, en: `SLA breached: ${name('en')} "${label}"` },
    body: {
      zh: dueAt ? `「${stage('zh')}」阶段的时限已于 ${when('zh')} 到期。` : `「${stage('zh')}」阶段的时限已到期。`,
      en: dueAt
        ? `The SLA of the stage "${stage('en')}" ran out at ${when('en')}.`
        : `The SLA of the stage "${stage('en')}" has run out.`,
    },
  };
}
