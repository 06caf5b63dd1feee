import type { ValidateFunction } from 'ajv';
import type { Issue } from '../errors.js';
import { wording } from '../definitions/ajv-wording.js';
import { createAjv } from '../definitions/create-ajv.js';

/*
 * Demo data as definitions: a template's `demo/*.json` files say declaratively what sample data looks like.
 * Three kinds of file, applied in file-name order (the standard CRM's folder first, then add-ons):
 *   { "org": { units, users } }            the demo company: org units and users with the template's roles
 *   { "entity": "customer", "count": 500 } records of one entity, each field from a value generator
 *   { "walk": "opportunity", "paths": […] } moves records through their workflow with past timestamps
 */

/** How one value is made. Every generator may add `optional`: the share of records left without a value. */
export type Generator = (
  | { const: unknown }
  | { pick: unknown[] | Record<string, number> }
  | { companyName: { cities: string[]; brands: string[]; industries: string[]; suffixes: string[] } }
  | { personName: { surnames: string[]; given: string[] } }
  /** `#` becomes a digit, `{n}` the record's number (1, 2, …). */
  | { pattern: string }
  /** `skew` above 1 leans towards `min` (many small deals, a few large ones); `step` rounds. */
  | { number: { min: number; max: number; skew?: number; step?: number } }
  /** Days from the record's creation or from today, as a date or a time of day in office hours. */
  | { date: { from: 'created' | 'today'; days: [number, number] } }
  | { dateTime: { from: 'created' | 'today'; days: [number, number] } }
  /** A demo record of another entity; `where` ties its field to one of this record's (`{ customer: "customer" }`). */
  | { ref: string; where?: Record<string, string>; state?: string[] }
  | { refs: string; where?: Record<string, string>; count: [number, number] }
  /** A value this record already has (`region`) or a referenced record has (`customer.shortName`). */
  | { copy: string }
  | { concat: Generator[] }
) & { optional?: number };

export interface OrgSpec {
  org: {
    units: { key: string; name: string; parent?: string }[];
    users: { key: string; name: string; email: string; roles: string[]; unit?: string; manager?: string }[];
  };
}

export interface EntitySpec {
  entity: string;
  /**
   * How many records, or some per record of another entity: the parent goes into `per.field` when given, and
   * generators reach it as `parent` (`{ "copy": "parent.customer" }`).
   */
  count?: number;
  per?: { entity: string; field?: string; count: [number, number]; state?: string[] };
  recordType?: Generator;
  /** Demo users holding one of these roles, in turn; or the owner of the record in this field (`customer`). */
  owner?: { roles: string[] } | { from: string };
  /** Days ago, spread over the past year (`skew` above 1: more recent), or days after the record in `after`. */
  created: { daysAgo: [number, number]; skew?: number } | { after: string; days: [number, number] };
  fields: Record<string, Generator>;
  /** Fields only records of one type have (a government agency's jurisdiction), by record type. */
  byType?: Record<string, Record<string, Generator>>;
}

export interface WalkStep {
  event: string;
  /**
   * Days after the previous step (or the record's creation), fractions allowed; a step that would lie in the
   * future is not taken.
   */
  days: [number, number];
  /** Who sends it: the record's owner (default), their manager, or a demo user with the role. */
  as?: 'owner' | 'manager' | { role: string };
  /** Values written (through the record's update) just before the event. */
  set?: Record<string, Generator>;
  /** Taken only from these states, else skipped (a quote within the discount limit needs no approval). */
  from?: string[];
}

export interface WalkSpec {
  walk: string;
  /** Only records in these states are walked. */
  state?: string[];
  /** Each record takes one path, chosen by weight; the weight of `stay` leaves it where it is. */
  paths: { weight: number; steps: WalkStep[] }[];
  stay?: number;
}

export type DemoSpec = OrgSpec | EntitySpec | WalkSpec;

