import type { ImportJob, ImportPreview, ImportUndone } from '@lodestar/core';
import { currentToken, sendJson } from '@lodestar/ui-shared';

/** The wizard's options, as `POST /api/v1/imports` takes them (query parameters; the body is the file). */
export interface ImportChoice {
  entity: string;
  mode: 'insert' | 'update' | 'upsert';
  key?: string | undefined;
  skipBad: boolean;
  createMissing: boolean;
  sheet?: string | undefined;
  dryRun: boolean;
  /** Column header → field id, or null to leave the column out. */
  mapping: Record<string, string | null>;
}

const auth = (): Record<string, string> => {
  const token = currentToken();
  return token ? { Authorization: `Bearer ${token}` } : {};
};

async function problemOf(response: Response): Promise<Error> {
  const problem = (await response.json().catch(() => ({}))) as { detail?: string; title?: string };
  return new Error(problem.detail ?? problem.title ?? `HTTP ${response.status}`);
}

export async function startImport(file: File, choice: ImportChoice): Promise<ImportJob> {
  const query = new URLSearchParams({ entity: choice.entity, mode: choice.mode, fileName: file.name });
  if (choice.key && choice.mode !== 'insert') query.set('key', choice.key);
  if (choice.skipBad) query.set('skipBad', 'true');
  if (choice.createMissing) query.set('createMissing', 'true');
  if (choice.dryRun) query.set('dryRun', 'true');
  if (choice.sheet) query.set('sheet', choice.sheet);
  if (Object.keys(choice.mapping).length) query.set('mapping', JSON.stringify(choice.mapping));
  const response = await fetch(`/api/v1/imports?${query.toString()}`, {
    method: 'POST',
    headers: { ...auth(), 'Content-Type': file.type || 'application/octet-stream' },
    body: file,
  });
  if (response.status !== 202) throw await problemOf(response);
  return (await response.json()) as ImportJob;
}

/** How the file's columns map and what its first rows become; nothing runs. */
export async function previewImport(
  file: File,
  choice: Pick<ImportChoice, 'entity' | 'sheet' | 'mapping'>,
): Promise<ImportPreview> {
  const query = new URLSearchParams({ entity: choice.entity });
  if (choice.sheet) query.set('sheet', choice.sheet);
  if (Object.keys(choice.mapping).length) query.set('mapping', JSON.stringify(choice.mapping));
  const response = await fetch(`/api/v1/imports/preview?${query.toString()}`, {
    method: 'POST',
    headers: { ...auth(), 'Content-Type': file.type || 'application/octet-stream' },
    body: file,
  });
  if (!response.ok) throw await problemOf(response);
  return (await response.json()) as ImportPreview;
}

export const readImport = (id: string): Promise<ImportJob> => sendJson<ImportJob>('GET', `/api/v1/imports/${id}`);
export const cancelImport = (id: string): Promise<ImportJob> =>
  sendJson<ImportJob>('POST', `/api/v1/imports/${id}/cancel`);
export const undoImport = (id: string): Promise<ImportUndone> =>
  sendJson<ImportUndone>('POST', `/api/v1/imports/${id}/undo`);

/** The error file, fetched with the token (a link cannot send it) and handed to the browser. */
export async function downloadReport(job: ImportJob, lang: string): Promise<void> {
  await download(`/api/v1/imports/${job.id}/report?format=xlsx&lang=${lang}`, `${job.entity}-errors.xlsx`);
}

/** The entity's import template (XLSX: its columns, dropdowns, an example row and a sheet on how to fill them). */
export async function downloadTemplate(entity: string, lang: string, fileName: string): Promise<void> {
  await download(`/api/v1/imports/template?entity=${encodeURIComponent(entity)}&lang=${lang}`, fileName);
}

async function download(path: string, fileName: string): Promise<void> {
  const response = await fetch(path, { headers: auth() });
  if (!response.ok) throw await problemOf(response);
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Polls a job until it ends; `onUpdate` sees every answer. */
export async function followImport(
  id: string,
  onUpdate: (job: ImportJob) => void,
  signal: AbortSignal,
): Promise<ImportJob> {
  for (;;) {
    const job = await readImport(id);
    onUpdate(job);
    if (job.status !== 'running' || signal.aborted) return job;
    await new Promise((resolve) => setTimeout(resolve, 400));
  }
}
