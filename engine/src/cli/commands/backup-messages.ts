import type { Lang } from '../lang.js';

/* What `lodestar backup` and `lodestar restore` print, in Chinese and English (kept beside the commands). */
interface BackupMessages {
  helpBackup: string;
  helpRestore: string;
  helpForceBackup: string;
  helpForceRestore: string;
  postgres: { en: string; zh: string };
  noDatabase: (dir: string) => string;
  running: (pid: number, dir: string, verb: 'backup' | 'restore') => string;
  fileExists: (file: string) => string;
  noFile: (file: string) => string;
  holdsDatabase: (dir: string) => string;
  notABackup: (file: string) => string;
  step: (n: number, of: number, what: string) => string;
  opening: (dir: string) => string;
  packing: string;
  writing: (file: string) => string;
  reading: (file: string) => string;
  loading: string;
  swapping: string;
  bar: string;
  backedUp: (file: string, mb: string, seconds: string) => string;
  restored: (dir: string, version: number | undefined, users: number, seconds: string) => string;
  keptAs: (folder: string) => string;
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
export const megabytes = mb;

export const BACKUP_MESSAGES: Readonly<Record<Lang, BackupMessages>> = {
  zh: {
    helpBackup: '把内置数据库（PGlite，DATA_DIR）备份到一个文件；引擎需先停止',
    helpRestore: '从备份文件恢复内置数据库；引擎需先停止，原数据库会保留在旁边',
    helpForceBackup: '覆盖已存在的备份文件',
    helpForceRestore: '替换数据文件夹中已有的数据库（原数据库改名保留，不会删除）',
    postgres: {
      zh: 'lodestar backup / restore 只用于内置数据库；PostgreSQL 请用 pg_dump 或 pg_basebackup 加 WAL 归档（见 docs/operations.md）',
      en: 'lodestar backup / restore are for the embedded database; for PostgreSQL use pg_dump, or pg_basebackup with WAL archiving (see docs/operations.md)',
    },
    noDatabase: (dir) => `${dir} 中没有内置数据库（DATA_DIR 是否正确？）`,
    running: (pid, dir, verb) =>
      `引擎（进程 ${pid}）正在使用 ${dir}：请先停止它再${verb === 'backup' ? '备份' : '恢复'}（运行中的数据库文件夹无法得到一致的副本，也不能被替换）`,
    fileExists: (file) => `${file} 已存在；用 --force 覆盖，或换一个文件名`,
    noFile: (file) => `找不到备份文件 ${file}`,
    holdsDatabase: (dir) => `${dir} 中已有数据库；确认要替换时加 --force（原数据库会改名保留）`,
    notABackup: (file) =>
      `${file} 不是 Lodestar 内置数据库的备份（lodestar backup 生成的 .tar.gz 文件），数据文件夹未作任何改动`,
    step: (n, of, what) => `[${n}/${of}] ${what}`,
    opening: (dir) => `打开 ${dir} 中的内置数据库……`,
    packing: '打包数据库……',
    writing: (file) => `写入 ${file}……`,
    reading: (file) => `读取 ${file}……`,
    loading: '载入并检查备份……',
    swapping: '换上恢复的数据库……',
    bar: '  [{bar}] {percentage}% | {value}/{total} MB',
    backedUp: (file, size, seconds) => `已备份到 ${file}（${size} MB，用时 ${seconds} 秒）。`,
    restored: (dir, version, users, seconds) =>
      `已恢复 ${dir}：模型版本 ${version ?? '无'}，${users} 个用户，用时 ${seconds} 秒。`,
    keptAs: (folder) => `原数据库保留在 ${folder}，确认无误后可删除。`,
  },
  en: {
    helpBackup: 'back up the embedded database (PGlite, DATA_DIR) to one file; stop the engine first',
    helpRestore: 'restore the embedded database from a backup file; stop the engine first, the old one is kept aside',
    helpForceBackup: 'overwrite an existing backup file',
    helpForceRestore: 'replace the database the data folder holds (it is renamed and kept, not deleted)',
    postgres: {
      zh: 'lodestar backup / restore 只用于内置数据库；PostgreSQL 请用 pg_dump 或 pg_basebackup 加 WAL 归档（见 docs/operations.md）',
      en: 'lodestar backup / restore are for the embedded database; for PostgreSQL use pg_dump, or pg_basebackup with WAL archiving (see docs/operations.md)',
    },
    noDatabase: (dir) => `there is no embedded database in ${dir} (is DATA_DIR right?)`,
    running: (pid, dir, verb) =>
      `the engine (process ${pid}) is using ${dir}: stop it before you ${verb === 'backup' ? 'back it up' : 'restore'} (a running engine's folder gives no consistent copy and must not be replaced)`,
    fileExists: (file) => `${file} exists already: --force overwrites it, or choose another name`,
    noFile: (file) => `there is no backup file ${file}`,
    holdsDatabase: (dir) =>
      `${dir} holds a database already: add --force to replace it (the old one is renamed and kept)`,
    notABackup: (file) =>
      `${file} is not a backup of Lodestar's embedded database (a .tar.gz written by lodestar backup); the data folder is unchanged`,
    step: (n, of, what) => `[${n}/${of}] ${what}`,
    opening: (dir) => `opening the embedded database in ${dir} …`,
    packing: 'packing the database …',
    writing: (file) => `writing ${file} …`,
    reading: (file) => `reading ${file} …`,
    loading: 'loading and checking the backup …',
    swapping: 'putting the restored database in place …',
    bar: '  [{bar}] {percentage}% | {value}/{total} MB',
    backedUp: (file, size, seconds) => `Backed up to ${file} (${size} MB in ${seconds} s).`,
    restored: (dir, version, users, seconds) =>
      `Restored ${dir}: model version ${version ?? 'none'}, ${users} user(s), in ${seconds} s.`,
    keptAs: (folder) => `The database it replaced is kept in ${folder}; delete it once you are satisfied.`,
  },
};
