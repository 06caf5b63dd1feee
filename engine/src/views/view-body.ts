import { ValidationError, type Issue } from '../errors.js';

/** A saved view as the caller sends it: a name and the list query the UI replays (filters, sort, columns…). */
export interface ViewBody {
  name: string;
  query: Record<string, unknown>;
}

export const MAX_NAME_LENGTH = 100;
/** The query is the UI's own state, stored as given: bounded so a view cannot become a document store. */
export const MAX_QUERY_BYTES = 16 * 1024;
const KEYS = new Set(['name', 'query']);

/** The JSON body of POST /views/{entity}; 422 naming the pointer and rule of every problem. */
export function parseViewBody(body: unknown): ViewBody {
  const issues: Issue[] = [];
  if (!isObject(body)) {
    throw new ValidationError('the body must be a JSON object with name and query', { issues: [{ pointer: '', keyword: 'type', message: 'must be an object' }] });
  }
  for (const key of Object.keys(body)) {
    if (!KEYS.has(key)) issues.push({ pointer: `/${escape(key)}`, keyword: 'additionalProperties', message: `"${key}" is not a member of a view (name, query)` });
  }
  const name = typeof body.name === 'string' ? body.name.trim() : undefined;
  if (body.name === undefined) issues.push({ pointer: '/name', keyword: 'required', message: 'name is required' });
  else if (name === undefined) issues.push({ pointer: '/name', keyword: 'type', message: 'name must be a string' });
  else if (name.length < 1) issues.push({ pointer: '/name', keyword: 'minLength', message: 'name must not be empty' });
  else if (name.length > MAX_NAME_LENGTH) issues.push({ pointer: '/name', keyword: 'maxLength', message: `name must be at most ${MAX_NAME_LENGTH} characters` });
  if (body.query === undefined) issues.push({ pointer: '/query', keyword: 'required', message: 'query is required' });
  else if (!isObject(body.query)) issues.push({ pointer: '/query', keyword: 'type', message: 'query must be an object' });
  else if (Buffer.byteLength(JSON.stringify(body.query)) > MAX_QUERY_BYTES) {
    issues.push({ pointer: '/query', keyword: 'maxSize', message: `query must be at most ${MAX_QUERY_BYTES} bytes as JSON` });
  }
  if (issues.length) throw new ValidationError(issues.map((i) => `${i.pointer}: ${i.message}`).join('; '), { issues });
  return { name: name!, query: body.query as Record<string, unknown> };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A key as a JSON pointer token (RFC 6901). */
function escape(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
