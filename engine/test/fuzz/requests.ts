import fc from 'fast-check';
import { mutated } from './mutate.js';
import type { Operation, Parameter } from './operations.js';
import {
  anyJson,
  deref,
  idOf,
  nastyString,
  oddDate,
  oddDateTime,
  validValue,
  wrongValue,
  type IdPool,
  type Schema,
  type SchemaContext,
} from './schema-arbitrary.js';

/*
 * One operation of openapi.json → an arbitrary HTTP request against it: an actor (a real role, or no
 * or a bad login), path ids of existing records (anyone's) or made-up ones, valid and mutated query
 * parameters, headers and bodies. The request stays plain data so a failure prints as what was sent.
 */

export type Body =
  | { kind: 'json'; value: unknown }
  | { kind: 'raw'; text: string }
  | { kind: 'deep'; depth: number; shape: 'array' | 'object' }
  | { kind: 'oversize'; bytes: number };

export interface FuzzRequest {
  /** A key of the world's actors, or `anonymous` / `bad-bearer` / `basic`. */
  actor: string;
  method: string;
  /** The concrete path under /api/v1. */
  path: string;
  query: [string, string][];
  headers: Record<string, string>;
  body?: Body;
  /** How the body is encoded on the wire (a latin1 body under a latin1 charset). */
  encoding?: 'utf8' | 'latin1';
  /**
   * A clean change of a record sends the version the record is at (read just before sending), in the
   * body if the body carries one, else as If-Match: so changes, deletes and events get past the
   * version check to the writes, workflows and cascades behind it.
   */
  currentVersion?: boolean;
}

/** What a request generator needs to know about the world it fuzzes. */
export interface FuzzWorld {
  ids: IdPool;
  /** Entity id → its record schema as read (field names for filters, sorts, fields, expand). */
  entities: Record<string, Schema>;
  /** Real `nextCursor`s, per entity. */
  cursors: Record<string, string[]>;
  /** Ids of saved views, per entity. */
  views: Record<string, string[]>;
  /** Users the admin routes may act on (none of them an actor). */
  victims: string[];
  /** Real bodies per `METHOD /path/{template}` (the model's definitions, its template, created records), to mutate. */
  corpus: Record<string, unknown[]>;
}

export const UNAUTHENTICATED = ['anonymous', 'bad-bearer', 'basic'];

const HEADER_SAFE = fc.string({ unit: fc.constantFrom(...'abcXYZ019 -_=/+.,;:"\'*'.split('')), maxLength: 30 });

/**
 * Half the requests are clean (a real role, valid path, query, headers and body, so they reach the
 * code behind validation); the other half may get anything wrong anywhere.
 */
export function requestArbitrary(op: Operation, world: FuzzWorld): fc.Arbitrary<FuzzRequest> {
  return fc.oneof(requestOf(op, world, false), requestOf(op, world, true));
}

