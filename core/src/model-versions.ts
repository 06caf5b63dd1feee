import type { DefinitionSet, Scope } from './definitions/types.js';
import type { Text } from './text.js';

/*
 * Published versions and drafts as engine db/definitions-repo.ts reads them and the meta routes answer them
 * (`GET /meta/versions…`, `/meta/drafts…`), and what a caller may do per entity (`/meta/model`, `/meta/entities`).
 * Column names are kept (snake_case), as the stored rows have them.
 */

/** A published version without its definitions (`GET /meta/versions`). */
export interface VersionSummary {
  /** @integer */
  version: number;
  hash: string;
  /** `seed`, `draft`, `template`, `cli`…: where the definitions came from. */
  source: string;
  note: string | null;
  /** The note in both languages, when the engine wrote it. */
  noteText?: Text;
  /** @format uuid */
  published_by: string | null;
  /** @format date-time */
  published_at: string;
}

/** A published version: its definitions and the plan it applied (`GET /meta/versions/{version}`). */
export interface StoredVersion {
  /** @integer */
  version: number;
  hash: string;
  definitions: DefinitionSet;
  /** The plan this version applied, as it was stored then. */
  plan: unknown;
  source: string;
  note: string | null;
  /** @format uuid */
  published_by: string | null;
  /** @format date-time */
  published_at: string;
}

/** A saved draft (`GET /meta/drafts/{id}`). */
export interface StoredDraft {
  id: string;
  definitions: DefinitionSet;
  /**
   * The version the draft was made from.
   * @integer
   */
  base_version: number;
  /** @format uuid */
  updated_by: string | null;
  /** @format date-time */
  updated_at: string;
}

/**
 * What the caller may do with one entity, their roles' grants (EntityPermission) combined: the scope of each
 * action, and the fields they may not write.
 */
export interface EffectivePermissions {
  read: Scope;
  create: Scope;
  update: Scope;
  delete: Scope;
  readOnly: string[];
}
