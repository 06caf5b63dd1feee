import { ApiError, type ResponseOf } from '@lodestar/ui-shared';

/** A bulk invite as the engine checks it: the rows (every cell as typed) and each cell's problem. */
export type InviteCheck = ResponseOf<'/admin/users/invites/check', 'post'>;
export type InviteRow = InviteCheck['rows'][number];
export type InviteIssue = InviteCheck['issues'][number];
export type InviteColumn = Exclude<InviteIssue['column'], null>;
export type Invited = ResponseOf<'/admin/users/invites', 'post'>['data'][number];

export const INVITE_COLUMNS: InviteColumn[] = ['name', 'email', 'role', 'manager', 'team'];

export const COLUMN_TITLES: Record<InviteColumn, { zh: string; en: string }> = {
  name: { zh: '姓名', en: 'Name' },
  email: { zh: '邮箱', en: 'Email' },
  role: { zh: '角色', en: 'Role' },
  manager: { zh: '上级', en: 'Manager' },
  team: { zh: '部门', en: 'Team' },
};

/** A file's bytes as base64, in slices (a spread of a large array would overflow the call stack). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The problems of one cell (or, with column null, of the row or file). */
export function issuesAt(issues: InviteIssue[], row: number, column: InviteColumn | null): InviteIssue[] {
  return issues.filter((issue) => issue.row === row && issue.column === column);
}

/** The engine's refusal of an invite (422, a cell's issue per `/rows/<i>/<column>`) as check issues. */
export function issuesOfRefusal(error: unknown): InviteIssue[] | undefined {
  if (!(error instanceof ApiError) || error.status !== 422) return undefined;
  const issues = error.issues.flatMap((issue) => {
    const params = (issue as { params?: { row?: unknown; column?: unknown } }).params;
    if (typeof params?.row !== 'number') return [];
    const column = INVITE_COLUMNS.includes(params.column as InviteColumn) ? (params.column as InviteColumn) : null;
    return [{ row: params.row, column, text: issue.i18n ?? { zh: issue.message, en: issue.message } }];
  });
  return issues.length ? issues : undefined;
}

/** The invited people as lines to paste into a message: name, email, one-time password. */
export function invitedLines(invited: Invited[]): string {
  return invited.map((i) => `${i.user.displayName}\t${i.user.email}\t${i.password}`).join('\n');
}