function requestOf(op: Operation, world: FuzzWorld, dirty: boolean): fc.Arbitrary<FuzzRequest> {
  const ctx: SchemaContext = { resolve: op.resolve, ids: world.ids };
  const actor = dirty
    ? fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...op.actors) },
        { weight: 1, arbitrary: fc.constantFrom(...UNAUTHENTICATED) },
      )
    : fc.constantFrom(...op.actors);
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const path = fc
    .tuple(...pathParams.map((p) => pathValue(op, p, world, ctx, dirty)))
    .map((values) =>
      pathParams.reduce(
        (acc, p, i) => acc.replace(`{${p.name}}`, encodeURIComponent(wellFormed(values[i] ?? ''))),
        op.path,
      ),
    );
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  const optional = queryParams.filter((p) => !p.required);
  // Required parameters are sent nine times in ten; up to four optional ones beside them.
  const chosenParams = fc
    .tuple(
      fc.subarray(queryParams.filter((p) => p.required)),
      fc.nat(9),
      fc.subarray(optional, { maxLength: Math.min(4, optional.length) }),
    )
    .map(([required, dice, rest]) => [
      ...(dice === 0 && dirty ? required : queryParams.filter((p) => p.required)),
      ...rest,
    ]);
  const query = fc
    .tuple(
      chosenParams.chain((chosen) => fc.tuple(...chosen.map((p) => queryEntries(op, p, world, ctx, dirty)))),
      dirty
        ? fc.oneof(
            { weight: 3, arbitrary: fc.constant([] as [string, string][]) },
            { weight: 1, arbitrary: strayQuery(op, world) },
          )
        : fc.constant([] as [string, string][]),
    )
    .map(([entries, stray]) => [...entries.flat(), ...stray]);
  return fc
    .record({
      actor,
      path,
      query,
      body: bodyArbitrary(op, ctx, dirty, world.corpus[`${op.method} ${op.path}`] ?? []),
      headerChoice: dirty ? headerArbitrary(op) : cleanHeaders(op),
      latin1: fc.boolean(),
      method: methodOf(op, dirty),
    })
    .map(({ actor, path, query, body, headerChoice, latin1, method }) => {
      const headers: Record<string, string> = { ...headerChoice };
      if (body && !('content-type' in headers))
        headers['content-type'] = op.body?.contentTypes[0] ?? 'application/json';
      if (headers['content-type'] === '') delete headers['content-type'];
      const encoding = body && /latin1|iso-8859-1/i.test(headers['content-type'] ?? '') && latin1 ? 'latin1' : 'utf8';
      const versioned = !dirty && Boolean(op.entity) && /\/\{id\}(\/events)?$/.test(op.path) && op.method !== 'GET';
      const sendsBody = body && method !== 'GET' && method !== 'HEAD';
      return {
        actor,
        method,
        path,
        query,
        headers,
        ...(sendsBody && { body }),
        ...(encoding === 'latin1' && { encoding }),
        ...(versioned && { currentVersion: true }),
      } as FuzzRequest;
    });
}

/** The documented method; a dirty request now and then uses one the route does not have. */
function methodOf(op: Operation, dirty: boolean): fc.Arbitrary<string> {
  if (!dirty) return fc.constant(op.method);
  return fc.oneof(
    { weight: 15, arbitrary: fc.constant(op.method) },
    { weight: 1, arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS') },
  );
}

function pathValue(
  op: Operation,
  p: Parameter,
  world: FuzzWorld,
  ctx: SchemaContext,
  dirty: boolean,
): fc.Arbitrary<string> {
  const garbage = fc.oneof(
    nastyString.map(headSized).filter((s) => s.length > 0),
    fc.constantFrom('..', '%2e%2e', ' ', 'null', '0', '-1', '1e308', 'export', 'groups'),
  );
  let valid: fc.Arbitrary<string>;
  if (p.name === 'id' && op.path.startsWith('/admin/users/')) {
    valid = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...(world.victims.length ? world.victims : ['x'])) },
      { weight: 1, arbitrary: fc.uuid() },
    );
  } else if (p.name === 'id' && op.path.startsWith('/views/')) {
    const ids = Object.values(world.views).flat();
    valid = ids.length ? fc.oneof(fc.constantFrom(...ids), fc.uuid()) : fc.uuid();
  } else if (p.name === 'id' && op.entity) {
    valid = fc.oneof(
      { weight: 6, arbitrary: idOf(ctx, op.entity) },
      { weight: 1, arbitrary: fc.constantFrom(...(world.ids.all().length ? world.ids.all() : ['x'])) },
    );
  } else if (p.schema.type === 'integer') {
    valid = fc.integer({ min: 1, max: 4 }).map(String);
  } else if (p.name === 'entity' || (p.name === 'id' && op.path.startsWith('/meta/entities/'))) {
    valid = fc.constantFrom(...Object.keys(world.entities), 'user', 'nope');
  } else if (p.name === 'id' && op.path.startsWith('/meta/drafts')) {
    valid = fc.constantFrom('studio', 'main', 'draft-1', '草稿');
  } else {
    valid = validValue(p.schema, ctx).map((v) => String(v));
  }
  const wrong =
    p.schema.type === 'integer'
      ? fc.constantFrom('0', '-1', '99999999999999999999', '1.5', 'abc', '1e3', '٣')
      : garbage;
  return dirty ? fc.oneof({ weight: 3, arbitrary: valid }, { weight: 1, arbitrary: wrong }) : valid;
}

