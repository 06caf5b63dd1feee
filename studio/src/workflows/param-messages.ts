import { defineMessages, type MessagesOf } from '@lodestar/ui-shared';

/** Texts of the params the workflow editor offers as choices by title (entities, relations, paths, sources). */
export const PARAM_MESSAGES = defineMessages({
  zh: {
    none: '—',
    chooseEntityFirst: '先选择业务对象',
    noRelation: (from: string, to: string) => `「${from}」没有指向「${to}」的关联字段`,
    now: '当前时间',
    actor: '执行人',
    recordField: (title: string) => `本记录的「${title}」`,
    setField: (n: number) => `字段 ${n}`,
    setFormula: (n: number) => `公式 ${n}`,
    setRemove: (n: number) => `删除第 ${n} 行`,
    setAdd: '添加字段',
    setHint: '公式可读来源记录的字段和 trigger（触发的记录）',
    everyType: '默认类型',
    /** Values of the library's enum params, by param (`owner`, `runAs`, `op`, `is`, `to`). */
    enums: {
      owner: { actor: '执行人', record: '触发记录的负责人', source: '来源记录的负责人' },
      runAs: { actor: '按执行人的权限', engine: '按系统权限（不检查执行人权限）' },
      op: {
        eq: '等于',
        ne: '不等于',
        lt: '小于',
        lte: '小于等于',
        gt: '大于',
        gte: '大于等于',
        in: '属于其中之一',
        empty: '为空',
        notEmpty: '不为空',
      },
      is: { nobody: '无人', actor: '执行人', someone: '有人' },
      to: { actor: '执行人', nobody: '无人' },
    } as Record<string, Record<string, string>>,
  },
  en: {
    none: '—',
    chooseEntityFirst: 'Choose the object first',
    noRelation: (from: string, to: string) => `${from} has no relation field pointing at ${to}`,
    now: 'Now',
    actor: 'The user who acts',
    recordField: (title: string) => `This record’s ${title}`,
    setField: (n: number) => `Field ${n}`,
    setFormula: (n: number) => `Formula ${n}`,
    setRemove: (n: number) => `Remove row ${n}`,
    setAdd: 'Add a field',
    setHint: 'The formula reads the source record’s fields and trigger (the record whose transition runs)',
    everyType: 'Default type',
    enums: {
      owner: {
        actor: 'The user who acts',
        record: 'The owner of the record whose transition runs',
        source: 'The owner of the source record',
      },
      runAs: { actor: 'With the permissions of the user who acts', engine: 'With the system’s permissions' },
      op: {
        eq: 'equals',
        ne: 'does not equal',
        lt: 'less than',
        lte: 'at most',
        gt: 'greater than',
        gte: 'at least',
        in: 'is one of',
        empty: 'is empty',
        notEmpty: 'is not empty',
      },
      is: { nobody: 'Nobody', actor: 'The user who acts', someone: 'Someone' },
      to: { actor: 'The user who acts', nobody: 'Nobody' },
    } as Record<string, Record<string, string>>,
  },
});

export type ParamMessages = MessagesOf<typeof PARAM_MESSAGES>;
