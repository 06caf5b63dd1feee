import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/paths.js';
import { startTestServer, type TestServer } from './support/test-server.js';
import { journey } from './support/journey.js';

/*
 * The shipped marketing add-on (templates/marketing) over HTTP against PostgreSQL: listed in the gallery,
 * installed on the standard CRM (dry run, then install), then each role's journey: a marketing specialist's
 * campaign budget waits for the marketing manager; leads are scored by rule, qualified (or refused below 40),
 * handed to salespeople in turn and converted into a customer, contact and opportunity that keeps its campaign;
 * the won deal is the campaign's revenue and its ROI exact; the nightly RFM and ABC schedules, run now, class
 * seeded customers exactly; a survey sent to a segment gives each of its customers a response awaiting answers
 * (owned by the customer's salesperson) and its answers come back in groups; a campaign that starts lists the
 * customers of its target segment and class. Release 1.0.0 is installed first and upgraded to the shipped one.
 * Roles without the right are refused.
 */
const definitions = mkdtempSync(join(tmpdir(), 'lodestar-marketing-'));
for (const part of ['schemas', 'workflows', 'roles.json', 'template.json'])
  cpSync(join(REPO_ROOT, part), join(definitions, part), { recursive: true });
// Release 1.0.0 (kept as a fixture) is installed first, then upgraded to the shipped release.
const folder = join(definitions, 'templates/marketing');
cpSync(join(REPO_ROOT, 'engine/test/fixtures/marketing-1.0.0'), folder, { recursive: true });

let server: TestServer;
const users: Record<string, { id: string; token: string }> = {};

beforeAll(async () => {
  server = await startTestServer({ definitionsDir: definitions });
  const unit = async (name: string) =>
    (await server.request('POST', '/api/v1/admin/org-units', { name }, as('admin'))).body.id as string;
  const sales = await unit('华东销售一部');
  const marketing = await unit('市场部');
  const add = async (key: string, displayName: string, roles: string[], orgUnitId: string, manager?: string) => {
    const { user, token } = await server.userToken({
      email: `${key}@example.com`,
      displayName,
      roles,
      orgUnitId,
      managerId: manager ? users[manager]!.id : null,
    });
    users[key] = { id: user.id, token };
  };
  await add('qian', '钱经理', ['marketingManager'], marketing);
  await add('zhou', '周专员', ['marketing'], marketing, 'qian');
  await add('zhao', '赵经理', ['salesManager'], sales);
  await add('wang', '王销售', ['salesperson'], sales, 'zhao');
  await add('liu', '刘销售', ['salesperson'], sales, 'zhao');
});
afterAll(async () => {
  await server?.close();
  rmSync(definitions, { recursive: true, force: true });
});

const customers: Record<string, string> = {};
const { as, call, send, get, inbox } = journey(
  () => server,
  (who) => (who === 'admin' ? server.adminToken : users[who]!.token),
);
const refusal = (who: string, method: string, path: string, body?: unknown) =>
  server.request(method, `/api/v1${path}`, body, as(who));

/** Runs a schedule now, as an administrator does from the studio, and waits for its run to finish. */
async function runNow(schedule: string) {
  const queued = await call('admin', 'POST', `/schedules/customer-lifecycle/${schedule}/run`, undefined, 202);
  for (let i = 0; i < 200; i++) {
    const run = await call('admin', 'GET', `/schedules/runs/${queued.id}`);
    if (run.status === 'succeeded' || run.status === 'failed') return run;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`run of ${schedule} did not finish`);
}

