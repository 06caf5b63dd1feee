import { useMessages } from '@lodestar/ui-shared';
import { useStudioLang } from '../app/lang';
import { COLUMN_TITLES, INVITE_COLUMNS, issuesAt, type InviteIssue, type InviteRow } from './invite-model';
import { PEOPLE_MESSAGES } from './people-messages';

/** The rows of a bulk invite as an editable table: each cell with its problem beneath it, each row removable. */
export function InvitePreview({
  rows,
  issues,
  onChange,
}: {
  rows: InviteRow[];
  issues: InviteIssue[];
  onChange(rows: InviteRow[]): void;
}) {
  const t = useMessages(PEOPLE_MESSAGES);
  const { lang } = useStudioLang();
  const edit = (row: number, column: keyof InviteRow, value: string) =>
    onChange(rows.map((r) => (r.row === row ? { ...r, [column]: value } : r)));
  return (
    <div className="invite-scroll">
      <table className="data-table invite-table" aria-label={t.invite}>
        <thead>
          <tr>
            <th>{t.row}</th>
            {INVITE_COLUMNS.map((column) => (
              <th key={column}>{COLUMN_TITLES[column][lang]}</th>
            ))}
            <th aria-hidden="true" />
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const bad = issues.some((issue) => issue.row === r.row);
            return (
              <tr key={r.row} data-invite-row={r.row} className={bad ? 'has-issues' : undefined}>
                <td className="muted">{r.row}</td>
                {INVITE_COLUMNS.map((column) => {
                  const here = issuesAt(issues, r.row, column);
                  return (
                    <td key={column} className={here.length ? 'cell-issue' : undefined}>
                      <input
                        aria-label={t.cell(r.row, COLUMN_TITLES[column][lang])}
                        aria-invalid={here.length > 0}
                        value={r[column]}
                        onChange={(event) => edit(r.row, column, event.target.value)}
                      />
                      {here.map((issue, i) => (
                        <span key={i} className="cell-error" role="note">
                          {issue.text[lang]}
                        </span>
                      ))}
                    </td>
                  );
                })}
                <td>
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={t.removeRow(r.row)}
                    onClick={() => onChange(rows.filter((other) => other.row !== r.row))}
                  >
                    ×
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
