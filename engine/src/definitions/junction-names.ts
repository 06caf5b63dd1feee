import type { Issue } from '../errors.js';
import type { EntityDefinition } from './entity.js';

/** Postgres keeps the first 63 bytes of an identifier and silently drops the rest. */
export const MAX_IDENTIFIER_BYTES = 63;

/**
 * Many-to-many fields whose junction tables (`<entity>__<field>`, see schema/compile-entity.ts) would
 * get the same name once Postgres truncates it: the second CREATE TABLE of a publish would fail.
 * Junction names are kept as they are (tables published before this check keep working); a set that
 * would collide is rejected here, with the pointer of each field after the first.
 */
export function checkJunctionNames(entities: readonly EntityDefinition[], files: Record<string, string> = {}): Issue[] {
  const seen = new Map<string, string>();
  const issues: Issue[] = [];
  for (const entity of entities) {
    for (const [field, definition] of Object.entries(entity.properties)) {
      if (definition.type !== 'array' || !definition['x-relation']) continue;
      const name = `${entity.$id}__${field}`;
      const stored = truncated(name);
      const first = seen.get(stored);
      if (first === undefined) {
        seen.set(stored, name);
        continue;
      }
      issues.push({
        ...(files[`entity:${entity.$id}`] !== undefined && { file: files[`entity:${entity.$id}`] }),
        pointer: `/properties/${field}`,
        keyword: 'junctionName',
        message: `the link table of "${field}" (${name}) has the same first ${MAX_IDENTIFIER_BYTES} characters as ${first}; shorten the field name`,
        i18n: {
          en: `the link table of "${field}" (${name}) has the same first ${MAX_IDENTIFIER_BYTES} characters as ${first}; shorten the field name`,
          zh: `字段“${field}”的关联表名（${name}）与 ${first} 的前 ${MAX_IDENTIFIER_BYTES} 个字符相同，请缩短字段名`,
        },
        params: { table: name, collidesWith: first },
      });
    }
  }
  return issues;
}

function truncated(name: string): string {
  // Identifiers are ASCII by IDENTIFIER_PATTERN, so characters are bytes.
  return name.slice(0, MAX_IDENTIFIER_BYTES);
}