describe('marketing, installed on the standard CRM', () => {
  it('the gallery lists the add-on; a dry run plans it and changes nothing; the install publishes it', async () => {
    const shipped = await call('admin', 'GET', '/meta/templates/shipped');
    expect(shipped.data).toContainEqual(
      expect.objectContaining({
        folder: 'marketing',
        kind: 'addon',
        extends: ['lodestar-standard'],
        title: { zh: '市场营销', en: 'Marketing' },
      }),
    );
    const dry = await call('admin', 'POST', '/meta/templates/shipped/marketing/install', { dryRun: true });
    expect(dry).toMatchObject({ status: 'planned', template: { name: 'marketing', version: '1.0.0' } });
    expect(dry.plan.steps.every((s: { safety: string }) => s.safety !== 'destructive')).toBe(true);
    expect((await call('admin', 'GET', '/schedules')).data).toEqual([]);
    const done = await call('admin', 'POST', '/meta/templates/shipped/marketing/install', {}, 201);
    expect(done).toMatchObject({ status: 'published', version: 2 });
    // The schedules the add-on adds to the standard customer workflow are the model's now.
    const schedules = (await call('admin', 'GET', '/schedules')).data;
    expect(schedules.map((s: { key: string }) => s.key)).toEqual([
      'customer-lifecycle/rfmSegments',
      'customer-lifecycle/abcClasses',
    ]);
    expect(schedules[1].title).toEqual({
      zh: '每晚重算 ABC 客户分类（80/20）',
      en: 'Recompute ABC classes (80/20) nightly',
    });

    // The shipped folder is 1.1.0: surveys go to every customer of their segment, campaigns list their targets.
    rmSync(folder, { recursive: true, force: true });
    cpSync(join(REPO_ROOT, 'templates/marketing'), folder, { recursive: true });
    const planned = await call('admin', 'POST', '/meta/templates/shipped/marketing/install', { dryRun: true });
    expect(planned).toMatchObject({
      status: 'planned',
      template: { version: '1.1.0' },
      previous: { name: 'marketing', version: '1.0.0' },
    });
    expect(planned.plan.steps.filter((s: { safety: string }) => s.safety !== 'safe')).toEqual([]);
    const upgraded = await call('admin', 'POST', '/meta/templates/shipped/marketing/install', {}, 201);
    expect(upgraded).toMatchObject({ status: 'published', previous: { version: '1.0.0' } });
    const installed = (await call('admin', 'GET', '/meta/templates')).data;
    expect(installed).toContainEqual(expect.objectContaining({ name: 'marketing', version: '1.1.0' }));
    // A second install of the same release changes nothing.
    expect(await call('admin', 'POST', '/meta/templates/shipped/marketing/install', {})).toMatchObject({
      status: 'unchanged',
    });
  });

  const campaign = {} as { expo: string; mail: string };
  it('sends a campaign budget over ¥20,000 to the marketing manager; a small one is approved on submit', async () => {
    // Salespeople read campaigns but do not plan them.
    const refused = await refusal('wang', 'POST', '/records/campaign', { name: 'x', campaignType: 'event', budget: 1 });
    expect(refused.status).toBe(403);

    campaign.expo = (
      await call(
        'zhou',
        'POST',
        '/records/campaign',
        {
          name: '2026 上海工业博览会',
          campaignType: 'event',
          targetSegment: 'importantValue',
          budget: 80000,
          startDate: '2026-09-20',
          endDate: '2026-09-24',
        },
        201,
      )
    ).id;
    const ended = await refusal('zhou', 'PATCH', `/records/campaign/${campaign.expo}`, {
      endDate: '2026-09-01',
      version: 1,
    });
    expect(ended.status).toBe(422);
    expect(JSON.stringify(ended.body)).toContain('结束日期不能早于开始日期');

    await send('zhou', 'campaign', campaign.expo, 'SUBMIT');
    expect((await get('zhou', 'campaign', campaign.expo)).state).toBe('pendingApproval');
    // Waiting for approval the budget is locked, and the specialist cannot approve it.
    const raise = await refusal('zhou', 'PATCH', `/records/campaign/${campaign.expo}`, {
      budget: 90000,
      version: (await get('zhou', 'campaign', campaign.expo)).version,
    });
    expect(raise.status).toBe(422);
    expect(
      (await refusal('zhou', 'POST', `/records/campaign/${campaign.expo}/events`, { type: 'APPROVE' })).status,
    ).toBeGreaterThanOrEqual(403);
    expect((await inbox('qian')).map((a) => a.id)).toEqual([campaign.expo]);
    await send('qian', 'campaign', campaign.expo, 'APPROVE', '预算合理');
    expect((await get('zhou', 'campaign', campaign.expo)).state).toBe('approved');
    const told = await call('zhou', 'GET', '/me/notifications');
    expect(told.data[0]).toMatchObject({ entity: 'campaign', recordId: campaign.expo });
    expect(told.data[0].title).toEqual({
      zh: '活动预算已批准：2026 上海工业博览会',
      en: 'Campaign budget approved: 2026 上海工业博览会',
    });

    campaign.mail = (
      await call(
        'zhou',
        'POST',
        '/records/campaign',
        { name: '老客户回馈邮寄', campaignType: 'directMail', budget: 15000 },
        201,
      )
    ).id;
    await send('zhou', 'campaign', campaign.mail, 'SUBMIT');
    expect((await get('zhou', 'campaign', campaign.mail)).state).toBe('approved');
    await send('zhou', 'campaign', campaign.expo, 'START');
  });

  const lead = {} as { strong: string; weak: string; second: string; holder: string };
  it('scores leads by rule, qualifies only from 40, and hands qualified leads to salespeople in turn', async () => {
    const strong = await call(
      'zhou',
      'POST',
      '/records/lead',
      {
        company: '苏州精工机械有限公司',
        contactName: '陈总',
        jobTitle: '总经理',
        mobile: '13912345678',
        industry: 'manufacturing',
        source: 'exhibition',
        campaign: campaign.expo,
        budget: 300000,
        timeframe: 'within3Months',
        isDecisionMaker: true,
      },
      201,
    );
    // 20 (trade show) + 20 (budget ≥ ¥200,000) + 25 (within 3 months) + 15 (decision maker)
    expect(strong).toMatchObject({ score: 80, grade: 'A', state: 'new' });
    lead.strong = strong.id;
    const weak = await call(
      'zhou',
      'POST',
      '/records/lead',
      { company: '无锡小件加工厂', contactName: '黄师傅', source: 'coldCall', campaign: campaign.expo },
      201,
    );
    expect(weak).toMatchObject({ score: 5, grade: 'C' });
    lead.weak = weak.id;
    lead.second = (
      await call(
        'zhou',
        'POST',
        '/records/lead',
        {
          company: '常州新材料科技',
          contactName: '吴工',
          source: 'referral',
          budget: 50000,
          timeframe: 'within6Months',
        },
        201,
      )
    ).id;
    expect((await get('zhou', 'lead', lead.second)).score).toBe(55);

    const tooLow = await refusal('zhou', 'POST', `/records/lead/${lead.weak}/events`, { type: 'QUALIFY' });
    expect(tooLow.status).toBe(409);
    expect(JSON.stringify(tooLow.body)).toContain('线索评分不足 40 分');
    const noReason = await refusal('zhou', 'POST', `/records/lead/${lead.weak}/events`, { type: 'DISQUALIFY' });
    expect(noReason.status).toBe(409);
    const version = (await get('zhou', 'lead', lead.weak)).version;
    await call('zhou', 'PATCH', `/records/lead/${lead.weak}`, { disqualifyReason: 'noBudget', version });
    await send('zhou', 'lead', lead.weak, 'DISQUALIFY');
    await send('zhou', 'lead', lead.strong, 'QUALIFY');
    await send('zhou', 'lead', lead.second, 'QUALIFY');

    // Handing leads out is the marketing manager's: the specialist and the sales manager are refused.
    for (const who of ['zhou', 'zhao']) {
      const assign = await refusal(who, 'POST', `/records/lead/${lead.strong}/events`, { type: 'ASSIGN' });
      expect(assign.status, who).toBeGreaterThanOrEqual(403);
    }
    await send('qian', 'lead', lead.strong, 'ASSIGN');
    await send('qian', 'lead', lead.second, 'ASSIGN');
    const owners = [
      (await get('qian', 'lead', lead.strong)).owner_id as string,
      (await get('qian', 'lead', lead.second)).owner_id as string,
    ];
    expect(owners.sort()).toEqual([users.wang!.id, users.liu!.id].sort());
    const holder = owners[0] === users.wang!.id ? 'wang' : 'liu';
    lead.holder = holder;
    const note = (await call(holder, 'GET', '/me/notifications')).data[0];
    expect(note.title.zh).toBe('新分配的线索：苏州精工机械有限公司');
    // Each salesperson reads only the lead given to them.
    expect((await call(holder, 'GET', '/records/lead')).data.map((l: { id: string }) => l.id)).toEqual([lead.strong]);
  });

  let opportunity: string;
  it('converts a lead into a customer, contact and opportunity that keeps its campaign; the won deal is the campaign’s revenue', async () => {
    const who = lead.holder!;
    expect(
      (await refusal('zhou', 'POST', `/records/lead/${lead.strong}/events`, { type: 'CONVERT' })).status,
    ).toBeGreaterThanOrEqual(403);
    await send(who, 'lead', lead.strong!, 'CONVERT');
    const converted = await get(who, 'lead', lead.strong!);
    expect(converted.state).toBe('converted');
    const customer = await get(who, 'customer', converted.convertedCustomer);
    expect(customer).toMatchObject({ name: '苏州精工机械有限公司', industry: 'manufacturing', source: 'exhibition' });
    expect(await get(who, 'contact', converted.convertedContact)).toMatchObject({
      name: '陈总',
      mobile: '13912345678',
    });
    opportunity = converted.convertedOpportunity;
    const opp = await get(who, 'opportunity', opportunity);
    expect(opp).toMatchObject({ amount: 300000, campaign: campaign.expo, customer: converted.convertedCustomer });
    expect(await get('zhou', 'campaign', campaign.expo!)).toMatchObject({
      leadCount: 2,
      qualifiedLeadCount: 1,
      convertedLeadCount: 1,
      wonDealCount: 0,
      revenue: 0,
    });

    // The salesperson works the opportunity to a signed contract.
    let version = opp.version;
    const patch = async (body: Record<string, unknown>) => {
      version = (await call(who, 'PATCH', `/records/opportunity/${opportunity}`, { ...body, version })).version;
    };
    await patch({
      decisionMaker: converted.convertedContact,
      description: '五轴加工设备扩产',
      expectedCloseDate: '2026-12-31',
    });
    for (const event of ['MEET_DECISION_MAKERS', 'CONFIRM_NEEDS', 'PROPOSE', 'COMMIT', 'NEGOTIATE', 'SIGN'])
      await send(who, 'opportunity', opportunity, event);
    expect((await get(who, 'opportunity', opportunity)).state).toBe('contractSigned');

    // The campaign ends with its actual cost: ROI = (300,000 − 60,000) ÷ 60,000 = 400%.
    const running = await get('zhou', 'campaign', campaign.expo!);
    const noCost = await refusal('zhou', 'POST', `/records/campaign/${campaign.expo}/events`, { type: 'FINISH' });
    expect(noCost.status).toBe(409);
    await call('zhou', 'PATCH', `/records/campaign/${campaign.expo}`, { actualCost: 60000, version: running.version });
    await send('zhou', 'campaign', campaign.expo!, 'FINISH');
    expect(await get('zhou', 'campaign', campaign.expo!)).toMatchObject({
      state: 'finished',
      wonDealCount: 1,
      revenue: 300000,
      actualCost: 60000,
      roi: 400,
      costPerLead: 30000,
      costShare: 75,
    });
    // The marketing specialist reads the campaign's revenue, never an opportunity's amount.
    const seen = await get('zhou', 'opportunity', opportunity);
    expect(seen).not.toHaveProperty('amount');
  });

  it('classes customers by RFM and ABC (80/20) when the nightly schedules run now', async () => {
    // A year of won deals: created over HTTP, then dated into the past as history (a deal's close time is the
    // workflow's to write, and the test cannot wait months).
    const history: [string, number[], number[]][] = [
      // name, amounts (in ¥1,000), days since each deal closed
      ['华东重型机械集团', [400, 300, 200], [20, 60, 100]],
      ['南方电子科技', [600], [30]],
      ['北方化工', [200, 150, 100, 100], [300, 320, 340, 360]],
      ['西部建材', [520], [400]],
      ['东海贸易', [50, 40, 30], [10, 40, 70]],
      ['中原食品', [50], [5]],
      ['江南纺织', [30, 30, 30], [200, 220, 240]],
      ['塞北物流', [40], [365]],
    ];
    const knex = server.testDb.db.knex;
    for (const [name, amounts, days] of history) {
      const id = (
        await call(
          'admin',
          'POST',
          '/records/customer',
          { record_type: 'company', name, industry: 'manufacturing' },
          201,
        )
      ).id;
      customers[name] = id;
      for (const [i, amount] of amounts.entries()) {
        const deal = await call(
          'admin',
          'POST',
          '/records/opportunity',
          { name: `${name} ${i + 1}`, customer: id, amount: amount * 1000 },
          201,
        );
        await knex('opportunity')
          .where({ id: deal.id })
          .update({ state: 'contractSigned', closedAt: knex.raw('now() - make_interval(days => ?)', [days[i]!]) });
      }
    }
    customers.none = (
      await call(
        'admin',
        'POST',
        '/records/customer',
        { record_type: 'company', name: '尚未成交客户', industry: 'retail' },
        201,
      )
    ).id;
    customers.converted = (await get('admin', 'lead', lead.strong!)).convertedCustomer;
    expect(await get('admin', 'customer', customers['北方化工']!)).toMatchObject({
      wonDealCount: 4,
      wonRevenue: 550000,
    });

    // Only administrators run schedules.
    expect((await refusal('qian', 'POST', '/schedules/customer-lifecycle/rfmSegments/run')).status).toBe(403);
    const rfm = await runNow('rfmSegments');
    expect(rfm).toMatchObject({ status: 'succeeded', total: 9, processed: 9, changed: 9, failed: 0 });
    const abc = await runNow('abcClasses');
    expect(abc).toMatchObject({ status: 'succeeded', total: 9, changed: 9, failed: 0 });

    const expected: [string, string, number, string, number][] = [
      // name, RFM segment, days since the last deal, ABC class, cumulative revenue share (%)
      ['华东重型机械集团', 'importantValue', 20, 'A', 28.3912],
      ['南方电子科技', 'importantDevelop', 30, 'A', 47.3186],
      ['北方化工', 'importantRetain', 300, 'A', 64.6688],
      ['西部建材', 'importantWinBack', 400, 'B', 81.0726],
      ['converted', 'generalDevelop', 0, 'B', 90.5363],
      ['东海贸易', 'generalValue', 10, 'B', 94.3218],
      ['江南纺织', 'generalRetain', 200, 'C', 97.1609],
      ['中原食品', 'generalDevelop', 5, 'C', 98.7382],
      ['塞北物流', 'generalWinBack', 365, 'C', 100],
    ];
    for (const [name, rfmSegment, daysSinceLastWon, abcClass, revenueShare] of expected)
      expect(await get('qian', 'customer', customers[name]!), name).toMatchObject({
        rfmSegment,
        daysSinceLastWon,
        abcClass,
        revenueShare,
      });
    expect(await get('qian', 'customer', customers.none!)).toMatchObject({ rfmSegment: null, abcClass: null });

    // The campaign's target list is the customer list filtered by its segment, as marketing reads it.
    const target = await call('zhou', 'GET', '/records/customer?filter[rfmSegment][eq]=importantValue&fields=name');
    expect(target.data.map((c: { name: string }) => c.name)).toEqual(['华东重型机械集团']);
    const classA = await call('zhou', 'GET', '/records/customer/groups?by=abcClass&sum=wonRevenue');
    expect(classA.groups ?? classA.data).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: 'A', count: 3, sum: 2050000 }),
        expect.objectContaining({ key: 'C', count: 3, sum: 180000 }),
      ]),
    );
    // Salespeople do not edit a class by hand, even on their own customer (the schedules write it).
    const own = await get(lead.holder!, 'customer', customers.converted!);
    const byHand = await refusal(lead.holder!, 'PATCH', `/records/customer/${customers.converted}`, {
      abcClass: 'A',
      version: own.version,
    });
    expect(byHand.status).toBe(422);
    expect(JSON.stringify(byHand.body)).toContain('abcClass');
  });

  it('sends a survey to a segment and groups its answers; salespeople record answers but write no surveys', async () => {
    const empty = await call(
      'zhou',
      'POST',
      '/records/survey',
      { title: '空问卷', targetSegment: 'importantValue' },
      201,
    );
    const notReady = await refusal('zhou', 'POST', `/records/survey/${empty.id}/events`, { type: 'SEND' });
    expect(notReady.status).toBe(409);
    expect(JSON.stringify(notReady.body)).toContain('问卷还没有题目');

    const survey = await call(
      'zhou',
      'POST',
      '/records/survey',
      {
        title: '2026 重要客户满意度调查',
        targetSegment: 'importantValue',
        channel: 'phone',
        campaign: campaign.expo,
        questions: [
          { text: '您对我们的设备质量打几分？', questionType: 'score' },
          { text: '您最看重哪方面的服务？', questionType: 'choice', options: '交付速度/售后响应/价格' },
        ],
      },
      201,
    );
    const [quality, service] = survey.questions.map((q: { id: string }) => q.id) as [string, string];
    await send('zhou', 'survey', survey.id, 'SEND');
    expect((await get('zhou', 'survey', survey.id)).sentOn).not.toBeNull();
    expect((await refusal('wang', 'POST', '/records/survey', { title: 'x' })).status).toBe(403);
    // Sending gave the segment's one customer a response awaiting answers, owned by the customer's owner.
    const invited = (await call('zhou', 'GET', `/records/surveyResponse?filter[survey][eq]=${survey.id}`)).data;
    expect(invited).toHaveLength(1);
    expect(invited[0]).toMatchObject({
      customer: customers['华东重型机械集团'],
      status: 'invited',
      respondedOn: null,
      owner_id: server.admin.id,
      number: expect.stringMatching(/^DJ-\d{4}-\d{5}$/),
    });
    expect(await get('qian', 'survey', survey.id)).toMatchObject({
      invitedCount: 1,
      responseCount: 0,
      responseRate: 0,
    });

    const answersOf = (score: number, choice: string) => [
      { question: quality, answer: String(score), score },
      { question: service, answer: choice },
    ];
    await call('zhou', 'PATCH', `/records/surveyResponse/${invited[0].id}`, {
      status: 'answered',
      respondedOn: '2026-10-08',
      answers: answersOf(9, '售后响应'),
      version: invited[0].version,
    });
    const answers: [string, string, number, string][] = [
      [customers['南方电子科技']!, 'zhou', 6, '交付速度'],
      [customers['北方化工']!, 'zhou', 8, '售后响应'],
    ];
    for (const [customer, who, score, choice] of answers)
      await call(
        who,
        'POST',
        '/records/surveyResponse',
        { survey: survey.id, customer, respondedOn: '2026-10-08', answers: answersOf(score, choice) },
        201,
      );
    expect(await get('qian', 'survey', survey.id)).toMatchObject({
      state: 'sent',
      questionCount: 2,
      invitedCount: 3,
      responseCount: 3,
      responseRate: 100,
    });
    expect((await get('qian', 'survey', survey.id)).averageScore).toBeCloseTo(23 / 3, 8);
    const grouped = await call('qian', 'GET', `/records/surveyAnswer/groups?by=answer&filter[question][eq]=${service}`);
    expect((grouped.groups ?? grouped.data).map((g: { key: string; count: number }) => [g.key, g.count])).toEqual([
      ['售后响应', 2],
      ['交付速度', 1],
    ]);
    await send('zhou', 'survey', survey.id, 'CLOSE');
    const locked = await refusal('zhou', 'PATCH', `/records/survey/${survey.id}`, {
      title: '改名',
      version: (await get('zhou', 'survey', survey.id)).version,
    });
    expect(locked.status).toBe(422);

    // A survey to the "regular, new" segment reaches two customers; each salesperson sees only their own.
    const second = await call(
      'zhou',
      'POST',
      '/records/survey',
      {
        title: '新客户回访问卷',
        targetSegment: 'generalDevelop',
        questions: [{ text: '交付是否准时？', questionType: 'score' }],
      },
      201,
    );
    await send('zhou', 'survey', second.id, 'SEND');
    const reached = (await call('zhou', 'GET', `/records/surveyResponse?filter[survey][eq]=${second.id}`)).data;
    expect(reached.map((r: { customer: string }) => r.customer).sort()).toEqual(
      [customers.converted, customers['中原食品']].sort(),
    );
    const holder = lead.holder!;
    const theirs = (await call(holder, 'GET', `/records/surveyResponse?filter[survey][eq]=${second.id}`)).data;
    expect(theirs).toEqual([expect.objectContaining({ customer: customers.converted, owner_id: users[holder]!.id })]);
    const other = holder === 'wang' ? 'liu' : 'wang';
    expect((await call(other, 'GET', `/records/surveyResponse?filter[survey][eq]=${second.id}`)).data).toEqual([]);
    expect(await get('qian', 'survey', second.id)).toMatchObject({
      invitedCount: 2,
      responseCount: 0,
      responseRate: 0,
    });
  });

  it('lists a campaign`s target customers when it starts: by segment and class, each followed up by its salesperson', async () => {
    const start = async (name: string, targets: Record<string, string>) => {
      const id = (
        await call(
          'zhou',
          'POST',
          '/records/campaign',
          { name, campaignType: 'directMail', budget: 5000, ...targets },
          201,
        )
      ).id as string;
      await send('zhou', 'campaign', id, 'SUBMIT');
      await send('zhou', 'campaign', id, 'START');
      return id;
    };
    const members = async (who: string, id: string) =>
      (await call(who, 'GET', `/records/campaignMember?filter[campaign][eq]=${id}&limit=100`)).data as {
        customer: string;
        status: string;
        owner_id: string;
      }[];
    // Class A: the three customers bringing the first 80 % of revenue.
    const classA = await start('A 类客户答谢', { targetAbc: 'A' });
    expect((await members('zhou', classA)).map((m) => m.customer).sort()).toEqual(
      [customers['华东重型机械集团'], customers['南方电子科技'], customers['北方化工']].sort(),
    );
    expect((await members('zhou', classA)).every((m) => m.status === 'targeted')).toBe(true);
    expect(await get('qian', 'campaign', classA)).toMatchObject({ state: 'running', memberCount: 3 });
    // Segment and class together: regular new customers of class B is the converted customer alone, the
    // salesperson's, who sees it (and moves it on); the other salesperson sees none.
    const both = await start('B 类新客户跟进', { targetSegment: 'generalDevelop', targetAbc: 'B' });
    const holder = lead.holder!;
    const mine = await members(holder, both);
    expect(mine).toEqual([expect.objectContaining({ customer: customers.converted, owner_id: users[holder]!.id })]);
    expect(await members(holder === 'wang' ? 'liu' : 'wang', both)).toEqual([]);
    // A campaign without a target starts with no list (it does not reach every customer).
    const none = await start('无目标活动', {});
    expect(await get('qian', 'campaign', none)).toMatchObject({ state: 'running', memberCount: 0 });
  });
});

