import { useState } from 'react';
import { currentToken, useMessages } from '@lodestar/ui-shared';
import { useModel } from '../model/ModelContext';
import { exportParams } from './exportParams';
import { LIST_MESSAGES } from './messages';

/**
 * Downloads the current view as CSV: its filters, sort and columns, in the user's language and time zone
 * (the engine writes titles, labels and names, as the list shows them). The export needs the bearer
 * token, which a plain link cannot send: fetch it, then hand the blob to the browser as `<entity>-<date>.csv`.
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
  const [running, setRunning] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);

  const run = async () => {
    setRunning(true);
    setFailed(null);
    try {
      const token = currentToken();
      const response = await fetch(
        `/api/v1/records/${encodeURIComponent(entity)}/export?${exportParams(params, columns, lang)}`,
        { headers: { ...(token && { Authorization: `Bearer ${token}` }) } },
      );
      if (!response.ok) {
        const problem = (await response.json().catch(() => ({}))) as { detail?: string; title?: string };
        throw new Error(problem.detail ?? problem.title ?? `HTTP ${response.status}`);
      }
      const url = URL.createObjectURL(await response.blob());
      const link = Object.assign(document.createElement('a'), { href: url, download: `${entity}-${localDate()}.csv` });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setFailed(e instanceof Error ? e.message : String(e));
    } finally {
      setRunning(false);
    }
  };

  return (
    <span className="export">
      <button
        type="button"
        className="button button-secondary"
        data-testid="export-csv"
        onClick={() => void run()}
        disabled={running}
        aria-busy={running}
      >
        {running && <span className="spinner spinner-small" aria-hidden="true" />}
        {running ? t.exporting : t.export}
      </button>
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
