import type { Lang } from '../lang.js';

/* What `lodestar archive` prints, in Chinese and English (kept beside the command). */
interface ArchiveMessages {
  help: string;
  helpBefore: string;
  helpTo: string;
  helpAudit: string;
  notPartitioned: (table: string, tables: string) => string;
  badMonth: (value: string) => string;
  auditNeedsFlag: string;
  thisMonth: (month: string) => string;
  nothing: (table: string, month: string) => string;
  partition: (n: number, of: number, name: string, rows: number) => string;
  bar: string;
  archived: (name: string, file: string, rows: number, mb: string, seconds: string) => string;
  done: (count: number, dir: string) => string;
}

export const ARCHIVE_MESSAGES: Readonly<Record<Lang, ArchiveMessages>> = {
  zh: {
    help: '把早于某月的历史或审计月分区写成 gzip CSV 文件，然后从数据库中卸下并删除（每个分区要么全部完成，要么不动）',
    helpBefore: '归档早于这个月（YYYY-MM）的整月分区',
    helpTo: '文件写入的文件夹（默认当前文件夹）',
    helpAudit: '确认归档审计记录（审计是系统的留痕，默认永久保留）',
    notPartitioned: (table, tables) => `${table} 不是按月分区的表；可归档：${tables}`,
    badMonth: (value) => `--before 应为 YYYY-MM，例如 2025-01，而不是 ${value}`,
    auditNeedsFlag: '审计记录是系统的留痕，默认永久保留；确需归档请加 --include-audit，并妥善保存生成的文件',
    thisMonth: (month) => `--before ${month} 包含当前或未来的月份：只能归档已经结束的月份`,
    nothing: (table, month) => `${table} 没有早于 ${month} 的整月分区，无需归档`,
    partition: (n, of, name, rows) => `[${n}/${of}] ${name}：${rows.toLocaleString('zh-CN')} 行`,
    bar: '  {bar} {percentage}% | {value}/{total} 行',
    archived: (name, file, rows, mb, seconds) =>
      `已归档 ${name} → ${file}（${rows.toLocaleString('zh-CN')} 行，${mb} MB，用时 ${seconds} 秒），分区已删除`,
    done: (count, dir) => `共归档 ${count} 个分区到 ${dir}`,
  },
  en: {
    help: 'write the history or audit month partitions before a month to gzip CSV files, then detach and drop them (all or nothing per partition)',
    helpBefore: 'archive the whole month partitions before this month (YYYY-MM)',
    helpTo: 'the folder the files are written to (default: the current folder)',
    helpAudit: 'confirm archiving audit rows (the audit trail is kept forever by default)',
    notPartitioned: (table, tables) => `${table} is not a table partitioned by month; these are: ${tables}`,
    badMonth: (value) => `--before takes YYYY-MM, e.g. 2025-01, not ${value}`,
    auditNeedsFlag:
      'the audit trail is kept forever by default; to archive it anyway add --include-audit, and keep the files safe',
    thisMonth: (month) => `--before ${month} includes this month or later: only months that have ended can be archived`,
    nothing: (table, month) => `${table} has no whole month partition before ${month}: nothing to archive`,
    partition: (n, of, name, rows) => `[${n}/${of}] ${name}: ${rows.toLocaleString('en')} rows`,
    bar: '  {bar} {percentage}% | {value}/{total} rows',
    archived: (name, file, rows, mb, seconds) =>
      `archived ${name} → ${file} (${rows.toLocaleString('en')} rows, ${mb} MB, ${seconds} s); the partition is dropped`,
    done: (count, dir) => `${count} partition(s) archived to ${dir}`,
  },
};
