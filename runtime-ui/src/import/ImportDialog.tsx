import { useEffect, useRef, useState } from 'react';
import type { EntityDefinition, ImportJob, ImportPreview } from '@lodestar/core';
import { titleOf, useMessages } from '@lodestar/ui-shared';
import { useModel } from '../model/ModelContext';
import {
  cancelImport,
  downloadReport,
  downloadTemplate,
  followImport,
  previewImport,
  startImport,
  undoImport,
  type ImportChoice,
} from './importApi';
import { ImportPreviewTable } from './ImportPreviewTable';
import { IMPORT_MESSAGES } from './messages';

/** The import of an entity that was running when the page was left: the wizard follows it again after a reload. */
const storageKey = (entity: string) => `lodestar:import:${entity}`;
export function runningImportOf(entity: string): string | null {
  return sessionStorage.getItem(storageKey(entity));
}

/**
 * The import wizard: the file and options, a test run (everything checked, nothing written), then the
 * import with its progress (rows, rows per second, time left, cancel), the problems found with the error
 * file to download, and undo. Imports run in the engine; this only starts and follows them.
 */
export function ImportDialog({ entity, onClose }: { entity: EntityDefinition; onClose(changed: boolean): void }) {
  const t = useMessages(IMPORT_MESSAGES);
  const { lang } = useModel();
  const dialog = useRef<HTMLDialogElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [choice, setChoice] = useState<Omit<ImportChoice, 'dryRun' | 'entity'>>({
    mode: 'insert',
    key: keyFields(entity)[0],
    skipBad: false,
    createMissing: false,
    mapping: {},
  });
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [job, setJob] = useState<ImportJob | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [changed, setChanged] = useState(false);
  const stop = useRef(new AbortController());

  useEffect(() => {
    dialog.current?.showModal();
    const running = runningImportOf(entity.$id);
    if (running) void follow(running);
    const controller = stop.current;
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- resume once, when the dialog opens
  }, []);

  const follow = async (id: string) => {
    try {
      const done = await followImport(id, setJob, stop.current.signal);
      if (done.status !== 'running') sessionStorage.removeItem(storageKey(entity.$id));
      if (!done.dryRun && done.created + done.updated > 0 && done.status === 'succeeded') setChanged(true);
    } catch (e) {
      sessionStorage.removeItem(storageKey(entity.$id));
      setError((e as Error).message);
    }
  };

  // The mapping step: what the engine makes of the file's columns and first rows, again after each change.
  useEffect(() => {
    if (!file) return setPreview(null);
    let current = true;
    previewImport(file, { entity: entity.$id, sheet: choice.sheet, mapping: choice.mapping })
      .then((answer) => current && setPreview(answer))
      .catch((e: Error) => current && setError(e.message));
    return () => {
      current = false;
    };
  }, [file, choice.sheet, choice.mapping, entity.$id]);

  const start = async (dryRun: boolean) => {
    if (!file) return setError(t.chooseFile);
    setError(null);
    setNote(null);
    try {
      const started = await startImport(file, { ...choice, entity: entity.$id, dryRun });
      setJob(started);
      if (!dryRun) sessionStorage.setItem(storageKey(entity.$id), started.id);
      await follow(started.id);
    } catch (e) {
      setError(`${t.uploadFailed}: ${(e as Error).message}`);
    }
  };

  const undo = async () => {
    if (!job) return;
    try {
      const undone = await undoImport(job.id);
      setNote(t.undone(undone.deleted, undone.restored));
      setJob({ ...job, status: 'undone', undoable: false });
      setChanged(true);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const running = job?.status === 'running';
  const entityTitle = titleOf(entity, lang, entity.$id);
  const number = (n: number) => n.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US');
  return (
    <dialog
      ref={dialog}
      className="import-dialog"
      aria-labelledby="import-title"
      onCancel={(e) => {
        e.preventDefault();
        if (!running) onClose(changed);
      }}
      data-testid="import-dialog"
    >
      <h2 id="import-title">{t.title(entityTitle)}</h2>
      <p className="import-intro">{t.intro}</p>
      <p className="import-template">
        <button
          type="button"
          className="button button-secondary"
          data-testid="import-template"
          onClick={() =>
            void downloadTemplate(entity.$id, lang, t.templateFile(entityTitle)).catch((e: Error) =>
              setError(e.message),
            )
          }
        >
          {t.template}
        </button>
        <span className="import-muted">{t.templateHint}</span>
      </p>
      <fieldset className="import-options" disabled={running}>
        <label className="import-field">
          <span>{t.file}</span>
          <input
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            data-testid="import-file"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setJob(null);
              setChoice({ ...choice, mapping: {} });
            }}
          />
        </label>
        {file?.name.toLowerCase().endsWith('.xlsx') && (
          <label className="import-field">
            <span>{t.sheet}</span>
            <input
              type="text"
              value={choice.sheet ?? ''}
              onChange={(e) => setChoice({ ...choice, sheet: e.target.value })}
            />
          </label>
        )}
        <label className="import-field">
          <span>{t.mode}</span>
          <select
            value={choice.mode}
            data-testid="import-mode"
            onChange={(e) => setChoice({ ...choice, mode: e.target.value as ImportChoice['mode'] })}
          >
            <option value="insert">{t.insert}</option>
            <option value="update">{t.update}</option>
            <option value="upsert">{t.upsert}</option>
          </select>
        </label>
        {choice.mode !== 'insert' && (
          <label className="import-field">
            <span>{t.key}</span>
            <select value={choice.key} onChange={(e) => setChoice({ ...choice, key: e.target.value })}>
              {keyFields(entity).map((field) => (
                <option key={field} value={field}>
                  {titleOf(entity.properties[field] ?? {}, lang, field)}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="import-check">
          <input
            type="checkbox"
            checked={choice.skipBad}
            data-testid="import-skip-bad"
            onChange={(e) => setChoice({ ...choice, skipBad: e.target.checked })}
          />
          {t.skipBad}
        </label>
        <label className="import-check">
          <input
            type="checkbox"
            checked={choice.createMissing}
            onChange={(e) => setChoice({ ...choice, createMissing: e.target.checked })}
          />
          {t.createMissing}
        </label>
      </fieldset>

      {preview && (!job || job.dryRun) && (
        <ImportPreviewTable
          entity={entity}
          preview={preview}
          mapping={choice.mapping}
          onMap={(header, field) => setChoice({ ...choice, mapping: { ...choice.mapping, [header]: field } })}
        />
      )}
      {job && <ImportStatus job={job} number={number} />}
      {note && <p className="import-note">{note}</p>}
      {error && (
        <p className="ls-error" role="alert">
          {error}
        </p>
      )}

      <div className="import-actions">
        {running ? (
          <button type="button" className="button button-quiet" onClick={() => void cancelImport(job.id)}>
            {t.cancel}
          </button>
        ) : (
          <button type="button" className="button button-quiet" onClick={() => onClose(changed)}>
            {t.close}
          </button>
        )}
        {job && !running && job.failed > 0 && (
          <button type="button" className="button button-secondary" onClick={() => void downloadReport(job, lang)}>
            {t.download}
          </button>
        )}
        {job?.undoable && (
          <button
            type="button"
            className="button button-secondary"
            data-testid="import-undo"
            onClick={() => void undo()}
          >
            {t.undo}
          </button>
        )}
        <button
          type="button"
          className="button button-secondary"
          data-testid="import-test-run"
          disabled={running}
          onClick={() => void start(true)}
        >
          {t.testRun}
        </button>
        <button
          type="button"
          className="button button-primary"
          data-testid="import-run"
          disabled={running}
          onClick={() => void start(false)}
        >
          {t.run}
        </button>
      </div>
    </dialog>
  );
}

/** Progress while it runs; the outcome and the first problems after. */
function ImportStatus({ job, number }: { job: ImportJob; number: (n: number) => string }) {
  const t = useMessages(IMPORT_MESSAGES);
  const { lang } = useModel();
  if (job.status === 'running') {
    const fraction = job.secondsLeft !== null && job.rowsPerSecond ? progressOf(job) : undefined;
    return (
      <div className="import-progress" data-testid="import-progress" aria-live="polite">
        <p>{job.dryRun ? t.testing : t.running}</p>
        <progress max={1} {...(fraction !== undefined && { value: fraction })} />
        <p className="import-muted">
          {t.progress(number(job.processed), number(job.rowsPerSecond ?? 0))}
          {job.secondsLeft !== null && ` · ${t.timeLeft(number(job.secondsLeft))}`}
        </p>
      </div>
    );
  }
  const summary =
    job.status === 'failed'
      ? t.failed
      : job.status === 'cancelled'
        ? t.cancelled
        : job.dryRun
          ? t.testResult(job.processed, job.created, job.updated, job.failed)
          : t.result(job.processed, job.created, job.updated, job.failed);
  return (
    <div className="import-result" data-testid="import-result">
      <p className={job.status === 'failed' ? 'ls-error' : 'import-summary'}>{summary}</p>
      {job.error && <p className="ls-error">{job.error[lang]}</p>}
      {job.issues.length > 0 && (
        <div className="import-issues">
          <h3>{t.problems}</h3>
          <ul data-testid="import-issues">
            {job.issues.map((issue, i) => (
              <li key={i}>
                <span className="import-issue-where">
                  {t.row(issue.row)}
                  {issue.column && ` · ${issue.column}`}
                </span>
                {issue.value !== null && <span className="import-issue-value">{issue.value}</span>}
                <span className="import-issue-message">{issue.message[lang]}</span>
              </li>
            ))}
          </ul>
          {job.failed > job.issues.length && (
            <p className="import-muted">{t.moreProblems(job.failed - job.issues.length)}</p>
          )}
        </div>
      )}
    </div>
  );
}

/** How far a running import is: rows done over rows done plus rows the time left is worth. */
function progressOf(job: ImportJob): number {
  const left = (job.secondsLeft ?? 0) * (job.rowsPerSecond ?? 0);
  return job.processed / Math.max(job.processed + left, 1);
}

/** Fields a row may find its record by: single-field unique keys, then the title field. */
function keyFields(entity: EntityDefinition): string[] {
  const keys = (entity['x-entity'].unique ?? []).filter((k) => k.fields.length === 1).map((k) => k.fields[0]!);
  const title = entity['x-entity'].titleField;
  return [...new Set([...keys, ...(title ? [title] : [])])];
}
