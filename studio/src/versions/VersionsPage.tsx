import { useState } from 'react';
import { TitleRow, useApi, useApiGet, useMessages, type ResponseOf } from '@lodestar/ui-shared';
import { useStudioLang } from '../app/lang';
import { useDraft } from '../draft/DraftContext';
import '../publish/publish.css';
import { DIFF_MESSAGES } from './diff-messages';
import { VERSION_MESSAGES } from './messages';
import { RollbackDialog } from './RollbackDialog';
import { VersionDiff } from './VersionDiff';
import './versions.css';

/** The published versions, newest first: who, when, why; tick two to compare; roll back to one. */
export function VersionsPage() {
  const t = useMessages(VERSION_MESSAGES);
  const d = useMessages(DIFF_MESSAGES);
  const { lang } = useStudioLang();
  const { publishedVersion } = useDraft();
  // Keyed on the published version, so a publish in this tab shows up without a reload.
  const [versions, reload] = useApi<ResponseOf<'/meta/versions', 'get'>>(`/api/v1/meta/versions?v=${publishedVersion}`);
  const [users] = useApiGet('/admin/users');
  // Reviewed versions name their submitter and reviewer (the approved submissions, by the version they published).
  const [reviews] = useApi<ResponseOf<'/meta/reviews', 'get'>>(
    `/api/v1/meta/reviews?status=approved&v=${publishedVersion}`,
  );
  const reviewOf = (version: number) =>
    reviews.status === 'ready' ? reviews.data.data.find((r) => r.version === version) : undefined;
  const [picked, setPicked] = useState<number[]>([]);
  const [rollbackTo, setRollbackTo] = useState<number>();
  const format = new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  const who = (id: string | null | undefined) => {
    if (!id) return undefined;
    const user = users.status === 'ready' ? users.data.data.find((u) => u.id === id) : undefined;
    return user ? user.displayName || user.email : undefined;
  };
  // The last two ticks count: ticking a third drops the oldest pick.
  const toggle = (version: number, on: boolean) =>
    setPicked((current) =>
      on ? [...current.filter((v) => v !== version), version].slice(-2) : current.filter((v) => v !== version),
    );
  const [from, to] = [...picked].sort((a, b) => a - b);
  return (
    <>
      <TitleRow heading={t.heading} subheading={t.subheading} />
      {versions.status === 'loading' && (
        <p className="muted" role="status">
          {t.loading}
        </p>
      )}
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
          <div className="panel versions-panel">
            <table className="data-table" aria-label={t.heading}>
              <thead>
                <tr>
                  <th className="col-compare">{d.compare}</th>
                  <th>{t.version}</th>
                  <th>{t.publishedAt}</th>
                  <th>{d.publishedBy}</th>
                  <th>{t.source}</th>
                  <th>{t.note}</th>
                  <th>
                    <span className="visually-hidden">{d.rollback}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {versions.data.data.map((v) => (
                  <tr
                    key={v.version}
                    data-version={v.version}
                    className={picked.includes(v.version) ? 'picked' : undefined}
                  >
                    <td className="col-compare">
                      <input
                        type="checkbox"
                        aria-label={d.compareLabel(v.version)}
                        checked={picked.includes(v.version)}
                        onChange={(event) => toggle(v.version, event.target.checked)}
                      />
                    </td>
                    <td className="nowrap">
                      <strong>v{v.version}</strong>{' '}
                      {v.version === publishedVersion && <span className="badge">{t.current}</span>}
                    </td>
                    <td className="nowrap">{format.format(new Date(v.published_at))}</td>
                    <td>
                      <Publisher review={reviewOf(v.version)} fallback={who(v.published_by)} />
                    </td>
                    <td className="nowrap">{t.sources[v.source] ?? v.source}</td>
                    <td>{v.noteText?.[lang] ?? v.note ?? <span className="muted">—</span>}</td>
                    <td className="nowrap row-actions">
                      {v.version !== publishedVersion && (
                        <button
                          type="button"
                          className="link-button"
                          aria-label={d.rollbackLabel(v.version)}
                          onClick={() => setRollbackTo(v.version)}
                        >
                          {d.rollback}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      {versions.status === 'ready' &&
        versions.data.data.length > 1 &&
        (from === undefined || to === undefined ? (
          <p className="muted compare-hint">{d.pickTwo}</p>
        ) : (
          <VersionDiff key={`${from}-${to}`} from={from} to={to} />
        ))}
      {rollbackTo !== undefined && <RollbackDialog version={rollbackTo} onClose={() => setRollbackTo(undefined)} />}
    </>
  );
}

type Review = ResponseOf<'/meta/reviews', 'get'>['data'][number];

/** Who published: a reviewed version names its submitter and its reviewer (with the reviewer's note). */
function Publisher({ review, fallback }: { review: Review | undefined; fallback: string | undefined }) {
  const t = useMessages(VERSION_MESSAGES);
  if (!review) return fallback ? <>{fallback}</> : <span className="muted">—</span>;
  return (
    <span className="publisher" data-testid="reviewed-by">
      <span className="nowrap">{t.submittedBy(review.submittedBy?.name ?? t.removedUser)}</span>{' '}
      <span className="nowrap">{t.reviewedBy(review.reviewedBy?.name ?? t.removedUser)}</span>
      {review.reviewNote && <span className="muted review-note-line">{t.reviewNote(review.reviewNote)}</span>}
    </span>
  );
}