describe('the marketing dashboard', () => {
  const widget = async (id: string, who = 'qian') =>
    (await call(who, 'GET', `/dashboards/marketing-results/widgets/${id}`)).rows as {
      key: unknown;
      value: number;
      count: number;
    }[];
  const pairs = (rows: { key: unknown; value: number }[]) =>
    rows.map((r) => [r.key, r.value]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));

  it('shows campaign cost, revenue and ROI, leads by source and customers by segment, to marketing only', async () => {
    expect((await widget('campaign-cost'))[0]).toMatchObject({ value: 60000 });
    expect((await widget('campaign-revenue'))[0]).toMatchObject({ value: 300000 });
    expect((await widget('roi-by-campaign')).map((r) => [r.key, r.value])).toEqual([['2026 上海工业博览会', 400]]);
    expect(pairs(await widget('leads-by-source', 'zhou'))).toEqual([
      ['coldCall', 1],
      ['exhibition', 1],
      ['referral', 1],
    ]);
    expect(pairs(await widget('customers-by-rfm'))).toEqual([
      ['generalDevelop', 2],
      ['generalRetain', 1],
      ['generalValue', 1],
      ['generalWinBack', 1],
      ['importantDevelop', 1],
      ['importantRetain', 1],
      ['importantValue', 1],
      ['importantWinBack', 1],
    ]);
    expect(pairs(await widget('revenue-by-abc'))).toEqual([
      ['A', 2050000],
      ['B', 940000],
      ['C', 180000],
    ]);
    const funnel = await call('qian', 'GET', '/dashboards/marketing-results/widgets/lead-funnel');
    expect(JSON.stringify(funnel)).toContain('converted');
    const listed = async (who: string) =>
      ((await call(who, 'GET', '/dashboards')).data as { id: string }[]).map((d) => d.id);
    expect(await listed('zhou')).toContain('marketing-results');
    expect(await listed('wang')).not.toContain('marketing-results');
    expect(
      (await refusal('wang', 'GET', '/dashboards/marketing-results/widgets/campaign-cost')).status,
    ).toBeGreaterThanOrEqual(403);
  });
});

