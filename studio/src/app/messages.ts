import type { Lang } from '@lodestar/ui-shared';

const zh = {
  appName: 'Lodestar',
  studio: '工作室',
  navApp: '打开应用',
  navDocs: 'API 文档',
  language: '语言',
  navLabel: '工作室导航',
  entities: '业务对象',
  workflows: '流程',
  roles: '角色与权限',
  templates: '模板',
  publish: '草稿与发布',
  versions: '发布历史',
  loading: '正在加载模型…',
  loadFailed: '无法加载模型',
  retry: '重试',
  notFound: '找不到这个页面',
  backHome: '返回业务对象',
  adminOnly: '只有管理员可以使用工作室。',
  publishedVersion: (v: number) => `已发布 v${v}`,
};

type AppMessages = typeof zh;

const en: AppMessages = {
  appName: 'Lodestar',
  studio: 'Studio',
  navApp: 'Open the app',
  navDocs: 'API docs',
  language: 'Language',
  navLabel: 'Studio',
  entities: 'Objects',
  workflows: 'Workflows',
  roles: 'Roles & permissions',
  templates: 'Templates',
  publish: 'Draft & publish',
  versions: 'Versions',
  loading: 'Loading the model…',
  loadFailed: 'Could not load the model',
  retry: 'Try again',
  notFound: 'There is no such page',
  backHome: 'Back to the objects',
  adminOnly: 'Only administrators may use the studio.',
  publishedVersion: (v: number) => `Published v${v}`,
};

export const APP_MESSAGES: Record<Lang, AppMessages> = { zh, en };
