import { defineMessages } from '@lodestar/ui-shared';

export const NOTIFY_PARAM_MESSAGES = defineMessages({
  zh: {
    chinese: '中文',
    english: 'English',
    kinds: {
      owner: '负责人',
      'owner.manager': '负责人的上级',
      actor: '操作人',
      role: '角色',
      field: '人员字段',
      orgUnit: '部门',
      email: '邮箱地址',
    },
    subUnits: '含下级部门',
    remove: (row: string) => `移除${row}`,
    add: '添加通知对象',
    placeholders: (example: string) => `用 ${example} 这样的写法引用记录的字段`,
  },
  en: {
    chinese: '中文',
    english: 'English',
    kinds: {
      owner: 'Owner',
      'owner.manager': "Owner's manager",
      actor: 'Actor',
      role: 'Role',
      field: 'User field',
      orgUnit: 'Org unit',
      email: 'Email address',
    },
    subUnits: 'with its sub-units',
    remove: (row) => `Remove ${row}`,
    add: 'Add a recipient',
    placeholders: (example) => `Write ${example} to show a field of the record`,
  },
});
