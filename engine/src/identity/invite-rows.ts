import type { Text } from '@lodestar/core';
import { managerCycle } from './org-cycles.js';

/*
 * A bulk invite's rows, judged without the database: which column is which (Chinese or English headers),
 * and per row whether the email is well formed and new, the roles exist (by id or title in either
 * language), the manager is a known person (by email or name, an existing user or another row) without a
 * loop, and the team names one org unit. Every problem names the row as a spreadsheet shows it and the column.
 */

export const INVITE_COLUMNS = ['name', 'email', 'role', 'manager', 'team'] as const;
export type InviteColumn = (typeof INVITE_COLUMNS)[number];

/** One row as typed in the file (or corrected in the preview), every cell as text. */
export interface InviteRow {
  /** The row's number as a spreadsheet shows it (the header is row 1). */
  row: number;
  name: string;
  email: string;
  role: string;
  manager: string;
  team: string;
}

export interface InviteIssue {
  row: number;
  /** The column at fault; null for the file as a whole. */
  column: InviteColumn | null;
  text: Text;
}

/** What the rows are checked against: assignable roles, every user, every unit. */
export interface InviteDirectory {
  /** Undefined when the model defines no roles: then any well-formed role id is accepted. */
  roles: { id: string; titles: string[] }[] | undefined;
  users: { id: string; email: string; name: string; active: boolean }[];
  units: { id: string; name: string; parentId: string | null }[];
}

/** A row ready to create: the manager is an existing user's id or another row's email. */
export interface ResolvedInvite {
  row: number;
  email: string;
  displayName: string;
  roles: string[];
  managerId: string | null;
  managerEmail: string | null;
  orgUnitId: string | null;
}

export const COLUMN_TITLES: Record<InviteColumn, Text> = {
  name: { zh: '姓名', en: 'name' },
  email: { zh: '邮箱', en: 'email' },
  role: { zh: '角色', en: 'role' },
  manager: { zh: '上级', en: 'manager' },
  team: { zh: '部门', en: 'team' },
};

