import { useState } from 'react';
import { currentToken, previewHeaders, useMessages } from '@lodestar/ui-shared';
import { useModel } from '../model/ModelContext';
import { exportParams } from './exportParams';
import { LIST_MESSAGES } from './messages';

/**
 * Downloads the current view as CSV or Excel: its filters, sort and columns, in the user's language and time
 * zone (the engine writes titles, labels and names, as the list shows them). The export needs the bearer
 * token, which a plain link cannot send: fetch it, then hand the blob to the browser as `<entity>-<date>.<ext>`.
 */
export function ExportButton({
  entity,
  params,
  columns,
}: {
  entity: string;
  params: string;
  columns: readonly string[];
}) {
  const { lang } = useModel();
  const t = useMessages(LIST_MESSAGES);
  const [running, setRunning] = useState<'csv' | 'xlsx' | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  const run = async (file: 'csv' | 'xlsx') => {
    setRunning(file);
    setFailed(null);
    try {
      const token = currentToken();
      const response = await fetch(
        `/api/v1/records/${encodeURIComponent(entity)}/export?${exportParams(params, columns, lang)}&file=${file}`,
        { headers: { ...(token && { Authorization: `Bearer ${token}` }), ...previewHeaders() } },
      );
      if (!response.ok) {
        const problem = (await response.json().catch(() => ({}))) as { detail?: string; title?: string };
        throw new Error(problem.detail ?? problem.title ?? `HTTP ${response.status}`);
      }
      const url = URL.createObjectURL(await response.blob());
      const link = Object.assign(document.createElement('a'), {
        href: url,
        download: `${entity}-${localDate()}.${file}`,
      });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setFailed(e instanceof Error ? e.message : String(e));
    } finally {
      setRunning(null);
    }
  };

  return (
    <span className="export">
      {(['csv', 'xlsx'] as const).map((file) => (
        <button
          key={file}
          type="button"
          className="button button-secondary"
          data-testid={`export-${file}`}
          onClick={() => void run(file)}
          disabled={running !== null}
          aria-busy={running === file}
        >
          {running === file && <span className="spinner spinner-small" aria-hidden="true" />}
          {running === file ? t.exporting : file === 'csv' ? t.export : t.exportXlsx}
        </button>
      ))}
      {failed && (
        <span className="export-error" role="alert" title={failed}>
          {t.exportFailed}
        </span>
      )}
    </span>
  );
}

function localDate(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
