import { defineMessages, type MessagesOf } from '@lodestar/ui-shared';

export const APP_MESSAGES = defineMessages({
  zh: {
    appName: 'Lodestar',
    tagline: '客户关系管理',
    language: '语言',
    navWork: '工作',
    navRecords: '业务数据',
    navBoards: '看板',
    menu: '菜单',
    myDay: '我的一天',
    dashboard: '仪表盘',
    studio: '工作室',
    apiDocs: 'API 文档',
    loadingModel: '正在加载…',
    modelFailed: '无法加载数据模型',
    retry: '重试',
    notFound: '页面不存在',
    backHome: '返回首页',
    noEntities: '您的角色还不能查看任何业务数据，请联系管理员。',
  },
  en: {
    appName: 'Lodestar',
    tagline: 'Customer relationships',
    language: 'Language',
    navWork: 'Work',
    navRecords: 'Records',
    navBoards: 'Boards',
    menu: 'Menu',
    myDay: 'My day',
    dashboard: 'Dashboard',
    studio: 'Studio',
    apiDocs: 'API docs',
    loadingModel: 'Loading…',
    modelFailed: 'The data model could not be loaded',
    retry: 'Try again',
    notFound: 'This page does not exist',
    backHome: 'Back to the start page',
    noEntities: 'Your role cannot see any records yet. Ask an administrator.',
  },
});

export type AppMessages = MessagesOf<typeof APP_MESSAGES>;