/** A spec file as read from a folder: its name (for issues) and parsed content. */
export interface DemoFile {
  file: string;
  spec: DemoSpec;
}

const days = { type: 'array', items: { type: 'integer' }, minItems: 2, maxItems: 2 };
/** A walk step's delay may be part of a day: a complaint resolved within hours keeps within its deadline. */
const stepDays = { type: 'array', items: { type: 'number', minimum: 0 }, minItems: 2, maxItems: 2 };
const strings = { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 };
const fieldMap = { type: 'object', additionalProperties: { type: 'string' } };
const one = (name: string, value: object) => ({
  type: 'object',
  required: [name],
  properties: { [name]: value, optional: { type: 'number', minimum: 0, maximum: 1 } },
  additionalProperties: false,
});

/** The meta-schema every demo file is judged by (pointers into the file, worded in both languages). */
export const DEMO_META_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $defs: {
    generator: {
      oneOf: [
        one('const', {}),
        one('pick', {
          oneOf: [
            { type: 'array', minItems: 1 },
            { type: 'object', minProperties: 1, additionalProperties: { type: 'number', minimum: 0 } },
          ],
        }),
        one('companyName', {
          type: 'object',
          required: ['cities', 'brands', 'industries', 'suffixes'],
          properties: { cities: strings, brands: strings, industries: strings, suffixes: strings },
          additionalProperties: false,
        }),
        one('personName', {
          type: 'object',
          required: ['surnames', 'given'],
          properties: { surnames: strings, given: strings },
          additionalProperties: false,
        }),
        one('pattern', { type: 'string', minLength: 1 }),
        one('number', {
          type: 'object',
          required: ['min', 'max'],
          properties: {
            min: { type: 'number' },
            max: { type: 'number' },
            skew: { type: 'number', exclusiveMinimum: 0 },
            step: { type: 'number', exclusiveMinimum: 0 },
          },
          additionalProperties: false,
        }),
        ...['date', 'dateTime'].map((name) =>
          one(name, {
            type: 'object',
            required: ['from', 'days'],
            properties: { from: { enum: ['created', 'today'] }, days },
            additionalProperties: false,
          }),
        ),
        {
          type: 'object',
          required: ['ref'],
          properties: {
            ref: { type: 'string' },
            where: fieldMap,
            state: strings,
            optional: { type: 'number', minimum: 0, maximum: 1 },
          },
          additionalProperties: false,
        },
        {
          type: 'object',
          required: ['refs', 'count'],
          properties: {
            refs: { type: 'string' },
            where: fieldMap,
            count: days,
            optional: { type: 'number', minimum: 0, maximum: 1 },
          },
          additionalProperties: false,
        },
        one('copy', { type: 'string', pattern: '^[a-zA-Z_]+(\\.[a-zA-Z_]+)?$' }),
        one('concat', { type: 'array', items: { $ref: '#/$defs/generator' }, minItems: 1 }),
      ],
    },
    generators: { type: 'object', additionalProperties: { $ref: '#/$defs/generator' } },
  },
  oneOf: [
    {
      type: 'object',
      required: ['org'],
      properties: {
        org: {
          type: 'object',
          required: ['units', 'users'],
          properties: {
            units: {
              type: 'array',
              items: {
                type: 'object',
                required: ['key', 'name'],
                properties: {
                  key: { type: 'string' },
                  name: { type: 'string', minLength: 1 },
                  parent: { type: 'string' },
                },
                additionalProperties: false,
              },
            },
            users: {
              type: 'array',
              items: {
                type: 'object',
                required: ['key', 'name', 'email', 'roles'],
                properties: {
                  key: { type: 'string' },
                  name: { type: 'string', minLength: 1 },
                  email: { type: 'string', format: 'email' },
                  roles: strings,
                  unit: { type: 'string' },
                  manager: { type: 'string' },
                },
                additionalProperties: false,
              },
            },
          },
          additionalProperties: false,
        },
      },
      additionalProperties: false,
    },
    {
      type: 'object',
      required: ['entity', 'created', 'fields'],
      properties: {
        entity: { type: 'string' },
        count: { type: 'integer', minimum: 1, maximum: 100000 },
        per: {
          type: 'object',
          required: ['entity', 'count'],
          properties: { entity: { type: 'string' }, field: { type: 'string' }, count: days, state: strings },
          additionalProperties: false,
        },
        recordType: { $ref: '#/$defs/generator' },
        owner: {
          oneOf: [
            { type: 'object', required: ['roles'], properties: { roles: strings }, additionalProperties: false },
            {
              type: 'object',
              required: ['from'],
              properties: { from: { type: 'string' } },
              additionalProperties: false,
            },
          ],
        },
        created: {
          oneOf: [
            {
              type: 'object',
              required: ['daysAgo'],
              properties: { daysAgo: days, skew: { type: 'number', exclusiveMinimum: 0 } },
              additionalProperties: false,
            },
            {
              type: 'object',
              required: ['after', 'days'],
              properties: { after: { type: 'string' }, days },
              additionalProperties: false,
            },
          ],
        },
        fields: { $ref: '#/$defs/generators' },
        byType: { type: 'object', additionalProperties: { $ref: '#/$defs/generators' } },
      },
      oneOf: [
        { required: ['count'], properties: { count: {} } },
        { required: ['per'], properties: { per: {} } },
      ],
      additionalProperties: false,
    },
    {
      type: 'object',
      required: ['walk', 'paths'],
      properties: {
        walk: { type: 'string' },
        state: strings,
        stay: { type: 'number', minimum: 0 },
        paths: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            required: ['weight', 'steps'],
            properties: {
              weight: { type: 'number', minimum: 0 },
              steps: {
                type: 'array',
                minItems: 1,
                items: {
                  type: 'object',
                  required: ['event', 'days'],
                  properties: {
                    event: { type: 'string', pattern: '^[A-Z][A-Z0-9_]*$' },
                    days: stepDays,
                    as: {
                      oneOf: [
                        { enum: ['owner', 'manager'] },
                        {
                          type: 'object',
                          required: ['role'],
                          properties: { role: { type: 'string' } },
                          additionalProperties: false,
                        },
                      ],
                    },
                    set: { $ref: '#/$defs/generators' },
                    from: strings,
                  },
                  additionalProperties: false,
                },
              },
            },
            additionalProperties: false,
          },
        },
      },
      additionalProperties: false,
    },
  ],
} as const;

