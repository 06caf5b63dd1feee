import fc from 'fast-check';

/*
 * JSON Schema (as openapi.json carries it) to fast-check arbitraries: `valid` values most of the time,
 * `nasty` values anywhere a client can put one. Only the keywords the engine's documents use are
 * understood; anything else becomes "some JSON", which is still a fair request to send.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any JSON Schema the engine documents, read keyword by keyword
export type Schema = Record<string, any>;

/** Ids a relation or path may point at: the records the world holds, per entity (filled after seeding). */
export interface IdPool {
  /** Ids of existing records of one entity (of every owner and team). */
  records(entity: string): string[];
  /** Ids of any existing record, any entity. */
  all(): string[];
  /** Ids of the users the fuzzer acts as (owners, assignees). */
  users?(): string[];
}

export interface SchemaContext {
  resolve(ref: string): Schema;
  ids: IdPool;
}

/** The last part of a `$ref`: `#/components/schemas/Customer` → the schema. */
export function deref(schema: Schema, ctx: SchemaContext, depth = 0): Schema {
  let current = schema;
  while (current && typeof current.$ref === 'string' && depth++ < 20) current = ctx.resolve(current.$ref);
  return current ?? {};
}

const CHINESE = [
  '华东制造',
  '客户',
  '销售机会',
  '上海浦东新区张江高科技园区',
  '张伟',
  '王芳',
  '方案提交',
  '口头承诺',
  '已升级',
  '北京市海淀区',
];
const INJECTIONS = [
  "' OR '1'='1",
  '"; DROP TABLE customer; --',
  "\\'",
  '%',
  '_',
  '$1',
  '\\',
  '%00',
  "'||pg_sleep(1)||'",
  '${7*7}',
  '{{7*7}}',
  '../../etc/passwd',
  '<script>alert(1)</script>',
];

/** Strings a careless server trips on: unicode, NUL, injections, odd whitespace, lengths. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '   ',
    '\u0000',
    'a\u0000b',
    '\t\r\n',
    '\uFEFF',
    '\uD800',
    '\uDBFF\uDFFF',
    '😀👍🏽',
    'ẞ',
    'İ',
    'ﷺ',
    'null',
    'undefined',
    'true',
    '0',
    '-1',
    'NaN',
    'Infinity',
    '1e308',
    '-0',
    '[]',
    '{}',
  ),
  fc.constantFrom(...CHINESE),
  fc.constantFrom(...INJECTIONS),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.integer({ min: 1, max: 70_000 }).map((n) => 'x'.repeat(n)),
  fc.integer({ min: 1, max: 3_000 }).map((n) => '长'.repeat(n)),
);

/** Timestamps and dates with the odd corners: far years, year zero, offsets beyond ±15:59, impossible days. */
export const oddDateTime: fc.Arbitrary<string> = fc.constantFrom(
  '2026-01-01T00:00:00+16:00',
  '2026-01-01T00:00:00-16:00',
  '2026-01-01T00:00:00+23:59',
  '9999-12-31T23:59:59Z',
  '9999-12-31T23:59:59.999999-12:00',
  '0000-01-01T00:00:00Z',
  '0001-01-01T00:00:00+14:00',
  '2026-02-30T10:00:00Z',
  '2026-13-01T00:00:00Z',
  '2026-01-01T24:00:00Z',
  '2026-06-30T23:59:60Z',
  '2026-01-01',
  '2026-01-01T00:00',
  '+275760-09-13T00:00:00Z',
  '-000001-01-01T00:00:00Z',
  '1900-01-01T00:00:00+08:00',
  '2026-01-01 10:00:00+08',
);
export const oddDate: fc.Arbitrary<string> = fc.constantFrom(
  '9999-12-31',
  '0000-01-01',
  '0001-01-01',
  '2026-02-30',
  '2026-00-10',
  '1900-01-01',
  '2099-12-31',
  '99999-01-01',
  '2026-1-1',
  '2026-01-01T00:00:00+16:00',
  '20260101',
);
export const oddNumber: fc.Arbitrary<unknown> = fc.constantFrom(
  1e308,
  -1e308,
  1e30,
  -0,
  5e-324,
  2 ** 53 + 1,
  -(2 ** 63),
  2 ** 31,
  0.1 + 0.2,
  'NaN',
  'Infinity',
  '-Infinity',
  '1e308',
  '12abc',
  '',
);

