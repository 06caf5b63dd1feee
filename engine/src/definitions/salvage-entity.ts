import type { ErrorObject } from 'ajv';
import type { Issue } from '../errors.js';
import type { EntityDefinition } from './entity.js';

/** What stands in for a field whose own shape is broken: a plain text field, which every later check accepts. */
const STAND_IN = Object.freeze({ type: 'string' });

/** Top-level keywords an entity may leave out, so a broken one can be set aside. */
const OPTIONAL = new Set([
  '$schema',
  'description',
  'x-i18n',
  'required',
  'allOf',
  'if',
  'then',
  'else',
  'dependentRequired',
  'x-rules',
]);

/** The entity as far as its shape allows the other checks, and the places already reported broken. */
export interface Salvaged {
  entity: EntityDefinition;
  /** JSON pointers whose meta-schema errors are reported already: later issues under them would repeat them. */
  broken: string[];
}

/**
 * An entity that failed the meta-schema, made checkable: each field with a broken shape stands in as a plain
 * text field (it still exists, so `required`, relations and workflows naming it are judged as usual), and a
 * broken optional keyword or `x-entity` option other than `titleField` is set aside. Answers undefined when
 * the errors are elsewhere (no `$id`, no properties…) or the copy still fails `hasShape`. So one broken field
 * does not hide the entity's other problems until it is fixed.
 */
export function salvageEntity(
  entity: unknown,
  errors: readonly ErrorObject[],
  hasShape: (value: unknown) => boolean,
): Salvaged | undefined {
  if (!isObject(entity) || !isObject(entity.properties)) return undefined;
  const copy: Record<string, unknown> = { ...entity, properties: { ...entity.properties } };
  const properties = copy.properties as Record<string, unknown>;
  const broken = new Set<string>();
  for (const error of errors) {
    const [top, key] = error.instancePath.split('/').slice(1).map(unescapePointer);
    const extra = error.keyword === 'additionalProperties' ? String(error.params.additionalProperty) : undefined;
    if (top === 'properties' && key !== undefined && key in properties) {
      properties[key] = STAND_IN;
      broken.add(`/properties/${escapePointer(key)}`);
    } else if (top === 'x-entity' && key !== undefined && key !== 'titleField' && isObject(copy['x-entity'])) {
      const { [key]: _dropped, ...options } = copy['x-entity'];
      copy['x-entity'] = options;
      broken.add(`/x-entity/${escapePointer(key)}`);
    } else if (top !== undefined && OPTIONAL.has(top)) {
      delete copy[top];
      broken.add(`/${escapePointer(top)}`);
    } else if (top === undefined && extra !== undefined) {
      delete copy[extra];
      broken.add(`/${escapePointer(extra)}`);
    } else return undefined;
  }
  return hasShape(copy) ? { entity: copy as unknown as EntityDefinition, broken: [...broken] } : undefined;
}

/** Issues of a salvaged entity that do not repeat an error already reported at or under a broken place. */
export function outsideBroken(issues: Issue[], broken: readonly string[]): Issue[] {
  return issues.filter((issue) => !broken.some((at) => issue.pointer === at || issue.pointer.startsWith(`${at}/`)));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}