let compiled: ValidateFunction | undefined;
const check = (value: unknown): boolean => (compiled ??= createAjv().compile(DEMO_META_SCHEMA))(value);

const token = (key: unknown) => String(key).replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * The shape problems of one demo file, each with its file, pointer and wording in both languages. A oneOf
 * reports every branch's complaint; the deepest pointer is the one a person can act on, so shallower ones go.
 */
export function checkDemoShape(file: string, value: unknown): Issue[] {
  if (check(value)) return [];
  const issues = (compiled?.errors ?? []).map((error) => {
    const member =
      error.keyword === 'required'
        ? error.params.missingProperty
        : error.keyword === 'additionalProperties'
          ? error.params.additionalProperty
          : undefined;
    const i18n = wording(error);
    return {
      file,
      pointer: `${error.instancePath}${member === undefined ? '' : `/${token(member)}`}`,
      keyword: error.keyword,
      message: i18n.en,
      i18n,
    };
  });
  const deepest = Math.max(...issues.map((i) => i.pointer.split('/').length));
  const kept = issues.filter((i) => i.pointer.split('/').length === deepest && i.keyword !== 'oneOf');
  const unique = new Map((kept.length ? kept : issues).map((i) => [`${i.pointer} ${i.message}`, i]));
  return [...unique.values()];
}
