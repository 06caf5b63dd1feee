import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DefinitionSet } from '../src/definitions/definition-set.js';
import { startTestServer, type TestServer } from './support/test-server.js';

// `x-ui.related` (issue 19): an admin chooses a record page's related lists, their order and columns. The draft
// is refused at the list's pointer when it names what does not point here; a good one publishes.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

interface IssueBody {
  pointer: string;
  keyword: string;
  i18n: { zh: string; en: string };
}

async function withRelated(related: unknown): Promise<DefinitionSet> {
  const set = structuredClone((await server.request('GET', '/api/v1/meta/model')).body.definitions as DefinitionSet);
  const customer = set.entities.find((e) => e.$id === 'customer')!;
  (customer as unknown as { 'x-ui': Record<string, unknown> })['x-ui'] = { ...customer['x-ui'], related };
  return set;
}

describe('related lists of a record page', () => {
  it('refuses lists that do not point at the entity, unknown columns and a wrong shape, each at its pointer', async () => {
    const set = await withRelated([
      { entity: 'opportunity', via: 'contact' },
      { entity: 'contact', via: 'customer', columns: ['name', 'bogus'] },
      { entity: 'nowhere', via: 'customer' },
      { entity: 'contact', via: 'customer' },
      { entity: 'activity' },
    ]);
    expect((await server.request('PUT', '/api/v1/meta/drafts/related', { definitions: set })).status).toBe(200);
    const published = await server.request('POST', '/api/v1/meta/drafts/related/publish', {});
    expect(published.status).toBe(422);
    const issues = published.body.issues as IssueBody[];
    const at = (pointer: string) => issues.find((i) => i.pointer === pointer);
    expect(at('/x-ui/related/4/via')).toBeDefined();
    // The shape is refused first (the meta-schema); the references are checked on a well-shaped list.
    set.entities.find((e) => e.$id === 'customer')!['x-ui']!.related!.pop();
    await server.request('PUT', '/api/v1/meta/drafts/related', { definitions: set });
    const again = (await server.request('POST', '/api/v1/meta/drafts/related/publish', {})).body.issues as IssueBody[];
    const find = (pointer: string) => again.find((i) => i.pointer === pointer);
    expect(find('/x-ui/related/0/via')).toMatchObject({ keyword: 'relatedVia' });
    expect(find('/x-ui/related/0/via')!.i18n.zh).toContain('没有指向');
    expect(find('/x-ui/related/1/columns/1')).toMatchObject({ keyword: 'unknownField' });
    expect(find('/x-ui/related/2/entity')).toMatchObject({ keyword: 'unknownEntity' });
    expect(find('/x-ui/related/3')).toMatchObject({ keyword: 'duplicate' });
  });

  it('publishes a chosen order and columns, which the model then carries', async () => {
    const related = [
      { entity: 'opportunity', via: 'customer', columns: ['name', 'state', 'amount'] },
      { entity: 'contact', via: 'customer' },
    ];
    const set = await withRelated(related);
    await server.request('PUT', '/api/v1/meta/drafts/related', { definitions: set });
    const published = await server.request('POST', '/api/v1/meta/drafts/related/publish', {});
    expect(published.body.issues ?? []).toEqual([]);
    expect(published.status).toBe(201);
    const model = (await server.request('GET', '/api/v1/meta/model')).body.definitions as DefinitionSet;
    expect(model.entities.find((e) => e.$id === 'customer')!['x-ui']!.related).toEqual(related);
  });

  it('refuses to remove a field a related list shows, naming the list among the places that use it', async () => {
    const set = structuredClone((await server.request('GET', '/api/v1/meta/model')).body.definitions as DefinitionSet);
    delete set.entities.find((e) => e.$id === 'opportunity')!.properties.amount;
    await server.request('PUT', '/api/v1/meta/drafts/related', { definitions: set });
    const published = await server.request('POST', '/api/v1/meta/drafts/related/publish', {});
    expect(published.status).toBe(422);
    const issue = (published.body.issues as IssueBody[]).find((i) => i.keyword === 'referencedField')!;
    expect(issue.pointer).toBe('/properties/amount');
    expect(issue.i18n.zh).toContain('实体「客户」的记录页的相关列表');
    expect(issue.i18n.en).toContain('the related lists of the record page');
  });
});
