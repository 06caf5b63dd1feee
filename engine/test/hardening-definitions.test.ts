import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DefinitionSet } from '../src/definitions/definition-set.js';
import type { EntityDefinition, FieldDefinition } from '../src/definitions/entity.js';
import { ruleClock } from '../src/definitions/record-rules.js';
import { validateDefinitionSet } from '../src/definitions/validate-definition-set.js';
import { compileModel } from '../src/model/compile-model.js';
import { validateRecord } from '../src/records/validate-record.js';
import { startTestServer, type TestServer } from './support/test-server.js';

/*
 * Definition validation as an author (or an attacker posting to /meta/validate) meets it: any JSON
 * gives issues, never an exception; what would fail at publish or at run time is an issue with a
 * pointer; cross-field rules (x-rules) are definitions, checked here and enforced by the validator.
 */

function entity(
  id: string,
  properties: Record<string, FieldDefinition>,
  extra: Partial<EntityDefinition> = {},
): EntityDefinition {
  return {
    $id: id,
    title: id,
    type: 'object',
    'x-entity': { titleField: 'name' },
    properties: { name: { type: 'string', maxLength: 50 }, ...properties },
    ...extra,
  };
}

const set = (...entities: unknown[]): DefinitionSet => ({ entities: entities as EntityDefinition[], workflows: [] });

