import type { Lang } from '@lodestar/ui-shared';

const zh = {
  appName: 'Lodestar',
  tagline: '客户关系管理',
  navDocs: 'API 文档',
  navStudio: '工作室',
  language: '语言',
  heading: '工作台',
  subheading: '当前已发布数据模型中的业务对象',
  modelVersion: (v: number) => `模型版本 v${v}`,
  loading: '正在加载数据模型…',
  loadFailed: '无法加载数据模型',
  retry: '重试',
  emptyTitle: '还没有已发布的数据模型',
  emptyHint: '请在工作室中定义业务对象并发布，或从模板安装。',
  openStudio: '打开工作室',
  records: '记录',
  fields: '字段',
  recordTypes: '类型',
  countUnavailable: '记录数暂不可用',
  viewInStudio: '在工作室中查看',
  footer: '基于 Lodestar 低代码 CRM',
};

type Messages = typeof zh;

const en: Messages = {
  appName: 'Lodestar',
  tagline: 'Customer relationships',
  navDocs: 'API docs',
  navStudio: 'Studio',
  language: 'Language',
  heading: 'Workspace',
  subheading: 'The business objects of the published data model',
  modelVersion: (v: number) => `Model version ${v}`,
  loading: 'Loading the data model…',
  loadFailed: 'The data model could not be loaded',
  retry: 'Try again',
  emptyTitle: 'No data model is published yet',
  emptyHint: 'Define and publish business objects in the studio, or install a template.',
  openStudio: 'Open the studio',
  records: 'Records',
  fields: 'Fields',
  recordTypes: 'Types',
  countUnavailable: 'Record count not available yet',
  viewInStudio: 'View in studio',
  footer: 'Powered by Lodestar, the low-code CRM',
};

export const MESSAGES: Record<Lang, Messages> = { zh, en };
