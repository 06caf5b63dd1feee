import { deref, type Schema, type SchemaContext } from './schema-arbitrary.js';

/*
 * The routes of openapi.json as a flat list of operations, each with its parameters resolved, and
 * the entity field schemas the filters, sorts and relation ids of a records route refer to.
 */

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  style?: string;
  schema: Schema;
}

export interface Operation {
  method: string;
  /** The path template as the document writes it, under /api/v1. */
  path: string;
  parameters: Parameter[];
  body?: { schema: Schema; contentTypes: string[]; required: boolean };
  /** The records entity of a `/records/{entity}…` route. */
  entity?: string;
  /** The actors whose document lists this operation. */
  actors: string[];
  /** Resolves the `$ref`s of the document the operation was first read from. */
  resolve: (ref: string) => Schema;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** `#/components/schemas/X` → the component, within one document. */
export function resolver(doc: Schema): (ref: string) => Schema {
  return (ref) =>
    ref
      .replace(/^#\//, '')
      .split('/')
      .reduce((node: Schema | undefined, key) => node?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], doc) ?? {};
}

/** Every path × method of one document. */
export function operationsOf(doc: Schema): Omit<Operation, 'actors' | 'resolve'>[] {
  const resolve = resolver(doc);
  const ctx = { resolve } as SchemaContext;
  const operations: Omit<Operation, 'actors' | 'resolve'>[] = [];
  for (const [path, item] of Object.entries<Schema>(doc.paths ?? {})) {
    const shared: Schema[] = item.parameters ?? [];
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      // A server-sent event stream never ends, so it has no answer to judge; its own tests read it
      // (notification-stream.api.test.ts). Sent here, each one held a request slot until the timeout.
      if (deref(op.responses?.['200'] ?? {}, ctx).content?.['text/event-stream']) continue;
      const parameters = [...shared, ...(op.parameters ?? [])]
        .map((p) => deref(p, ctx))
        .map((p) => ({
          name: p.name as string,
          in: p.in,
          required: Boolean(p.required),
          style: p.style,
          schema: deref(p.schema ?? {}, ctx),
        }));
      const content: Schema | undefined = op.requestBody && deref(op.requestBody, ctx).content;
      const contentTypes = content ? Object.keys(content) : [];
      const body =
        content && contentTypes.length
          ? {
              schema: content[contentTypes[0] as string]?.schema ?? {},
              contentTypes,
              required: Boolean(deref(op.requestBody, ctx).required),
            }
          : undefined;
      const entity = /^\/records\/([^/{]+)/.exec(path)?.[1];
      operations.push({
        method: method.toUpperCase(),
        path,
        parameters,
        ...(body && { body }),
        ...(entity && { entity }),
      });
    }
  }
  return operations;
}

/** Entity id → the schema of its records as read (`GET /records/{entity}/{id}`), for filter and sort field names. */
export function entitySchemas(doc: Schema): Record<string, Schema> {
  const resolve = resolver(doc);
  const result: Record<string, Schema> = {};
  for (const [path, item] of Object.entries<Schema>(doc.paths ?? {})) {
    const match = /^\/records\/([^/{]+)\/\{id\}$/.exec(path);
    const ref = item.get?.responses?.['200']?.content?.['application/json']?.schema;
    if (match?.[1] && ref) result[match[1]] = deref(ref, { resolve } as SchemaContext);
  }
  return result;
}

/** The union of every actor's operations, each knowing which actors' documents list it. */
export function mergeOperations(docs: Record<string, Schema>): Operation[] {
  const byKey = new Map<string, Operation>();
  for (const [actor, doc] of Object.entries(docs)) {
    const resolve = resolver(doc);
    for (const op of operationsOf(doc)) {
      const key = `${op.method} ${op.path}`;
      const known = byKey.get(key);
      if (known) known.actors.push(actor);
      else byKey.set(key, { ...op, actors: [actor], resolve });
    }
  }
  return [...byKey.values()].sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
}