describe('validating any JSON', () => {
  it('reports a null entity, workflow or roles as issues with pointers instead of throwing', () => {
    const issues = validateDefinitionSet({
      entities: [null, 7, 'x'],
      workflows: [null],
      roles: null,
    } as unknown as DefinitionSet);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues).toContainEqual(expect.objectContaining({ file: 'entities[0]', pointer: '' }));
    expect(issues).toContainEqual(expect.objectContaining({ file: 'workflows[0]', pointer: '' }));
  });

  it('never throws, whatever the entities, workflows and roles hold', () => {
    const anyJson = fc.jsonValue({ maxDepth: 4 });
    const entityLike = fc.record(
      {
        $id: fc.oneof(fc.constant('customer'), anyJson),
        title: anyJson,
        type: fc.constant('object'),
        'x-entity': anyJson,
        properties: anyJson,
      },
      { requiredKeys: [] },
    );
    const workflowLike = fc.record(
      {
        id: anyJson,
        initial: anyJson,
        meta: fc.oneof(anyJson, fc.record({ entity: fc.constant('customer') })),
        states: anyJson,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(
        fc.array(fc.oneof(anyJson, entityLike)),
        fc.array(fc.oneof(anyJson, workflowLike)),
        anyJson,
        (entities, workflows, roles) => {
          expect(Array.isArray(validateDefinitionSet({ entities, workflows, roles } as unknown as DefinitionSet))).toBe(
            true,
          );
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('junction table names', () => {
  it('rejects two many-to-many fields whose link tables share their first 63 characters, on the second field', () => {
    const id = `a${'b'.repeat(47)}`; // 48 characters, the longest id allowed
    const link: FieldDefinition = {
      type: 'array',
      items: { type: 'string', format: 'uuid' },
      'x-relation': { entity: 'contact' },
    };
    const long = entity(id, { relatedContactsPrimary: link, relatedContactsSecondary: link });
    const issues = validateDefinitionSet(set(long, entity('contact', {})));
    expect(issues).toEqual([
      expect.objectContaining({
        pointer: '/properties/relatedContactsSecondary',
        keyword: 'junctionName',
        i18n: expect.objectContaining({ zh: expect.any(String) }),
      }),
    ]);
    expect(validateDefinitionSet(set(entity(id, { contacts: link, others: link }), entity('contact', {})))).toEqual([]);
  });
});

describe('x-rules: cross-field rules as definitions', () => {
  const dates = {
    startAt: { type: 'string', format: 'date-time' },
    endAt: { type: 'string', format: 'date-time' },
    birthday: { type: 'string', format: 'date' },
    amount: { type: 'number' },
  } as const;

  it('rejects rules on unknown fields, fields of other kinds, and values of the wrong kind, with pointers', () => {
    const rules = [
      { field: 'endAt', rule: 'gte', than: 'nothing' },
      { field: 'endAt', rule: 'gte', than: 'birthday' },
      { field: 'name', rule: 'lte', value: 'today' },
      { field: 'birthday', rule: 'lte', value: 'tomorrow' },
      { field: 'amount', rule: 'gte', value: '0' },
      { field: 'endAt', rule: 'after', than: 'startAt' },
    ];
    const issues = validateDefinitionSet(set(entity('meeting', dates as never, { 'x-rules': rules as never })));
    expect(issues.map((i) => i.pointer)).toEqual(['/x-rules/5/rule']);
    const semantic = validateDefinitionSet(
      set(entity('meeting', dates as never, { 'x-rules': rules.slice(0, 5) as never })),
    );
    expect(semantic.map((i) => [i.pointer, i.keyword])).toEqual([
      ['/x-rules/0/than', 'unknownField'],
      ['/x-rules/1/than', 'fieldKind'],
      ['/x-rules/2/field', 'fieldKind'],
      ['/x-rules/3/value', 'ruleValue'],
      ['/x-rules/4/value', 'ruleValue'],
    ]);
  });

  it('are enforced by the record validator, on the field, in both languages', () => {
    const meeting = entity('meeting', dates as never, {
      'x-rules': [
        {
          field: 'endAt',
          rule: 'gte',
          than: 'startAt',
          message: { zh: '结束时间不能早于开始时间', en: 'The end must not be before the start' },
        },
        { field: 'birthday', rule: 'lte', value: 'today' },
        { field: 'birthday', rule: 'gte', value: '1900-01-01' },
      ],
    });
    expect(validateDefinitionSet(set(meeting))).toEqual([]);
    const validate = compileModel(set(meeting), 1, 'h').entities.get('meeting')!.validators.get('')!;
    expect(
      validateRecord(validate, {
        name: 'ok',
        startAt: '2026-01-02T10:00:00Z',
        endAt: '2026-01-02T11:00:00Z',
        birthday: '1990-05-01',
      }),
    ).toEqual([]);
    const issues = validateRecord(validate, {
      name: 'bad',
      startAt: '2026-01-02T10:00:00Z',
      endAt: '2026-01-02T09:00:00+00:00',
      birthday: '2099-01-01',
    });
    expect(issues).toEqual([
      expect.objectContaining({
        pointer: '/endAt',
        keyword: 'rule',
        i18n: { zh: '结束时间不能早于开始时间', en: 'The end must not be before the start' },
      }),
      expect.objectContaining({
        pointer: '/birthday',
        keyword: 'rule',
        i18n: { en: 'must not be after today', zh: '不能晚于今天' },
      }),
    ]);
    expect(validateRecord(validate, { name: 'old', birthday: '1850-01-01' })).toEqual([
      expect.objectContaining({ pointer: '/birthday', keyword: 'rule' }),
    ]);
    // A side without a value is not judged: required says whether one must be there.
    expect(validateRecord(validate, { name: 'open', startAt: '2026-01-02T10:00:00Z' })).toEqual([]);
  });

  it('judges "today" so that no time zone is refused its own date', () => {
    const person = entity('person', dates as never, {
      'x-rules': [{ field: 'birthday', rule: 'lte', value: 'today' }],
    });
    const validate = compileModel(set(person), 1, 'h').entities.get('person')!.validators.get('')!;
    const now = ruleClock.now;
    ruleClock.now = () => Date.parse('2026-03-01T20:00:00Z'); // already 2 March in Shanghai
    try {
      expect(validateRecord(validate, { name: 'x', birthday: '2026-03-02' })).toEqual([]);
      expect(validateRecord(validate, { name: 'x', birthday: '2026-03-03' })).toHaveLength(1);
    } finally {
      ruleClock.now = now;
    }
  });
});

describe('values a column cannot hold and blank required text', () => {
  const account = entity(
    'account',
    {
      revenue: { type: 'number', 'x-currency': 'CNY' },
      employees: { type: 'integer' },
      staff: { type: 'integer', maximum: 5000000000 },
      email: { type: 'string', format: 'email' },
    },
    { required: ['name'] },
  );
  const compiled = compileModel(set(account), 1, 'h').entities.get('account')!;

  it('refuses a money amount beyond numeric(18,2) and integers beyond their column on the field', () => {
    const issues = validateRecord(compiled.validators.get('')!, {
      name: 'a',
      revenue: 1e30,
      employees: 2 ** 31,
      staff: 2 ** 53,
    });
    expect(issues.map((i) => [i.pointer, i.keyword])).toEqual([
      ['/revenue', 'exclusiveMaximum'],
      ['/employees', 'maximum'],
      ['/staff', 'maximum'],
    ]);
    expect(
      validateRecord(compiled.validators.get('')!, {
        name: 'a',
        revenue: 9999999999999998,
        employees: 2 ** 31 - 1,
        staff: 4000000000,
      }),
    ).toEqual([]);
    expect(compiled.patchValidator!({ revenue: -1e17 })).toBe(false);
    // An email is a varchar(320) column without a declared maxLength.
    expect(
      validateRecord(compiled.validators.get('')!, { name: 'a', email: `${'a'.repeat(330)}@example.com` }),
    ).toEqual([expect.objectContaining({ pointer: '/email', keyword: 'maxLength' })]);
    expect(validateRecord(compiled.validators.get('')!, { name: 'a', email: 'a@example.com' })).toEqual([]);
  });

  it('treats a required text of only spaces (any Unicode space) as missing, on create and on patch', () => {
    for (const blank of ['', '   ', '\u3000 \t']) {
      expect(validateRecord(compiled.validators.get('')!, { name: blank })).toEqual([
        expect.objectContaining({ pointer: '/name', keyword: 'required' }),
      ]);
      expect(compiled.patchValidator!({ name: blank })).toBe(false);
    }
    expect(validateRecord(compiled.validators.get('')!, { name: ' a ' })).toEqual([]);
  });
});

describe('workflows that could never run', () => {
  const kinds = entity(
    'visit',
    { when: { type: 'string', format: 'date' }, score: { type: 'integer' } },
    { 'x-entity': { titleField: 'name', workflow: 'visit-flow' } },
  );
  const typed = entity(
    'lead',
    { source: { type: 'string', maxLength: 20 } },
    {
      'x-entity': {
        titleField: 'name',
        recordTypes: { web: { title: 'Web', required: ['source'] }, fair: { title: 'Fair' } },
      },
    },
  );
  const flow = (actions: unknown[]) => ({
    id: 'visit-flow',
    initial: 'open',
    meta: { entity: 'visit' },
    states: { open: { on: { GO: { target: 'open', actions } } } },
  });
  const issuesOf = (actions: unknown[]) =>
    validateDefinitionSet({ entities: [kinds, typed], workflows: [flow(actions) as never] });

  it('rejects createRecord into an entity with record types unless it names one, and any field the type requires', () => {
    expect(issuesOf([{ type: 'createRecord', params: { entity: 'lead', values: { name: 'x' } } }])).toEqual([
      expect.objectContaining({
        file: 'workflows[0]',
        pointer: '/states/open/on/GO/actions/0/params/values',
        keyword: 'required',
      }),
    ]);
    expect(
      issuesOf([{ type: 'createRecord', params: { entity: 'lead', values: { name: 'x', record_type: 'tv' } } }]),
    ).toEqual([
      expect.objectContaining({ pointer: '/states/open/on/GO/actions/0/params/values/record_type', keyword: 'enum' }),
    ]);
    expect(
      issuesOf([{ type: 'createRecord', params: { entity: 'lead', values: { name: 'x', record_type: 'web' } } }]),
    ).toEqual([
      expect.objectContaining({
        pointer: '/states/open/on/GO/actions/0/params/values',
        keyword: 'required',
        params: { missingProperties: ['source'] },
      }),
    ]);
    expect(
      issuesOf([{ type: 'createRecord', params: { entity: 'lead', values: { name: 'x', record_type: 'fair' } } }]),
    ).toEqual([]);
  });

  it('accepts "now" into a date field (it stores today) but not into a number', () => {
    expect(issuesOf([{ type: 'setField', params: { field: 'when', valueFrom: 'now' } }])).toEqual([]);
    expect(issuesOf([{ type: 'setField', params: { field: 'score', valueFrom: 'now' } }])).toEqual([
      expect.objectContaining({ pointer: '/states/open/on/GO/actions/0/params/valueFrom', keyword: 'fieldKind' }),
    ]);
  });

  it('rejects assignOwner to a user id that is not a user id at all', () => {
    expect(issuesOf([{ type: 'assignOwner', params: { userId: 'bob' } }])).toContainEqual(
      expect.objectContaining({ pointer: '/states/open/on/GO/actions/0/params/userId', keyword: 'format' }),
    );
    expect(issuesOf([{ type: 'assignOwner', params: { userId: '6f1c2a9e-3b7d-4c55-9a0e-2f4d8b1c7e21' } }])).toEqual([]);
  });
});

describe('over HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ definitions: set(entity('contact', {})) });
  });
  afterAll(() => server?.close());

  it('answers /meta/validate with issues for null definitions, never a 500', async () => {
    const response = await server.request('POST', '/api/v1/meta/validate', {
      definitions: { entities: [null], workflows: [null], roles: 5 },
    });
    expect(response.status).toBe(200);
    expect(response.body.issues).toContainEqual(expect.objectContaining({ file: 'entities[0]', pointer: '' }));
  });

  it('refuses to publish link tables whose names collide after truncation with 422 and the pointer, not a database error', async () => {
    const link: FieldDefinition = {
      type: 'array',
      items: { type: 'string', format: 'uuid' },
      'x-relation': { entity: 'contact' },
    };
    const long = entity(`a${'b'.repeat(47)}`, { relatedContactsPrimary: link, relatedContactsSecondary: link });
    expect(
      (await server.request('PUT', '/api/v1/meta/drafts/studio', { definitions: set(long, entity('contact', {})) }))
        .status,
    ).toBe(200);
    const published = await server.request('POST', '/api/v1/meta/drafts/studio/publish', {});
    expect(published.status).toBe(422);
    expect(published.body.issues).toEqual([
      expect.objectContaining({ pointer: '/properties/relatedContactsSecondary', keyword: 'junctionName' }),
    ]);
  });
});
