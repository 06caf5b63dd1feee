import fc from 'fast-check';
import { anyJson } from './schema-arbitrary.js';

/*
 * Mutations of a real document: the model's own definitions, its template, a record that was created.
 * A validator or planner sees a document that is right almost everywhere and wrong in one to three
 * places (a key gone, a value of another kind, an array entry doubled or emptied, a part moved to
 * where another belongs), which random JSON never gets near.
 */

type Path = (string | number)[];

/** Every path into the document (capped, breadth first, so the top levels are always among them). */
function pathsOf(doc: unknown, limit = 4000): Path[] {
  const paths: Path[] = [];
  const queue: [unknown, Path][] = [[doc, []]];
  while (queue.length && paths.length < limit) {
    const [node, path] = queue.shift()!;
    if (path.length) paths.push(path);
    if (Array.isArray(node)) node.forEach((v, i) => queue.push([v, [...path, i]]));
    else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) queue.push([v, [...path, k]]);
  }
  return paths;
}

const clone = <T>(value: T): T => structuredClone(value);

function get(doc: unknown, path: Path): unknown {
  return path.reduce<unknown>(
    (node, key) => (node && typeof node === 'object' ? (node as Record<string | number, unknown>)[key] : undefined),
    doc,
  );
}

type Mutation = { kind: 'delete' | 'replace' | 'double' | 'move'; at: number; value?: unknown; from?: number };

function apply(doc: unknown, paths: Path[], mutation: Mutation): unknown {
  const path = paths[mutation.at % paths.length]!;
  const parent = get(doc, path.slice(0, -1));
  const key = path[path.length - 1]!;
  if (!parent || typeof parent !== 'object') return doc;
  const container = parent as Record<string | number, unknown>;
  switch (mutation.kind) {
    case 'delete':
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete container[key];
      break;
    case 'replace':
      container[key] = mutation.value;
      break;
    case 'double':
      if (Array.isArray(parent)) parent.splice(Number(key), 0, clone(parent[Number(key)]));
      else container[`${String(key)}_2`] = clone(container[key]);
      break;
    case 'move':
      container[key] = clone(get(doc, paths[(mutation.from ?? 0) % paths.length]!));
      break;
  }
  return doc;
}

const VALUES = fc.oneof(
  anyJson,
  fc.constantFrom(
    null,
    '',
    0,
    -1,
    true,
    [],
    {},
    [null],
    'x'.repeat(300),
    '字段',
    'a'.repeat(63) + 'b',
    'string',
    'object',
    'number',
    'integer',
    'date',
    'date-time',
    '#/properties/x',
    { $ref: '#/nope' },
    { type: 'object', properties: {} },
  ),
);

/** The document with one to three mutations. */
export function mutated(doc: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(doc);
  if (!paths.length) return fc.constant(doc);
  const mutation: fc.Arbitrary<Mutation> = fc.record({
    kind: fc.constantFrom('delete', 'replace', 'replace', 'double', 'move'),
    at: fc.nat(),
    value: VALUES,
    from: fc.nat(),
  });
  return fc
    .array(mutation, { minLength: 1, maxLength: 3 })
    .map((mutations) => mutations.reduce((acc, m) => apply(acc, paths, m), clone(doc)));
}
