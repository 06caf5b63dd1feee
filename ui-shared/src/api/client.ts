import { sendJson, useApi, type Loadable } from '../http';
import type { components, paths } from './schema';

/** The engine's shared schemas (User, Problem, Issue, Text…), as the contract document names them. */
export type Schemas = components['schemas'];

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
/** The paths that have an operation for `M`. */
export type PathsWith<M extends Method> = {
  [P in keyof paths]: paths[P][M] extends { responses: unknown } ? P : never;
}[keyof paths];
type Operation<P extends keyof paths, M extends Method> = paths[P][M];
type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : undefined;

/** What an operation answers on success: the JSON of its 200, 201 or 202, nothing for a 204. */
export type ResponseOf<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { responses: infer R }
    ? 200 extends keyof R
      ? JsonOf<R[200]>
      : 201 extends keyof R
        ? JsonOf<R[201]>
        : 202 extends keyof R
          ? JsonOf<R[202]>
          : undefined
    : never;
/** The JSON body an operation takes. */
export type BodyOf<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { requestBody: { content: { 'application/json': infer B } } } ? B : never;

type Params<O> = O extends { parameters: { path: infer A } } ? (A extends Record<string, unknown> ? A : never) : never;
type Query<O> = O extends { parameters: { query?: infer Q } } ? (Q extends Record<string, unknown> ? Q : never) : never;

/** The parts of a call the operation declares: path parameters, query and body, each only when it has one. */
export type CallOptions<P extends keyof paths, M extends Method> = ([Params<Operation<P, M>>] extends [never]
  ? { params?: never }
  : { params: Params<Operation<P, M>> }) &
  ([Query<Operation<P, M>>] extends [never] ? { query?: never } : { query?: Query<Operation<P, M>> }) &
  ([BodyOf<P, M>] extends [never] ? { body?: never } : { body: BodyOf<P, M> }) & { signal?: AbortSignal };

/** `/admin/users/{id}` with `{ id }` filled in and the query appended, under `/api/v1`. */
export function apiUrl(
  path: string,
  params: Record<string, unknown> = {},
  query: Record<string, unknown> = {},
): string {
  const filled = path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(String(params[name])));
  const search = new URLSearchParams(
    Object.entries(query)
      .filter(([, v]) => v !== undefined && v !== null)
      .map(([k, v]) => [k, String(v)]),
  ).toString();
  return `/api/v1${filled}${search ? `?${search}` : ''}`;
}

/**
 * Calls a fixed route of the engine, typed by its contract (schema.d.ts, generated from the engine's
 * OpenAPI document). It goes through `sendJson`: the session's bearer token, a 401 ending the session,
 * problems as ApiError worded in the user's language.
 */
export function api<M extends Method, P extends PathsWith<M>>(
  method: M,
  path: P,
  ...[options]: object extends CallOptions<P, M> ? [CallOptions<P, M>?] : [CallOptions<P, M>]
): Promise<ResponseOf<P, M>> {
  const { params, query, body, signal } = (options ?? {}) as {
    params?: Record<string, unknown>;
    query?: Record<string, unknown>;
    body?: unknown;
    signal?: AbortSignal;
  };
  return sendJson<ResponseOf<P, M>>(method.toUpperCase(), apiUrl(path, params, query), body, signal);
}

/** GETs a fixed route on mount (and on `reload`, or when the URL changes), typed by its contract. */
export function useApiGet<P extends PathsWith<'get'>>(
  path: P,
  params?: Record<string, string>,
): [Loadable<ResponseOf<P, 'get'>>, () => void] {
  return useApi<ResponseOf<P, 'get'>>(apiUrl(path, params));
}
