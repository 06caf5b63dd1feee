import { TitleRow, useApi } from '@lodestar/ui-shared';
import { useMessages, useStudioLang } from '../app/lang';
import { useDraft } from '../draft/DraftContext';
import type { PublishedVersion } from '../draft/types';
import { VERSION_MESSAGES } from './messages';

/** The published versions, newest first (`GET /meta/versions`). */
export function VersionsPage() {
  const t = useMessages(VERSION_MESSAGES);
  const { lang } = useStudioLang();
  const { publishedVersion } = useDraft();
  // Keyed on the published version, so a publish in this tab shows up without a reload.
  const [versions, reload] = useApi<{ data: PublishedVersion[] }>(`/api/v1/meta/versions?v=${publishedVersion}`);
  const format = new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <>
      <TitleRow heading={t.heading} subheading={t.subheading} />
      {versions.status === 'loading' && <p className="muted" role="status">{t.loading}</p>}
      {versions.status === 'error' && (
        <div className="notice notice-error" role="alert">
          <strong>{t.failed}</strong>
          <span className="notice-detail">{versions.error.message}</span>
          <button type="button" className="button" onClick={reload}>
            {t.retry}
          </button>
        </div>
      )}
      {versions.status === 'ready' &&
        (versions.data.data.length === 0 ? (
          <div className="notice">{t.none}</div>
        ) : (
          <div className="panel">
            <table className="data-table" aria-label={t.heading}>
              <thead>
                <tr>
                  <th>{t.version}</th>
                  <th>{t.publishedAt}</th>
                  <th>{t.source}</th>
                  <th>{t.note}</th>
                </tr>
              </thead>
              <tbody>
                {versions.data.data.map((v) => (
                  <tr key={v.version} data-version={v.version}>
                    <td>
                      <strong>v{v.version}</strong> {v.version === publishedVersion && <span className="badge">{t.current}</span>}
                    </td>
                    <td className="nowrap">{format.format(new Date(v.published_at))}</td>
                    <td>{t.sources[v.source] ?? v.source}</td>
                    <td>{v.note ?? <span className="muted">—</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </>
  );
}
