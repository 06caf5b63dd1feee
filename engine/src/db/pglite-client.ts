import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// knex-pglite is CommonJS; its default export is the client class.
const BaseClient = require('knex-pglite') as new (config: unknown) => object;

// knex-pglite derives the SQL command from the knex method name, so `del()` and
// `increment()` came back as raw results instead of row counts. Map the method first.
const COMMAND_BY_METHOD: Record<string, string> = {
  del: 'DELETE',
  delete: 'DELETE',
  increment: 'UPDATE',
  decrement: 'UPDATE',
  update: 'UPDATE',
  insert: 'INSERT',
  first: 'SELECT',
  pluck: 'SELECT',
  select: 'SELECT',
};

interface QueryObject {
  method?: string;
  response: { affectedRows?: number; rows: unknown[] };
}

/** knex client for PGlite with correct row counts for deletes and increments. */
export class PgliteClient extends (BaseClient as unknown as new (config: unknown) => {
  processResponse(obj: unknown, runner: unknown): unknown;
}) {
  override processResponse(obj: QueryObject, runner: unknown): unknown {
    const command = COMMAND_BY_METHOD[obj.method ?? ''];
    if (!command) return super.processResponse(obj, runner);
    // Skip the base class's guess: hand knex's postgres dialect what node-postgres would return.
    const response = { ...obj.response, rowCount: obj.response.affectedRows ?? 0, command };
    const pgProcess = Object.getPrototypeOf(Object.getPrototypeOf(PgliteClient.prototype)) as {
      processResponse(this: unknown, o: unknown, r: unknown): unknown;
    };
    return pgProcess.processResponse.call(this, { ...obj, response }, runner);
  }
}
