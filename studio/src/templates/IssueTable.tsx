import type { Issue as DefinitionIssue } from '@lodestar/core';
import { useStudioLang } from '../app/lang';
import { TEMPLATE_MESSAGES } from './messages';
import { useMessages } from '@lodestar/ui-shared';

/** Every issue of a template: its file, JSON pointer, rule (keyword) and message, one row each. */
export function IssueTable({ issues }: { issues: (DefinitionIssue & { i18n?: { en: string; zh: string } })[] }) {
  const t = useMessages(TEMPLATE_MESSAGES);
  const { lang } = useStudioLang();
  return (
    <table className="data-table issue-table" aria-label={t.broken(issues.length)}>
      <thead>
        <tr>
          <th>{t.issueFile}</th>
          <th>{t.issuePointer}</th>
          <th>{t.issueRule}</th>
          <th>{t.issueMessage}</th>
        </tr>
      </thead>
      <tbody>
        {issues.map((issue, i) => (
          <tr key={i} data-issue-file={issue.file ?? ''} data-keyword={issue.keyword}>
            <td className="mono">{issue.file ? <code>{issue.file}</code> : '—'}</td>
            <td className="mono">
              <code>{issue.pointer || '/'}</code>
            </td>
            <td>
              <code className="kind">{issue.keyword}</code>
            </td>
            <td>{issue.i18n?.[lang] ?? issue.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
