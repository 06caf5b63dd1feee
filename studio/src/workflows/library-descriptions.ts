import { defineMessages, type Lang } from '@lodestar/ui-shared';

/** What each guard and action of the library does, in a sentence, under its name in the designer. */
const DESCRIPTIONS = defineMessages({
  zh: {
    requireFields: '所列字段都已填写才能流转。',
    fieldCompare: '某个字段与固定值或另一字段比较，结果成立才能流转。',
    actorHasRole: '只有具备所选角色的人能执行这次流转。',
    approvalGiven: '本阶段的审批已全部通过。',
    all: '其中每个条件都满足才能流转。',
    any: '其中任一条件满足即可流转。',
    not: '其中的条件不满足时才能流转。',
    condition: '用公式写的条件，结果为真才能流转。',
    related: '关联记录的数量在范围内才能流转。',
    setField: '把记录的某个字段设为一个值。',
    notify: '给负责人、角色或指定的人发送站内通知（可同时发邮件）。',
    assignOwner: '把记录分配给某人，或在一个角色中轮流分配。',
    callWebhook: '流转后调用外部系统的地址。',
    createRecord: '新建一条记录（如由报价生成订单），可复制字段和明细。',
    createRecords: '为符合条件的每一条记录各新建一条（如给分层中的每个客户发一份答卷），已有的跳过。',
    convert: '把线索转化为客户、联系人和商机。',
    updateRecord: '按公式更新关联的记录（如上级客户）。',
    sendEvent: '给关联记录发送事件，让它们一起流转。',
  },
  en: {
    requireFields: 'Moves only when every listed field is filled in.',
    fieldCompare: 'Compares a field with a value or another field; moves only when it holds.',
    actorHasRole: 'Only people with one of the chosen roles can take this transition.',
    approvalGiven: 'Every approval of this stage is given.',
    all: 'Moves only when every guard inside holds.',
    any: 'Moves when any guard inside holds.',
    not: 'Moves only when the guard inside does not hold.',
    condition: 'A condition written as a formula; moves only when it is true.',
    related: 'Moves only when the number of related records is within range.',
    setField: 'Sets a field of the record to a value.',
    notify: 'Sends an in-app notification to the owner, a role or chosen people (mail too, if asked).',
    assignOwner: 'Gives the record to someone, or round-robin within a role.',
    callWebhook: 'Calls an external system’s URL after the transition.',
    createRecord: 'Creates a record (an order from a quote, say), copying fields and line items.',
    createRecords:
      'Creates one record for each matching row (a survey response per customer of a segment, say), skipping rows that have one.',
    convert: 'Converts a lead into a customer, a contact and an opportunity.',
    updateRecord: 'Updates related records (the parent customer, say) by formulas.',
    sendEvent: 'Sends an event to related records so they move along.',
  },
});

/** The sentence for a guard or action, or '' for a name the catalogue does not know. */
export function libraryDescription(name: string, lang: Lang): string {
  const all: Record<string, string | undefined> = DESCRIPTIONS[lang];
  return all[name] ?? '';
}
