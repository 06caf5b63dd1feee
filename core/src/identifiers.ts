/**
 * One pattern for every name that reaches SQL (entity ids, field names, record type keys).
 * camelCase without underscores, so it can never collide with the snake_case system columns,
 * the `lodestar_` engine tables or the `entity__field` junction tables.
 */
export const IDENTIFIER_PATTERN = '^[a-z][a-zA-Z0-9]{0,47}$';
const identifierRe = new RegExp(IDENTIFIER_PATTERN);

/** Workflow ids are not SQL identifiers; kebab-case like the file names. */
export const WORKFLOW_ID_PATTERN = '^[a-z][a-z0-9-]{0,62}$';

/** System columns on every entity table; no field may reuse them. */
export const SYSTEM_COLUMNS = [
  'id',
  'record_type',
  'state',
  'state_entered_at',
  'sla_breached_at',
  'sla_due_at',
  'owner_id',
  'created_at',
  'updated_at',
  'created_by',
  'updated_by',
  'version',
] as const;
export type SystemColumn = (typeof SYSTEM_COLUMNS)[number];

/** Names that pass the pattern but are still taken by the engine. */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([...SYSTEM_COLUMNS, 'lodestar']);

export function isIdentifier(name: string): boolean {
  return identifierRe.test(name);
}

export function isSystemColumn(name: string): name is SystemColumn {
  return (SYSTEM_COLUMNS as readonly string[]).includes(name);
}

/** Throws unless `name` is safe to put into SQL as an identifier; the last line of defence. */
export function assertIdentifier(name: string): string {
  if (!isIdentifier(name) && !isSystemColumn(name)) throw new Error(`unsafe identifier: ${JSON.stringify(name)}`);
  return name;
}

/** A uuid in its canonical text form (any case). */
export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
