import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DefinitionSet } from '../src/definitions/definition-set.js';
import { startTestServer, type TestServer } from './support/test-server.js';

// Removing a field or stage that the draft still names is refused with every place listed by title.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

async function currentSet(): Promise<DefinitionSet> {
  return (await server.request('GET', '/api/v1/meta/model')).body.definitions;
}

interface IssueBody {
  pointer: string;
  keyword: string;
  i18n: { zh: string; en: string };
  params?: { references?: { source: string; pointer: string }[] };
}

describe('removing a referenced field or stage', () => {
  it('refuses to publish a draft that drops decisionMaker while the workflow and highlights name it', async () => {
    const set = structuredClone(await currentSet());
    const opportunity = set.entities.find((e) => e.$id === 'opportunity')!;
    delete opportunity.properties.decisionMaker;
    const saved = await server.request('PUT', '/api/v1/meta/drafts/rails', { definitions: set });
    expect(saved.status).toBe(200);
    const onSave = (saved.body.issues as IssueBody[]).find((i) => i.keyword === 'referencedField');
    expect(onSave?.pointer).toBe('/properties/decisionMaker');

    const published = await server.request('POST', '/api/v1/meta/drafts/rails/publish', {});
    expect(published.status).toBe(422);
    const issue = (published.body.issues as IssueBody[])[0]!;
    expect(issue).toMatchObject({ pointer: '/properties/decisionMaker', keyword: 'referencedField' });
    expect(issue.i18n.zh).toMatch(/^字段「关键决策人」仍被使用，不能删除：/);
    expect(issue.i18n.zh).toContain('工作流「商机销售流程」的阶段「初步接触」的流转「直接接触决策人」的条件');
    expect(issue.i18n.zh).toContain('实体「商机」的记录页头部的要点字段');
    expect(issue.i18n.en).toMatch(/^field "Decision maker" cannot be removed while it is used: /);
    expect(issue.i18n.en).toContain(
      'the condition of transition "Meet the decision makers" of stage "Initial contact" of workflow "Opportunity sales"',
    );
    expect(issue.params?.references?.map((r) => r.source)).toContain('workflow:opportunity-sales');
    // Nothing was published: the field is still there.
    const after = await currentSet();
    expect(after.entities.find((e) => e.$id === 'opportunity')!.properties.decisionMaker).toBeDefined();
  });

  it('lists the transitions into a removed stage', async () => {
    const set = structuredClone(await currentSet());
    const workflow = set.workflows.find((w) => w.id === 'opportunity-sales')!;
    delete workflow.states.lost;
    await server.request('PUT', '/api/v1/meta/drafts/rails', { definitions: set });
    const plan = await server.request('POST', '/api/v1/meta/drafts/rails/plan', {});
    expect(plan.status).toBe(422);
    const issue = (plan.body.issues as IssueBody[])[0]!;
    expect(issue).toMatchObject({ pointer: '/states/lost', keyword: 'referencedState' });
    expect(issue.i18n.zh).toMatch(/^阶段「输单」仍被使用，不能删除：.*流转「输单」的目标阶段/);
    expect(issue.i18n.en).toMatch(/^stage "Lost" cannot be removed while it is used: .*the target stage of transition/);
  });

  it('publishes the same removal once nothing names the field any more', async () => {
    const set = structuredClone(await currentSet());
    const opportunity = set.entities.find((e) => e.$id === 'opportunity')!;
    delete opportunity.properties.source;
    await server.request('PUT', '/api/v1/meta/drafts/rails', { definitions: set });
    const plan = await server.request('POST', '/api/v1/meta/drafts/rails/plan', {});
    expect(plan.status).toBe(200);
    expect(plan.body.issues ?? []).toEqual([]);
  });

  it('answers the studio before a removal: /meta/validate with the set being edited lists the references', async () => {
    const before = await currentSet();
    const next = structuredClone(before);
    delete next.workflows.find((w) => w.id === 'opportunity-sales')!.states.lost;
    const asked = await server.request('POST', '/api/v1/meta/validate', { definitions: next, before });
    expect(asked.status).toBe(200);
    const issue = (asked.body.issues as IssueBody[])[0]!;
    expect(issue).toMatchObject({ pointer: '/states/lost', keyword: 'referencedState' });
    expect(issue.params?.references?.length).toBeGreaterThan(3);
    const alone = await server.request('POST', '/api/v1/meta/validate', { definitions: next });
    expect((alone.body.issues as IssueBody[]).some((i) => i.keyword === 'referencedState')).toBe(false);
  });
});