const HEADERS: Record<InviteColumn, string[]> = {
  name: ['姓名', '名字', '名称', 'name', 'display name', 'displayname', 'full name'],
  email: ['邮箱', '电子邮箱', '邮件', '邮箱地址', 'email', 'e-mail', 'mail', 'email address'],
  role: ['角色', 'role', 'roles'],
  manager: ['上级', '直属上级', '经理', 'manager', 'reports to'],
  team: ['部门', '团队', '组织', 'team', 'department', 'org unit', 'unit'],
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Roles in one cell are separated as people type lists. */
const LIST = /[、,，;；|/]+/;

const fold = (text: string) => text.normalize('NFKC').trim().toLowerCase();

/** The column each header names (undefined for columns the invite does not read). */
export function columnsOf(header: string[]): (InviteColumn | undefined)[] {
  return header.map((cell) => {
    const name = fold(cell).replace(/[\s_]+/g, ' ');
    return INVITE_COLUMNS.find((column) => HEADERS[column].includes(name));
  });
}

/** A parsed table (header first) as invite rows, or the file's problem: no email column, no rows, too many. */
export function rowsOfTable(table: string[][], max = 500): { rows: InviteRow[]; issues: InviteIssue[] } {
  const [header, ...body] = table;
  const columns = columnsOf(header ?? []);
  if (!columns.includes('email'))
    return {
      rows: [],
      issues: [
        {
          row: 1,
          column: null,
          text: {
            en: 'the first row must name the columns, with at least an email column (name, email, role, manager, team)',
            zh: '第一行应为列名，至少要有「邮箱」列（姓名、邮箱、角色、上级、部门）',
          },
        },
      ],
    };
  const rows: InviteRow[] = [];
  body.forEach((cells, i) => {
    if (cells.every((cell) => !cell?.trim())) return;
    const row: InviteRow = { row: i + 2, name: '', email: '', role: '', manager: '', team: '' };
    columns.forEach((column, c) => {
      if (column && !row[column]) row[column] = (cells[c] ?? '').trim();
    });
    rows.push(row);
  });
  if (!rows.length)
    return { rows, issues: [{ row: 1, column: null, text: { en: 'the file has no rows', zh: '文件里没有数据行' } }] };
  if (rows.length > max)
    return {
      rows: [],
      issues: [
        {
          row: 1,
          column: null,
          text: { en: `at most ${max} people per invite`, zh: `每次最多邀请 ${max} 人` },
        },
      ],
    };
  return { rows, issues: [] };
}

/** Each unit's names path (`销售部/华东组`), for naming a unit whose own name is not unique. */
function unitPaths(units: InviteDirectory['units']): Map<string, string> {
  const byId = new Map(units.map((u) => [u.id, u]));
  const pathOf = (id: string, depth = 0): string => {
    const unit = byId.get(id)!;
    return unit.parentId && byId.has(unit.parentId) && depth < 100
      ? `${pathOf(unit.parentId, depth + 1)}/${unit.name}`
      : unit.name;
  };
  return new Map(units.map((u) => [u.id, pathOf(u.id)]));
}

/** Checks every row against the directory and the other rows; resolves the rows when nothing is wrong. */
export function checkInvites(
  rows: InviteRow[],
  directory: InviteDirectory,
): { invites: ResolvedInvite[]; issues: InviteIssue[] } {
  const issues: InviteIssue[] = [];
  const fail = (row: number, column: InviteColumn, text: Text) => issues.push({ row, column, text });
  const users = new Map(directory.users.map((u) => [fold(u.email), u]));
  const paths = unitPaths(directory.units);
  const firstRowOf = new Map<string, number>();
  for (const r of rows) {
    const email = fold(r.email);
    if (EMAIL.test(email) && !firstRowOf.has(email)) firstRowOf.set(email, r.row);
  }
  const invites: ResolvedInvite[] = [];
  for (const r of rows) {
    const email = fold(r.email);
    const invite: ResolvedInvite = {
      row: r.row,
      email,
      displayName: r.name.trim() || email.split('@')[0]!,
      roles: [],
      managerId: null,
      managerEmail: null,
      orgUnitId: null,
    };
    if (!email) fail(r.row, 'email', { en: 'is required', zh: '必须填写' });
    else if (!EMAIL.test(email))
      fail(r.row, 'email', { en: `"${r.email}" is not an email address`, zh: `「${r.email}」不是邮箱地址` });
    else if (users.has(email)) fail(r.row, 'email', { en: `${email} already has an account`, zh: `${email} 已有账号` });
    else if (firstRowOf.get(email) !== r.row)
      fail(r.row, 'email', {
        en: `${email} is already on row ${firstRowOf.get(email)}`,
        zh: `${email} 与第 ${firstRowOf.get(email)} 行重复`,
      });
    if (r.name.trim().length > 200)
      fail(r.row, 'name', { en: 'is too long (200 at most)', zh: '太长（最多 200 个字符）' });

    for (const part of r.role
      .split(LIST)
      .map((p) => p.trim())
      .filter(Boolean)) {
      const wanted = fold(part);
      const role = directory.roles
        ? directory.roles.find((x) => fold(x.id) === wanted || x.titles.some((title) => fold(title) === wanted))?.id
        : /^[a-z][a-zA-Z0-9]{0,47}$/.test(part)
          ? part
          : undefined;
      if (role) {
        if (!invite.roles.includes(role)) invite.roles.push(role);
      } else fail(r.row, 'role', { en: `there is no role "${part}"`, zh: `没有角色「${part}」` });
    }

    const manager = r.manager.trim();
    if (manager) {
      const wanted = fold(manager);
      const existing = [
        ...new Set([
          ...directory.users.filter((u) => fold(u.email) === wanted),
          ...directory.users.filter((u) => fold(u.name) === wanted),
        ]),
      ];
      const fromFile = rows.filter(
        (other) =>
          firstRowOf.get(fold(other.email)) === other.row &&
          (fold(other.email) === wanted || (other.name.trim() && fold(other.name) === wanted)),
      );
      const matches = existing.length + fromFile.length;
      if (matches === 0)
        fail(r.row, 'manager', {
          en: `nobody is called "${manager}" (give an email or a name of a user or of another row)`,
          zh: `找不到上级「${manager}」（请填写已有用户或本文件中其他人的邮箱或姓名）`,
        });
      else if (matches > 1)
        fail(r.row, 'manager', {
          en: `more than one person is called "${manager}": give the email`,
          zh: `有多人叫「${manager}」，请填写邮箱`,
        });
      else if (existing[0] && !existing[0].active)
        fail(r.row, 'manager', {
          en: `${manager} is deactivated`,
          zh: `${manager} 已停用`,
        });
      else if (existing[0]) invite.managerId = existing[0].id;
      else invite.managerEmail = fold(fromFile[0]!.email);
    }

    const team = r.team.trim();
    if (team) {
      const wanted = fold(team).replace(/\s*\/\s*/g, '/');
      const byName = directory.units.filter((u) => fold(u.name) === wanted);
      const byPath = directory.units.filter((u) => fold(paths.get(u.id)!) === wanted);
      const found = byPath.length === 1 ? byPath : byName;
      if (found.length === 1) invite.orgUnitId = found[0]!.id;
      else if (found.length === 0)
        fail(r.row, 'team', { en: `there is no org unit "${team}"`, zh: `没有部门「${team}」` });
      else
        fail(r.row, 'team', {
          en: `more than one org unit is called "${team}": write its path, e.g. ${paths.get(found[0]!.id)}`,
          zh: `有多个部门叫「${team}」，请写出完整路径，例如 ${paths.get(found[0]!.id)}`,
        });
    }
    invites.push(invite);
  }

  // Managers among the new rows must not loop (a row is never below an existing user's own manager chain).
  const newManagerOf = new Map(invites.map((i) => [i.email, i.managerEmail]));
  for (const invite of invites) {
    if (invite.managerEmail === null) continue;
    const loop = managerCycle((at) => newManagerOf.get(at), invite.email, invite.managerEmail);
    if (!loop) continue;
    const nameOf = (email: string) => invites.find((i) => i.email === email)?.displayName ?? email;
    const chain = loop.map(nameOf).join(' → ');
    fail(
      invite.row,
      'manager',
      loop.length === 1
        ? { en: 'nobody can be their own manager', zh: '不能做自己的上级' }
        : {
            en: `${nameOf(invite.managerEmail)} cannot be ${invite.displayName}'s manager: that makes a loop (${chain})`,
            zh: `${nameOf(invite.managerEmail)} 不能做 ${invite.displayName} 的上级：形成了循环（${chain}）`,
          },
    );
  }
  issues.sort((a, b) => a.row - b.row || INVITE_COLUMNS.indexOf(a.column!) - INVITE_COLUMNS.indexOf(b.column!));
  return { invites: issues.length ? [] : invites, issues };
}

/** An issue's text with its place: `第 3 行「邮箱」：…` / `row 3, email: …`. */
export function placedText(issue: InviteIssue): Text {
  if (issue.column === null)
    return { en: `row ${issue.row}: ${issue.text.en}`, zh: `第 ${issue.row} 行：${issue.text.zh}` };
  const title = COLUMN_TITLES[issue.column];
  return {
    en: `row ${issue.row}, ${title.en}: ${issue.text.en}`,
    zh: `第 ${issue.row} 行「${title.zh}」：${issue.text.zh}`,
  };
}
