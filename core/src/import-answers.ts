import type { Text } from './text.js';

/*
 * The import API (`/imports`): the engine's import/* builds these, the runtime UI's wizard and the CLI read them.
 */

/** One problem of one row of an import file. */
export interface ImportIssue {
  /**
   * The row as a spreadsheet numbers it (the header is row 1).
   * @integer
   */
  row: number;
  /** The column's header; null when the row as a whole is at fault. */
  column: string | null;
  /** What the cell held. */
  value: string | null;
  /** The rule the value breaks (`enum`, `date`, `unique`, `duplicateInFile`, `notFound`, `required`, …). */
  rule: string;
  message: Text;
}

/** An import job: what it was asked to do, how far it got and what it found. */
export interface ImportJob {
  /** @format uuid */
  id: string;
  entity: string;
  fileName: string | null;
  mode: 'insert' | 'update' | 'upsert';
  key: string | null;
  dryRun: boolean;
  skipBad: boolean;
  /** `succeeded` with `dryRun` is a test run that found what `failed` counts; nothing of it was written. */
  status: 'running' | 'succeeded' | 'failed' | 'cancelled' | 'undone';
  /** @integer */
  processed: number;
  /** @integer */
  created: number;
  /** @integer */
  updated: number;
  /**
   * Rows with problems.
   * @integer
   */
  failed: number;
  /** Rows read per second so far (while running) or overall. */
  rowsPerSecond: number | null;
  /** While running, the seconds left as estimated from how much of the file is read (null for XLSX). */
  secondsLeft: number | null;
  /** The file's header row. */
  headers: string[];
  /**
   * The first problems found; the report lists them all.
   * @maxItems 100
   */
  issues: ImportIssue[];
  /** Why nothing was written, when the import failed as a whole. */
  error: Text | null;
  /** Whether undo may still take the import back (it wrote something and was not undone). */
  undoable: boolean;
  createdAt: string;
  finishedAt: string | null;
  undoneAt: string | null;
}

/** `POST /imports/{id}/undo`. */
export interface ImportUndone {
  /** @integer */
  deleted: number;
  /** @integer */
  restored: number;
}

/** One column of an import file as the engine maps it. */
export interface ImportPreviewColumn {
  header: string;
  /** `field`: fills `field`; `recordType`, `owner`: the system values; `ignore`: left out; `unknown`: no field has this name. */
  target: 'field' | 'recordType' | 'owner' | 'ignore' | 'unknown';
  field: string | null;
  /** Left out because the engine computes the field (formula, roll-up, numbering). */
  computed: boolean;
}

/** A first row of the file, converted as the import would (relations and people still as written). */
export interface ImportPreviewRow {
  /** @integer */
  row: number;
  values: Record<string, unknown>;
  issues: ImportIssue[];
}

/** `POST /imports/preview`: how the file's columns map and what its first rows become, before anything runs. */
export interface ImportPreview {
  format: 'csv' | 'xlsx';
  encoding: string | null;
  columns: ImportPreviewColumn[];
  /** Why the import could not start with this mapping, if it could not. */
  problem: Text | null;
  /** @maxItems 10 */
  rows: ImportPreviewRow[];
}
