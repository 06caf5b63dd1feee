// The definition types (entities, fields, workflows, the set, its issues) come from @lodestar/core, generated
// from the meta-schemas. Here: what the studio's API answers hold beyond them.

/** A row of `GET /api/v1/meta/versions`. */
export interface PublishedVersion {
  version: number;
  hash?: string;
  source: string;
  note: string | null;
  /** The note in both languages when the engine wrote it (the first, seeded version). */
  noteText?: { en: string; zh: string };
  published_by?: string | null;
  published_at: string;
}
