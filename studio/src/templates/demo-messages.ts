import { defineMessages } from '@lodestar/ui-shared';

/** The 示例数据 panel of the templates page. */
export const DEMO_DATA_MESSAGES = defineMessages({
  zh: {
    heading: '示例数据',
    hint: '加载一家虚构公司的中文示例数据（客户、联系人、商机、活动及其一年的流程历史和示例用户），用于试用和演示。示例数据都有标记，可以一步删除，真实数据不受影响。',
    load: '加载示例数据',
    loading: '正在加载示例数据…',
    remove: '删除示例数据',
    removing: '正在删除示例数据…',
    confirmTitle: '删除全部示例数据？',
    confirmBody: '所有示例记录、示例用户和示例部门都会被删除，真实数据保留不变。',
    confirmButton: '删除示例数据',
    loaded: (records: number, users: number, password: string) =>
      `已加载 ${records} 条示例记录和 ${users} 个示例用户（登录密码：${password}）。`,
    removed: (records: number, users: number) => `已删除 ${records} 条示例记录和 ${users} 个示例用户。`,
    nothing: '没有需要删除的示例数据。',
  },
  en: {
    heading: 'Sample data',
    hint: 'Load Chinese sample data of a made-up company (customers, contacts, opportunities, activities with a year of workflow history, and demo users) to try things out or give a demo. Every sample row is marked and can be removed in one step; real data stays untouched.',
    load: 'Load sample data',
    loading: 'Loading sample data…',
    remove: 'Remove sample data',
    removing: 'Removing sample data…',
    confirmTitle: 'Remove all sample data?',
    confirmBody: 'Every sample record, demo user and demo org unit is deleted; real data stays as it is.',
    confirmButton: 'Remove sample data',
    loaded: (records: number, users: number, password: string) =>
      `Loaded ${records} sample records and ${users} demo users (their password: ${password}).`,
    removed: (records: number, users: number) => `Removed ${records} sample records and ${users} demo users.`,
    nothing: 'There is no sample data to remove.',
  },
});
