import { describe, expect, it } from 'vitest';
import { checkInvites, columnsOf, placedText, rowsOfTable, type InviteDirectory } from './invite-rows.js';
import { isSameOrBelow, managerCycle } from './org-cycles.js';

describe('manager loops', () => {
  const managers = new Map<string, string | null>([
    ['boss', null],
    ['lead', 'boss'],
    ['rep', 'lead'],
  ]);
  const of = (id: string) => managers.get(id);
  it('finds the chain a new manager would close, up to the user', () => {
    expect(managerCycle(of, 'boss', 'rep')).toEqual(['rep', 'lead', 'boss']);
    expect(managerCycle(of, 'lead', 'lead')).toEqual(['lead']);
  });
  it('lets a manager from outside the chain, or none, through', () => {
    expect(managerCycle(of, 'rep', 'boss')).toBeUndefined();
    expect(managerCycle(of, 'boss', null)).toBeUndefined();
    // A loop left in old data that does not pass through the user is not this change's doing.
    expect(managerCycle((id) => (id === 'a' ? 'b' : 'a'), 'c', 'a')).toBeUndefined();
  });
  it('tells a unit below another by its path', () => {
    expect(isSameOrBelow('/a/b/', '/a/b/c/')).toBe(true);
    expect(isSameOrBelow('/a/b/', '/a/b/')).toBe(true);
    expect(isSameOrBelow('/a/b/', '/a/')).toBe(false);
  });
});

const directory: InviteDirectory = {
  roles: [
    { id: 'salesRep', titles: ['销售', 'Sales rep'] },
    { id: 'salesManager', titles: ['销售经理', 'Sales manager'] },
  ],
  users: [
    { id: 'u1', email: 'boss@x.cn', name: '王总', active: true },
    { id: 'u2', email: 'gone@x.cn', name: '离职者', active: false },
    { id: 'u3', email: 'li1@x.cn', name: '李明', active: true },
    { id: 'u4', email: 'li2@x.cn', name: '李明', active: true },
  ],
  units: [
    { id: 'o1', name: '销售部', parentId: null },
    { id: 'o2', name: '一组', parentId: 'o1' },
    { id: 'o3', name: '客服部', parentId: null },
    { id: 'o4', name: '一组', parentId: 'o3' },
  ],
};
const row = (n: number, cells: Partial<Record<'name' | 'email' | 'role' | 'manager' | 'team', string>>) => ({
  row: n,
  name: '',
  email: '',
  role: '',
  manager: '',
  team: '',
  ...cells,
});

describe('bulk invite rows', () => {
  it('reads Chinese and English headers, in any order, skipping other columns', () => {
    expect(columnsOf(['邮箱', 'Name', '备注', '上级', 'Department', '角色'])).toEqual([
      'email',
      'name',
      undefined,
      'manager',
      'team',
      'role',
    ]);
    const { rows } = rowsOfTable([
      ['Email', '姓名'],
      ['a@x.cn', '甲'],
      ['', ''],
      ['b@x.cn', '乙'],
    ]);
    expect(rows.map((r) => [r.row, r.email, r.name])).toEqual([
      [2, 'a@x.cn', '甲'],
      [4, 'b@x.cn', '乙'],
    ]);
    expect(rowsOfTable([['姓名'], ['甲']]).issues[0]).toMatchObject({ row: 1, column: null });
  });

  it('resolves roles by title or id, managers by email or name (a user or another row), teams by name or path', () => {
    const { invites, issues } = checkInvites(
      [
        row(2, { name: '周一', email: 'Zhou@X.cn', role: '销售经理', manager: '王总', team: '销售部' }),
        row(3, {
          name: '吴二',
          email: 'wu@x.cn',
          role: 'salesRep、Sales manager',
          manager: '周一',
          team: '销售部/一组',
        }),
        row(4, { email: 'zheng@x.cn', manager: 'li2@x.cn' }),
      ],
      directory,
    );
    expect(issues).toEqual([]);
    expect(invites).toMatchObject([
      { email: 'zhou@x.cn', roles: ['salesManager'], managerId: 'u1', orgUnitId: 'o1' },
      { roles: ['salesRep', 'salesManager'], managerId: null, managerEmail: 'zhou@x.cn', orgUnitId: 'o2' },
      { displayName: 'zheng', managerId: 'u4' },
    ]);
  });

  it('names each bad cell by row and column, in both languages', () => {
    const { invites, issues } = checkInvites(
      [
        row(2, { email: 'bad-email' }),
        row(3, { email: 'boss@x.cn' }),
        row(4, { email: 'a@x.cn', role: '总监' }),
        row(5, { email: 'A@x.cn' }),
        row(6, { email: 'b@x.cn', manager: '无名氏' }),
        row(7, { email: 'c@x.cn', manager: '李明' }),
        row(8, { email: 'd@x.cn', manager: '离职者' }),
        row(9, { email: 'e@x.cn', team: '一组' }),
        row(10, { email: 'f@x.cn', team: '财务部' }),
        row(11, { email: 'g@x.cn', manager: 'g@x.cn' }),
      ],
      directory,
    );
    expect(invites).toEqual([]);
    expect(issues.map((i) => [i.row, i.column])).toEqual([
      [2, 'email'],
      [3, 'email'],
      [4, 'role'],
      [5, 'email'],
      [6, 'manager'],
      [7, 'manager'],
      [8, 'manager'],
      [9, 'team'],
      [10, 'team'],
      [11, 'manager'],
    ]);
    expect(placedText(issues[3]!)).toEqual({
      zh: '第 5 行「邮箱」：a@x.cn 与第 4 行重复',
      en: 'row 5, email: a@x.cn is already on row 4',
    });
    expect(issues[5]!.text.zh).toContain('有多人叫「李明」');
    expect(issues[7]!.text.zh).toContain('销售部/一组');
  });

  it('refuses managers that loop among the new rows', () => {
    const { issues } = checkInvites(
      [
        row(2, { name: '甲', email: 'jia@x.cn', manager: '乙' }),
        row(3, { name: '乙', email: 'yi@x.cn', manager: '甲' }),
      ],
      directory,
    );
    expect(issues.map((i) => i.text.zh)).toEqual([
      '乙 不能做 甲 的上级：形成了循环（乙 → 甲）',
      '甲 不能做 乙 的上级：形成了循环（甲 → 乙）',
    ]);
  });
});