/** A query parameter's `name=value` pairs; a deepObject filter becomes `filter[field][op]=value`. */
function queryEntries(
  op: Operation,
  p: Parameter,
  world: FuzzWorld,
  ctx: SchemaContext,
  dirty: boolean,
): fc.Arbitrary<[string, string][]> {
  const entity = op.entity ? world.entities[op.entity] : undefined;
  const fields = entity ? Object.keys(entity.properties ?? {}) : [];
  const filterMatch = /^filter\[(.+)\]$/.exec(p.name);
  if (filterMatch && p.style === 'deepObject') {
    const field = filterMatch[1] ?? '';
    const fieldSchema = deref(entity?.properties?.[field] ?? {}, ctx);
    const operators = Object.keys(p.schema.properties ?? { eq: 1 });
    const value = fc.oneof(
      { weight: 5, arbitrary: validValue(fieldSchema, ctx).map(stringify) },
      { weight: 2, arbitrary: wrongValue(fieldSchema, ctx).map(stringify).map(headSized) },
      { weight: 1, arbitrary: fc.constantFrom('true', 'false', '', ',', 'a,b,c') },
    );
    const inList = fc
      .array(validValue(fieldSchema, ctx).map(stringify), { minLength: 0, maxLength: 4 })
      .map((values) => values.join(','));
    if (!dirty) {
      const clean = validValue(fieldSchema, ctx).map(stringify);
      return fc.oneof(
        fc
          .tuple(fc.constantFrom(...operators.filter((o) => o !== 'in' && o !== 'null')), clean)
          .map(([o, v]) => [[`${p.name}[${o}]`, v]] as [string, string][]),
        inList.map((v) => [[`${p.name}[in]`, v]] as [string, string][]),
        fc.constantFrom('true', 'false').map((v) => [[`${p.name}[null]`, v]] as [string, string][]),
      );
    }
    return fc.oneof(
      {
        weight: 4,
        arbitrary: fc
          .tuple(fc.constantFrom(...operators), value)
          .map(([o, v]) => [[`${p.name}[${o}]`, o === 'in' ? v : v]] as [string, string][]),
      },
      { weight: 1, arbitrary: inList.map((v) => [[`${p.name}[in]`, v]] as [string, string][]) },
      { weight: 1, arbitrary: value.map((v) => [[p.name, v]] as [string, string][]) },
      {
        weight: 1,
        arbitrary: fc
          .tuple(fc.constantFrom('regex', 'like', '', 'eq][eq', '__proto__'), value)
          .map(([o, v]) => [[`${p.name}[${o}]`, v]] as [string, string][]),
      },
    );
  }
  const one = (value: fc.Arbitrary<string>) => value.map((v) => [[p.name, v]] as [string, string][]);
  const relations = fields.filter((name) => entity?.properties?.[name]?.['x-relation']);
  const fieldList = (prefixes: string[], names = fields) =>
    fc
      .array(
        fc.tuple(
          fc.constantFrom(...prefixes),
          fc.constantFrom(...(names.length ? names : ['id']), ...(dirty ? ['nope', 'customer.name', '', 'id,id'] : [])),
        ),
        { minLength: 1, maxLength: 3 },
      )
      .map((items) => items.map(([prefix, name]) => prefix + name).join(','));
  let valid: fc.Arbitrary<string>;
  switch (p.name) {
    case 'sort':
      valid = fieldList(['', '-']);
      break;
    case 'fields':
      valid = fieldList(['']);
      break;
    case 'expand':
      valid = fieldList([''], relations);
      break;
    case 'cursor':
      valid = cursorArbitrary(op.entity ? (world.cursors[op.entity] ?? []) : Object.values(world.cursors).flat());
      break;
    case 'tz':
      valid = fc.constantFrom(
        'Asia/Shanghai',
        'UTC',
        'America/New_York',
        'Pacific/Kiritimati',
        'Etc/GMT+12',
        'Mars/Olympus',
        '',
        '+16:00',
        '../../etc',
      );
      break;
    case 'from':
    case 'to':
      valid = fc.oneof(validValue(p.schema, ctx).map(stringify), oddDate, oddDateTime);
      break;
    default:
      valid = validValue(p.schema, ctx).map(stringify);
  }
  if (!dirty) return one(valid);
  return fc.oneof(
    { weight: 3, arbitrary: one(valid) },
    { weight: 2, arbitrary: one(wrongValue(p.schema, ctx).map(stringify).map(headSized)) },
    {
      weight: 1,
      arbitrary: fc.tuple(valid, valid).map(
        ([a, b]) =>
          [
            [p.name, a],
            [p.name, b],
          ] as [string, string][],
      ),
    },
  );
}

