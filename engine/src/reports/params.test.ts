import { describe, expect, it } from 'vitest';
import { LodestarError } from '../errors.js';
import { parseReportFilters, toTimeBounds } from './params.js';

const UUID = '0B000000-0000-4000-8000-00000000000B';
const parse = (query: Record<string, unknown>, recordTypes: string[] = ['company', 'government']) =>
  parseReportFilters(query, { recordTypes });

function issuesOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(LodestarError);
    expect((error as LodestarError).status).toBe(400);
    return (error as LodestarError).issues!.map((i) => [i.pointer, i.keyword]);
  }
  throw new Error('expected a 400');
}

describe('parseReportFilters', () => {
  it('accepts owner (lower-cased), a known record type and a period', () => {
    expect(parse({ owner: UUID, recordType: 'company', from: '2024-02-01', to: '2024-02-29' })).toEqual({
      owner: UUID.toLowerCase(),
      recordType: 'company',
      from: '2024-02-01',
      to: '2024-02-29',
    });
    expect(parse({})).toEqual({});
    expect(parse({ from: '2024-03-01', to: '2024-03-01' })).toEqual({ from: '2024-03-01', to: '2024-03-01' });
  });

  it.each([
    [{ owner: 'me' }, '/query/owner', 'format'],
    [{ owner: [UUID, UUID] }, '/query/owner', 'type'],
    [{ recordType: 'charity' }, '/query/recordType', 'enum'],
    [{ from: '2024-2-1' }, '/query/from', 'format'],
    [{ from: '2023-02-29' }, '/query/from', 'format'],
    [{ to: '2024-04-31' }, '/query/to', 'format'],
    [{ to: '2024-01-01T00:00:00Z' }, '/query/to', 'format'],
    [{ from: '2024-03-02', to: '2024-03-01' }, '/query/to', 'range'],
    [{ state: 'won' }, '/query/state', 'unknownParameter'],
  ])('%j is a 400 at %s (%s)', (query, pointer, keyword) => {
    expect(issuesOf(() => parse(query))).toEqual([[pointer, keyword]]);
  });

  it('reports every bad parameter at once', () => {
    expect(issuesOf(() => parse({ owner: 'x', from: 'y', recordType: 'z' }))).toEqual([
      ['/query/owner', 'format'],
      ['/query/recordType', 'enum'],
      ['/query/from', 'format'],
    ]);
  });

  it('refuses any record type when the entity has none', () => {
    expect(issuesOf(() => parse({ recordType: 'company' }, []))).toEqual([['/query/recordType', 'enum']]);
  });
});

describe('toTimeBounds', () => {
  it('makes from an inclusive and to an exclusive UTC midnight, crossing months and leap days', () => {
    expect(toTimeBounds({ from: '2024-02-01', to: '2024-02-29' })).toEqual({
      start: '2024-02-01T00:00:00.000Z',
      end: '2024-03-01T00:00:00.000Z',
    });
    expect(toTimeBounds({ to: '2023-12-31' })).toEqual({ end: '2024-01-01T00:00:00.000Z' });
    expect(toTimeBounds({})).toEqual({});
    // After the last day PostgreSQL stores, the bound is a year it can read (not toISOString's +010000).
    expect(toTimeBounds({ to: '9999-12-31' })).toEqual({ end: '10000-01-01T00:00:00.000Z' });
  });
});