/** Any JSON value, nasty scalars included. */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 2, arbitrary: nastyString },
  { weight: 1, arbitrary: oddNumber },
  {
    weight: 1,
    arbitrary: fc.constantFrom(null, true, false, 0, [], {}, [null], { '': null }, JSON.parse('{"__proto__":1}'), {
      constructor: { prototype: {} },
    }),
  },
);

const ISO_MIN = new Date('1990-01-01T00:00:00Z');
const ISO_MAX = new Date('2040-12-31T23:59:59Z');
const OFFSETS = ['Z', '+08:00', '-05:00', '+00:00', '+05:45', '-03:30', '+14:00', '-12:00'];

function formatArbitrary(
  format: string | undefined,
  schema: Schema,
  ctx: SchemaContext,
): fc.Arbitrary<string> | undefined {
  const relation = schema['x-relation']?.entity as string | undefined;
  switch (format) {
    case 'uuid':
      return relation ? idOf(ctx, relation) : fc.oneof(fc.uuid(), fc.constantFrom(...nonEmpty(ctx.ids.all())));
    case 'date':
      return fc.date({ min: ISO_MIN, max: ISO_MAX, noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    case 'date-time':
      return fc
        .tuple(fc.date({ min: ISO_MIN, max: ISO_MAX, noInvalidDate: true }), fc.constantFrom(...OFFSETS))
        .map(([d, offset]) => d.toISOString().replace('Z', offset));
    case 'email':
      return fc.emailAddress().filter((e) => e.length <= (schema.maxLength ?? 254));
    case 'phone':
      return fc.constantFrom('13800138000', '+86 138 0013 8000', '021-6888 8888', '(010) 1234-5678', '+1 415 555 0100');
    case 'uri':
      return fc.webUrl();
    default:
      return undefined;
  }
}

const nonEmpty = (ids: string[]) => (ids.length ? ids : ['00000000-0000-4000-8000-000000000000']);

/** An id of a record of `entity` (the world's, any owner's), sometimes a made-up one. */
export function idOf(ctx: SchemaContext, entity: string): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...nonEmpty(ctx.ids.records(entity))) },
    { weight: 1, arbitrary: fc.uuid() },
  );
}

function stringArbitrary(schema: Schema, ctx: SchemaContext): fc.Arbitrary<string> {
  const byFormat = formatArbitrary(schema.format, schema, ctx);
  if (byFormat) return byFormat;
  const maxLength = Math.min(schema.maxLength ?? 60, 60);
  const minLength = Math.min(schema.minLength ?? 0, maxLength);
  if (typeof schema.pattern === 'string')
    return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= (schema.maxLength ?? Infinity));
  return fc.oneof(
    {
      weight: 3,
      arbitrary: fc
        .string({ unit: 'grapheme', minLength: Math.max(minLength, 1), maxLength: Math.max(maxLength, 1) })
        .filter((s) => s.trim().length > 0 || minLength === 0),
    },
    { weight: 1, arbitrary: fc.constantFrom(...CHINESE).filter((s) => s.length <= maxLength && s.length >= minLength) },
  );
}

function numberArbitrary(schema: Schema, integer: boolean): fc.Arbitrary<number> {
  const min = schema.minimum ?? schema.exclusiveMinimum ?? (integer ? -1_000_000 : -1e9);
  const max = schema.maximum ?? schema.exclusiveMaximum ?? (integer ? 1_000_000 : 1e12);
  if (integer) return fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
  const scale = schema['x-scale'] as number | undefined;
  const value = fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  return scale === undefined
    ? value
    : value.map((n) => Math.round(n * 10 ** scale) / 10 ** scale).filter((n) => n >= min && n <= max);
}