/** Query parameters no document lists: unknown names, relation filters, brackets in odd places. */
function strayQuery(op: Operation, world: FuzzWorld): fc.Arbitrary<[string, string][]> {
  const entity = op.entity ? world.entities[op.entity] : undefined;
  const relations = Object.entries<Schema>(entity?.properties ?? {})
    .filter(([, s]) => s['x-relation'])
    .map(([name]) => name);
  const key = fc.constantFrom(
    'foo',
    'filter',
    'filter[]',
    'filter[nope][eq]',
    'filter[id][eq][x]',
    'sort[]',
    'limit[]',
    '__proto__[x]',
    'constructor[prototype][x]',
    'q[]',
    ...relations.flatMap((r) => [
      `filter[${r}.name][contains]`,
      `filter[${r}.nope][eq]`,
      `filter[${r}.id][in]`,
      `filter[${r}.${r}.name][eq]`,
    ]),
  );
  return fc.array(fc.tuple(key, fc.oneof(nastyString.map(headSized), oddDateTime, fc.uuid())), {
    minLength: 1,
    maxLength: 2,
  });
}

/** Real cursors, cursors with a flipped character, truncated, or re-encoded with odd values. */
function cursorArbitrary(real: string[]): fc.Arbitrary<string> {
  const crafted = fc
    .tuple(
      fc.constantFrom(...(real.length ? real : ['e30'])),
      fc.array(
        fc.oneof(
          oddDateTime,
          oddNumber(),
          fc.uuid(),
          fc.constant(null),
          nastyString.map((text) => text.slice(0, 1000)),
        ),
        { minLength: 1, maxLength: 3 },
      ),
    )
    .map(([cursor, values]) => {
      let signature: unknown = '-created_at,id';
      try {
        signature = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')).s;
      } catch {
        // keep the guess
      }
      return Buffer.from(JSON.stringify({ s: signature, v: values })).toString('base64url');
    });
  const mutated = fc
    .tuple(fc.constantFrom(...(real.length ? real : ['e30'])), fc.nat(), fc.constantFrom('A', '_', '-', '=', ''))
    .map(([c, i, ch]) => c.slice(0, i % (c.length + 1)) + ch + c.slice((i % (c.length + 1)) + 1));
  return fc.oneof(
    { weight: 2, arbitrary: real.length ? fc.constantFrom(...real) : fc.constant('e30') },
    { weight: 3, arbitrary: crafted },
    { weight: 2, arbitrary: mutated },
    { weight: 1, arbitrary: fc.constantFrom('', 'x', 'e30', 'bnVsbA', 'W10', '=', 'A'.repeat(5000)) },
  );
}

const oddNumber = () => fc.constantFrom(1e308, -0, 'NaN', 2 ** 63);

/** What a well-behaved client sends: the documented content type, sometimes a language, an If-Match that is well formed. */
function cleanHeaders(op: Operation): fc.Arbitrary<Record<string, string>> {
  // A body that carries the version already says it; an If-Match beside it would mostly disagree.
  const versionInBody = Boolean(
    op.body && deref(op.body.schema, { resolve: op.resolve } as SchemaContext).properties?.version,
  );
  return fc.record(
    {
      'content-type': fc.constantFrom(...(op.body?.contentTypes ?? ['application/json'])),
      'accept-language': fc.constantFrom('zh-CN', 'en'),
      ...(!versionInBody && { 'if-match': fc.integer({ min: 1, max: 3 }).map((v) => `"${v}"`) }),
    },
    { requiredKeys: ['content-type'] },
  );
}

