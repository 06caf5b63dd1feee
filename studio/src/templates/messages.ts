import type { Lang } from '@lodestar/ui-shared';

const zh = {
  heading: '模板',
  subheading: '把已发布的模型导出为模板文件，或安装一个模板：先试运行查看问题和迁移计划，再确认安装。',
  exportHeading: '导出当前模型',
  exportHint: '下载已发布模型的全部定义（业务对象、流程、角色），可以在另一套系统中安装。',
  name: '模板名称',
  namePlaceholder: '例如：华东制造业CRM',
  version: '模板版本',
  versionHint: '用点分隔的数字，例如 1.0 或 1.2.0',
  download: '下载模板文件',
  downloading: '正在导出…',
  exportFailed: '导出失败',
  installHeading: '安装模板',
  installHint: '安装会像发布一样生成新版本。先试运行：有问题时列出全部问题，什么都不会改变。',
  file: '模板文件（JSON）',
  checking: '正在试运行…',
  notJson: '这个文件不是有效的 JSON。',
  broken: (n: number) => `模板有 ${n} 个问题，未做任何更改：`,
  issueFile: '文件',
  issuePointer: '位置',
  issueRule: '规则',
  issueMessage: '说明',
  unchanged: (v: number) => `模板内容与当前已发布的版本 v${v} 相同，无需安装。`,
  planFor: (name: string, version: string) => `${name}@${version} 的迁移计划`,
  upgradeFrom: (version: string) => `从已安装的 ${version} 升级`,
  noSteps: '数据库无需变更；安装后会保存为新版本。',
  install: '安装',
  installing: '正在安装…',
  installed: (v: number) => `模板已安装为版本 v${v}。`,
  installFailed: '安装失败，数据库和数据没有任何变化。',
  draftNote: '工作室中未发布的草稿不会被覆盖；它仍基于旧版本，发布前需要重新检查。',
};

export type TemplateMessages = typeof zh;

const en: TemplateMessages = {
  heading: 'Templates',
  subheading:
    'Export the published model as a template file, or install a template: a dry run shows its problems and plan first, then you confirm.',
  exportHeading: 'Export the current model',
  exportHint: 'Downloads every published definition (objects, workflows, roles), ready to install on another system.',
  name: 'Template name',
  namePlaceholder: 'e.g. East China manufacturing CRM',
  version: 'Template version',
  versionHint: 'Numbers separated by dots, e.g. 1.0 or 1.2.0',
  download: 'Download template file',
  downloading: 'Exporting…',
  exportFailed: 'The export failed',
  installHeading: 'Install a template',
  installHint:
    'An install publishes a new version, like publishing a draft. It runs dry first: a broken template lists every problem and changes nothing.',
  file: 'Template file (JSON)',
  checking: 'Running it dry…',
  notJson: 'This file is not valid JSON.',
  broken: (n: number) => `The template has ${n} problem${n === 1 ? '' : 's'}; nothing was changed:`,
  issueFile: 'File',
  issuePointer: 'Where',
  issueRule: 'Rule',
  issueMessage: 'Problem',
  unchanged: (v: number) => `The template equals the published version ${v}: there is nothing to install.`,
  planFor: (name: string, version: string) => `Migration plan for ${name}@${version}`,
  upgradeFrom: (version: string) => `Upgrades the installed ${version}`,
  noSteps: 'The database needs no change; installing saves a new version.',
  install: 'Install',
  installing: 'Installing…',
  installed: (v: number) => `The template is installed as version ${v}.`,
  installFailed: 'The install failed; the database and its data are unchanged.',
  draftNote:
    'An unpublished studio draft is kept; it is based on the older version, so check it again before publishing.',
};

export const TEMPLATE_MESSAGES: Record<Lang, TemplateMessages> = { zh, en };