describe('an upgrade of the add-on', () => {
  it('1.1.0 → 1.1.1 replaces the schedules the previous release added to the customer workflow', async () => {
    const folder = join(definitions, 'templates/marketing');
    const edit = (file: string, change: (value: Record<string, unknown>) => void) => {
      const value = JSON.parse(readFileSync(join(folder, file), 'utf8')) as Record<string, unknown>;
      change(value);
      writeFileSync(join(folder, file), JSON.stringify(value, null, 2));
    };
    edit('template.json', (m) => (m.version = '1.1.1'));
    edit('workflows/customer-lifecycle.extend.json', (x) => {
      const schedules = (x.meta as { schedules: { id: string; cron: string }[] }).schedules;
      schedules.find((s) => s.id === 'abcClasses')!.cron = '30 2 * * *';
    });
    const planned = await call('admin', 'POST', '/meta/templates/shipped/marketing/install', { dryRun: true });
    expect(planned).toMatchObject({ status: 'planned', previous: { name: 'marketing', version: '1.1.0' } });
    const done = await call('admin', 'POST', '/meta/templates/shipped/marketing/install', {}, 201);
    expect(done).toMatchObject({ status: 'published', previous: { version: '1.1.0' } });
    const schedules = (await call('admin', 'GET', '/schedules')).data as { key: string; cron: string }[];
    expect(schedules.map((s) => [s.key, s.cron])).toEqual([
      ['customer-lifecycle/rfmSegments', '0 2 * * *'],
      ['customer-lifecycle/abcClasses', '30 2 * * *'],
    ]);
    const installed = (await call('admin', 'GET', '/meta/templates')).data as { name: string; version: string }[];
    expect(installed).toContainEqual(expect.objectContaining({ name: 'marketing', version: '1.1.1' }));
    // The classes stay as the last run left them.
    expect((await get('qian', 'customer', customers['华东重型机械集团']!)).abcClass).toBe('A');
  });
});

describe('docs/templates/marketing.md', () => {
  it('shows each workflow as its definition says, rendered by scripts/workflow-diagram.mjs', () => {
    expect(() =>
      execFileSync(
        process.execPath,
        [
          join(REPO_ROOT, 'scripts/workflow-diagram.mjs'),
          '--check',
          join(REPO_ROOT, 'docs/templates/marketing.md'),
          join(REPO_ROOT, 'templates/marketing'),
        ],
        { encoding: 'utf8' },
      ),
    ).not.toThrow();
  });
});
