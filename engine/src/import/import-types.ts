import type { Text } from '../errors.js';
import type { Cell } from './convert.js';

/** How an import runs: the same options from the wizard, the CLI and the API. */
export interface ImportOptions {
  /** insert: every row is a new record; update: rows find their record by `key`; upsert: update if found, else insert. */
  mode: 'insert' | 'update' | 'upsert';
  /** The field rows are matched by (update, upsert): a unique key's field, or any field whose value is unique. */
  key?: string;
  /** true: bad rows are reported and left out; false (default): one bad row and nothing is written. */
  skipBad?: boolean;
  /** A test run: everything is checked and counted inside a transaction that is rolled back. */
  dryRun?: boolean;
  /** The XLSX sheet to read (default: the first). */
  sheet?: string;
  /** Header → field id (null: leave the column out), over the automatic mapping by id and titles. */
  mapping?: Record<string, string | null>;
  /** The record type of rows without a record-type column or cell. */
  recordType?: string;
  /** Relation cells naming no record create one with that title (in the same transaction). */
  createMissing?: boolean;
}

/** One problem of one row: where, what was there, which rule, and the message in both languages. */
export interface RowIssue {
  row: number;
  /** The column's header; null when the row as a whole is at fault. */
  column: string | null;
  value: string | null;
  rule: string;
  message: Text;
}

export interface ImportCounts {
  /** Data rows read so far. */
  processed: number;
  created: number;
  updated: number;
  /** Rows with at least one issue. */
  failed: number;
  /** How much of the file is read (0–1), when known: with the rows per second, the time left. */
  fraction?: number;
}

/** A row the import refused, kept with its original cells for the error file. */
export interface RefusedRow {
  row: number;
  cells: Cell[];
  issues: RowIssue[];
}

export interface ImportOutcome extends ImportCounts {
  status: 'succeeded' | 'failed' | 'cancelled';
  headers: string[];
  refused: RefusedRow[];
  /** Why nothing was written: the file, the mapping, or bad rows in an all-or-nothing import. */
  error?: Text;
  /** True when the transaction was rolled back (a test run, all-or-nothing with bad rows, a failure). */
  rolledBack: boolean;
}