function headerArbitrary(op: Operation): fc.Arbitrary<Record<string, string>> {
  const contentType = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...(op.body?.contentTypes ?? ['application/json'])) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        'application/json; charset=utf-8',
        'application/json; charset=latin1',
        'application/json; charset=iso-8859-1',
        'application/json; charset=utf-16',
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/xml',
        'application/merge-patch+json',
        '',
        '*/*',
        'application/json;;;',
        'APPLICATION/JSON',
      ),
    },
  );
  const ifMatch = fc.constantFrom(
    '"1"',
    '"2"',
    '"3"',
    'W/"1"',
    '*',
    '"0"',
    '"-1"',
    '"99999999999999999999"',
    '1',
    '"abc"',
    '""',
  );
  return fc.record(
    {
      'content-type': contentType,
      'if-match': ifMatch,
      accept: fc.constantFrom('application/json', 'text/csv', '*/*', 'text/html', 'application/xml'),
      'accept-language': fc.constantFrom('zh-CN', 'en', 'zh-CN,zh;q=0.9,en;q=0.8', 'xx', '*'),
      'x-request-id': HEADER_SAFE,
    },
    { requiredKeys: [] },
  );
}

/** A body for the operation: its schema's valid value most of the time, else a mutation or no JSON at all. */
function bodyArbitrary(
  op: Operation,
  ctx: SchemaContext,
  dirty: boolean,
  corpus: unknown[],
): fc.Arbitrary<Body | undefined> {
  // A GET cannot carry a body (fetch refuses to send one).
  if (op.method === 'GET' || op.method === 'HEAD') return fc.constant(undefined);
  const json = (value: fc.Arbitrary<unknown>) => value.map((v) => ({ kind: 'json', value: v }) as Body);
  if (!dirty) {
    if (!op.body) return fc.constant(undefined);
    const valid = json(validValue(op.body.schema, ctx));
    return corpus.length ? fc.oneof(valid, json(fc.constantFrom(...corpus))) : valid;
  }
  // A real document (the model, a record) with a few things wrong, as often as schema-made bodies.
  if (corpus.length)
    return fc.oneof(
      { weight: 2, arbitrary: json(fc.constantFrom(...corpus).chain(mutated)) },
      { weight: 3, arbitrary: dirtyBody(op, ctx) },
    );
  return dirtyBody(op, ctx);
}

function dirtyBody(op: Operation, ctx: SchemaContext): fc.Arbitrary<Body | undefined> {
  if (!op.body) {
    return fc.oneof(
      { weight: 12, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: anyJson.map((value) => ({ kind: 'json', value }) as Body) },
    );
  }
  const valid = validValue(op.body.schema, ctx);
  const json = (value: fc.Arbitrary<unknown>) => value.map((v) => ({ kind: 'json', value: v }) as Body);
  return fc.oneof(
    { weight: 4, arbitrary: json(valid) },
    { weight: 6, arbitrary: json(mutatedObject(op.body.schema, ctx, valid)) },
    { weight: 2, arbitrary: json(anyJson) },
    { weight: 1, arbitrary: fc.constant(undefined) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(
          '{',
          '{"a":',
          '[1,]',
          'nul',
          '\u0000',
          '"\\ud800"',
          '{"a":1}{"b":2}',
          '\uFEFF{}',
          '{"__proto__":{"x":1}}',
          ' ',
        )
        .map((text) => ({ kind: 'raw', text }) as Body),
    },
    {
      weight: 1,
      arbitrary: fc
        .record({
          depth: fc.constantFrom(64, 1_000, 5_000, 20_000),
          shape: fc.constantFrom('array' as const, 'object' as const),
        })
        .map(({ depth, shape }) => ({ kind: 'deep', depth, shape }) as Body),
    },
    {
      weight: 1,
      arbitrary: fc
        .integer({ min: 100_000, max: 600_000 })
        .map((n) => ({ kind: 'json', value: { name: '长'.repeat(n / 3) } }) as Body),
    },
    { weight: 1, arbitrary: fc.constant({ kind: 'oversize', bytes: 5 * 1024 * 1024 + 1024 } as Body) },
  );
}

