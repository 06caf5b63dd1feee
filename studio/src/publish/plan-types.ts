export interface Localized {
  en: string;
  zh: string;
}

/** A migration step as `POST /meta/drafts/studio/plan` answers it (engine/src/migrate/plan.ts). */
export interface PlanStep {
  kind: string;
  safety: 'safe' | 'destructive' | 'blocked';
  /** English, for logs; `reasonText` and `text` are the step's words in both languages, by titles. */
  reason: string;
  reasonText: Localized;
  text: Localized;
  rows?: number;
  table?: string | { name: string; columns: unknown[] };
  column?: string | { name: string; type: SqlType; nullable?: boolean };
  from?: unknown;
  to?: unknown;
  values?: string[];
  index?: { name: string; columns: string[] };
  junction?: { name: string; source: string; field: string; target: string };
  references?: { table: string; onDelete: string };
  workflow?: string;
  state?: string;
  default?: { value?: unknown; sql?: string };
  backfill?: unknown;
  array?: boolean;
}

export interface SqlType {
  base: string;
  length?: number;
  precision?: number;
  scale?: number;
  array?: boolean;
}

export interface Plan {
  baseVersion: number;
  steps: PlanStep[];
}