/** A value valid for the schema (as far as the keywords above go). */
export function validValue(input: Schema, ctx: SchemaContext, depth = 0): fc.Arbitrary<unknown> {
  const schema = deref(input, ctx);
  if (depth > 6) return fc.constant(null);
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum) && schema.enum.length) return fc.constantFrom(...schema.enum);
  const branches = schema.oneOf ?? schema.anyOf;
  if (Array.isArray(branches) && branches.length)
    return fc.oneof(...branches.map((b: Schema) => validValue(b, ctx, depth + 1)));
  const types: string[] = Array.isArray(schema.type)
    ? schema.type
    : schema.type
      ? [schema.type]
      : schema.properties
        ? ['object']
        : [];
  if (!types.length) return fc.jsonValue({ maxDepth: 2 });
  const nonNull = types.filter((t) => t !== 'null');
  const arbitraries = nonNull.map((type) => typed(type, schema, ctx, depth));
  if (types.includes('null')) arbitraries.push(fc.constant(null));
  return arbitraries.length === 1 && arbitraries[0] ? arbitraries[0] : fc.oneof(...arbitraries);
}

function typed(type: string, schema: Schema, ctx: SchemaContext, depth: number): fc.Arbitrary<unknown> {
  switch (type) {
    case 'string':
      return stringArbitrary(schema, ctx);
    case 'integer':
      return numberArbitrary(schema, true);
    case 'number':
      return numberArbitrary(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const items = schema.items ? validValue(schema.items, ctx, depth + 1) : fc.jsonValue({ maxDepth: 1 });
      const maxLength = Math.min(schema.maxItems ?? 4, 4);
      return schema.uniqueItems
        ? fc.uniqueArray(items, { maxLength, selector: (v) => JSON.stringify(v) })
        : fc.array(items, { minLength: Math.min(schema.minItems ?? 0, maxLength), maxLength });
    }
    case 'object':
      return objectArbitrary(schema, ctx, depth);
    default:
      return fc.jsonValue({ maxDepth: 1 });
  }
}

function objectArbitrary(schema: Schema, ctx: SchemaContext, depth: number): fc.Arbitrary<unknown> {
  const properties: Record<string, Schema> = schema.properties ?? {};
  const required: string[] = (schema.required ?? []).filter((key: string) => key in properties);
  const writable = Object.fromEntries(Object.entries(properties).filter(([, s]) => !deref(s, ctx).readOnly));
  // A record version that exists (1 to 3), so a change can succeed; the type says only "integer ≥ 1".
  // An owner is a user: one of the fuzzer's (of either team), or nobody.
  const users = ctx.ids.users?.() ?? [];
  const valueOf = (key: string, s: Schema) =>
    key === 'version' && deref(s, ctx).type === 'integer'
      ? fc.integer({ min: 1, max: 3 })
      : key === 'owner_id' && users.length
        ? fc.oneof(fc.constantFrom(...users), fc.constant(null))
        : validValue(s, ctx, depth + 1);
  const record = fc.record(Object.fromEntries(Object.entries(writable).map(([key, s]) => [key, valueOf(key, s)])), {
    requiredKeys: required.filter((key) => key in writable),
  });
  if (Object.keys(properties).length === 0 && schema.additionalProperties !== false) {
    return fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 });
  }
  return record;
}

/** A value for the schema that is probably wrong: wrong type, out of range, odd format, absurd size. */
export function wrongValue(input: Schema, ctx: SchemaContext): fc.Arbitrary<unknown> {
  const schema = deref(input, ctx);
  const format = schema.format as string | undefined;
  const specific: fc.Arbitrary<unknown>[] = [];
  if (format === 'date-time') specific.push(oddDateTime);
  if (format === 'date') specific.push(oddDate);
  if (format === 'uuid')
    specific.push(
      fc.constantFrom(
        'not-a-uuid',
        '00000000-0000-0000-0000-000000000000',
        'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
        '1',
        "'; --",
      ),
    );
  const types = [schema.type].flat();
  if (types.includes('number') || types.includes('integer')) specific.push(oddNumber);
  if (types.includes('string')) specific.push(nastyString);
  if (types.includes('array'))
    specific.push(
      fc.constantFrom(
        [null],
        [[]],
        [{}],
        Array.from({ length: 600 }, (_, i) => `x${i}`),
      ),
    );
  return specific.length
    ? fc.oneof({ weight: 2, arbitrary: fc.oneof(...specific) }, { weight: 1, arbitrary: anyJson })
    : anyJson;
}

/** JSON nested `depth` levels deep, as text (a stack-exhausting body must not need a serializer that survives it). */
export function deepJson(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array' ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}