/** A valid object with one thing wrong: a required property gone, a property of the wrong kind, an extra one. */
function mutatedObject(input: Schema, ctx: SchemaContext, valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const schema = deref(input, ctx);
  const branches: Schema[] = (schema.oneOf ?? schema.anyOf ?? [schema]).map((b: Schema) => deref(b, ctx));
  const properties: Record<string, Schema> = Object.assign({}, ...branches.map((b) => b.properties ?? {}));
  const names = Object.keys(properties);
  if (!names.length) return anyJson;
  return fc.oneof(
    fc.tuple(valid, fc.constantFrom(...names)).map(([value, name]) => omit(value, name)),
    fc
      .constantFrom(...names)
      .chain((name) =>
        fc
          .tuple(valid, wrongValue(properties[name] ?? {}, ctx))
          .map(([value, wrong]) => ({ ...asObject(value), [name]: wrong })),
      ),
    fc
      .tuple(
        valid,
        fc.constantFrom(
          'extra',
          'id',
          'version',
          'state',
          'owner_id',
          'created_at',
          'record_type',
          '__proto__',
          'constructor',
          '字段',
        ),
        anyJson,
      )
      .map(([value, name, extra]) => ({ ...asObject(value), [name]: extra })),
    fc.tuple(valid, fc.constantFrom(...names)).map(([value, name]) => ({ ...asObject(value), [name]: nest(20) })),
  );
}

const asObject = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
function omit(value: unknown, name: string): unknown {
  const { [name]: _gone, ...rest } = asObject(value);
  return rest;
}
const nest = (depth: number): unknown => (depth === 0 ? 'deep' : { a: nest(depth - 1) });

/** Lone surrogates as U+FFFD: a URL cannot carry them (a client sends the replacement too). */
export const wellFormed = (text: string): string =>
  text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

/**
 * Node refuses a request head over 16 KB with a bare 431 before the application sees it: query values
 * stay under that (huge strings go into bodies), so every answer comes from the engine.
 */
function headSized(text: string): string {
  let result = text;
  while (encodeURIComponent(wellFormed(result)).length > 2000) result = result.slice(0, Math.floor(result.length / 2));
  return result;
}

function stringify(value: unknown): string {
  return typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value);
}

/** The request's body as the bytes on the wire. */
export function encodeBody(request: FuzzRequest): Buffer | undefined {
  const body = request.body;
  if (!body) return undefined;
  const text =
    body.kind === 'json'
      ? (JSON.stringify(body.value) ?? 'null')
      : body.kind === 'raw'
        ? body.text
        : body.kind === 'deep'
          ? body.shape === 'array'
            ? '['.repeat(body.depth) + ']'.repeat(body.depth)
            : '{"a":'.repeat(body.depth) + '1' + '}'.repeat(body.depth)
          : `{"name":"${'x'.repeat(body.bytes)}"}`;
  return Buffer.from(text, request.encoding === 'latin1' ? 'latin1' : 'utf8');
}

/** The request as a reader wants it in a failure report: method, path, query, headers, body (abridged). */
export function describeRequest(request: FuzzRequest): string {
  const query = new URLSearchParams(request.query).toString();
  const body = request.body;
  const bodyText = !body
    ? '(none)'
    : body.kind === 'deep'
      ? `(JSON ${body.shape} nested ${body.depth} deep)`
      : body.kind === 'oversize'
        ? `(a ${body.bytes}-byte JSON body)`
        : abridge(body.kind === 'json' ? (JSON.stringify(body.value) ?? 'undefined') : JSON.stringify(body.text), 600);
  return [
    `${request.method} /api/v1${request.path}${query ? `?${query}` : ''}`,
    `  as ${request.actor}; headers ${JSON.stringify(request.headers)}${request.encoding === 'latin1' ? ' (body encoded latin1)' : ''}`,
    `  body ${bodyText}`,
  ].join('\n');
}

export function abridge(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length} chars)`;
}
