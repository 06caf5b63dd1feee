import type { Lang } from '../lang.js';
import type { ImportCounts } from '../../import/import-types.js';

/*
 * What `lodestar import` prints, in Chinese and English, in the shape of cli/messages.ts (kept beside the
 * command, as the import's words grow with it). Issues and errors are printed as the engine words them.
 */
interface ImportMessages {
  help: string;
  progress: string;
  noModel: string;
  unknownEntity: (entity: string) => string;
  unknownUser: (email: string) => string;
  summary: (counts: ImportCounts, dryRun: boolean) => string;
  rowIssue: (row: number, column: string | null, message: string) => string;
  moreIssues: (count: number) => string;
  report: (path: string) => string;
  failed: string;
}

export const IMPORT_MESSAGES: Readonly<Record<Lang, ImportMessages>> = {
  zh: {
    help: '从 CSV（UTF-8 或 GBK）或 Excel 文件导入记录：按标题对应字段，先试运行，可跳过有问题的行',
    progress: '导入中 [{bar}] {percentage}% | {value} 行 | {speed} 行/秒 | 剩余 {eta_formatted}',
    noModel: '数据库中还没有已发布的模型，请先运行 `lodestar migrate`。',
    unknownEntity: (entity) => `没有业务对象“${entity}”。`,
    unknownUser: (email) => `没有邮箱为 ${email} 的在职用户。`,
    summary: (c, dryRun) =>
      `${dryRun ? '试运行（未写入任何数据）：' : ''}共 ${c.processed} 行，新建 ${c.created} 条，更新 ${c.updated} 条，有问题 ${c.failed} 行。`,
    rowIssue: (row, column, message) => `  第 ${row} 行${column ? `【${column}】` : ''}：${message}`,
    moreIssues: (count) => `  ……另有 ${count} 个问题，见错误文件。`,
    report: (path) => `错误文件（原始行加“错误说明”列）：${path}`,
    failed: '导入失败，没有写入任何数据：',
  },
  en: {
    help: 'import records from a CSV (UTF-8 or GBK) or Excel file: columns matched to fields by title, a test run first, bad rows skipped if asked',
    progress: 'importing [{bar}] {percentage}% | {value} rows | {speed} rows/s | {eta_formatted} left',
    noModel: 'the database has no published model yet: run `lodestar migrate` first.',
    unknownEntity: (entity) => `there is no entity "${entity}".`,
    unknownUser: (email) => `no active user has the email ${email}.`,
    summary: (c, dryRun) =>
      `${dryRun ? 'Test run (nothing written): ' : ''}${c.processed} rows: ${c.created} created, ${c.updated} updated, ${c.failed} with problems.`,
    rowIssue: (row, column, message) => `  row ${row}${column ? ` [${column}]` : ''}: ${message}`,
    moreIssues: (count) => `  … and ${count} more problems, in the error file.`,
    report: (path) => `Error file (the original rows plus an "Errors" column): ${path}`,
    failed: 'The import failed and wrote nothing: ',
  },
};
