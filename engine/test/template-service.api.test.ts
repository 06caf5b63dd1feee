import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addBusinessDays } from '../src/calendar/business-days.js';
import { addBusinessHours } from '../src/calendar/business-hours.js';
import { loadCalendar } from '../src/calendar/calendar-repo.js';
import { fromWallTime, toWallTime } from '../src/calendar/wall-time.js';
import { fireNextTimer } from '../src/runtime/fire-timer.js';
import { REPO_ROOT } from './support/paths.js';
import { startTestServer, type TestServer } from './support/test-server.js';
import { journey } from './support/journey.js';

/*
 * The shipped service add-on (templates/service) over HTTP against PostgreSQL, installed on the standard CRM
 * after sales to cash: the customer service manager keeps contracts and publishes the knowledge base; an
 * agent's complaints are escalated at 18:00 on the first business day after they were received when the
 * customer's contract promises priority, on the third otherwise; the service manager reviews resolutions (the
 * customer service manager too above ¥2,000 of compensation); a resolved complaint gets a return visit, and a
 * dissatisfied visit opens a follow-up complaint. Complaints are received in March 2027, so the engine's own
 * timer worker (real clock) leaves their deadlines alone and the test fires them with the clock it chooses.
 */
const definitions = mkdtempSync(join(tmpdir(), 'lodestar-service-'));
for (const part of [
  'schemas',
  'workflows',
  'roles.json',
  'template.json',
  'templates/sales-to-cash',
  'templates/service',
])
  cpSync(join(REPO_ROOT, part), join(definitions, part), { recursive: true });

let server: TestServer;
const users: Record<string, { id: string; token: string }> = {};

beforeAll(async () => {
  server = await startTestServer({ definitionsDir: definitions });
  const centre = await server.request('POST', '/api/v1/admin/org-units', { name: '客服中心' }, as('admin'));
  const add = async (key: string, displayName: string, roles: string[], managerId: string | null = null) => {
    const { user, token } = await server.userToken({
      email: `${key}@example.com`,
      displayName,
      roles,
      orgUnitId: centre.body.id,
      managerId,
    });
    users[key] = { id: user.id, token };
  };
  await add('zheng', '郑经理', ['customerServiceManager']);
  await add('zhou', '周主管', ['serviceManager'], users.zheng!.id);
  await add('wu', '吴客服', ['serviceAgent'], users.zhou!.id);
});
afterAll(async () => {
  await server?.close();
  rmSync(definitions, { recursive: true, force: true });
});

const { as, call, send, get, inbox } = journey(
  () => server,
  (who) => (who === 'admin' ? server.adminToken : users[who]!.token),
);
const knex = () => server.testDb.db.knex;

/** Fires every timer due at `now`, as the worker does when its clock reads `now`. */
async function fireDue(now: string): Promise<string[]> {
  const kinds: string[] = [];
  for (;;) {
    const outcome = await fireNextTimer(knex(), server.engine.ctx.models.current(), new Date(now));
    if (outcome.kind === 'none') return kinds;
    kinds.push(outcome.kind);
  }
}

const pendingTimers = (id: string) =>
  knex()('lodestar_timers')
    .where({ record_id: id, status: 'pending' })
    .orderBy('due_at')
    .select('kind', 'due_at')
    .then((rows: { kind: string; due_at: Date }[]) =>
      rows.map((r) => ({ kind: r.kind, dueAt: r.due_at.toISOString() })),
    );

/** The refusal's reason of an event the caller may not send, or the status when it is not a 409. */
async function refused(who: string, entity: string, id: string, type: string) {
  const answer = await server.request('POST', `/api/v1/records/${entity}/${id}/events`, { type }, as(who));
  expect(answer.status, JSON.stringify(answer.body)).toBeGreaterThanOrEqual(400);
  return answer;
}

const latestNotification = async (who: string) => (await call(who, 'GET', '/me/notifications')).data[0];

describe('service, installed on the standard CRM beside sales to cash', () => {
  it('a dry run plans the add-on and changes nothing; the install publishes it next to sales to cash', async () => {
    const sales = await server.request('POST', '/api/v1/meta/templates/shipped/sales-to-cash/install', {}, as('admin'));
    expect(sales.status, JSON.stringify(sales.body)).toBe(201);
    const dry = await server.request(
      'POST',
      '/api/v1/meta/templates/shipped/service/install',
      { dryRun: true },
      as('admin'),
    );
    expect(dry.status, JSON.stringify(dry.body, null, 1)).toBe(200);
    expect(dry.body).toMatchObject({ status: 'planned', template: { name: 'service', version: '1.0.0' } });
    expect(dry.body.plan.steps.every((s: { safety: string }) => s.safety !== 'destructive')).toBe(true);
    const before = await server.request('GET', '/api/v1/records/solution', undefined, as('admin'));
    expect(before.status).toBe(404);
    const done = await server.request('POST', '/api/v1/meta/templates/shipped/service/install', {}, as('admin'));
    expect(done.status, JSON.stringify(done.body)).toBe(201);
    expect(done.body).toMatchObject({ status: 'published', version: 3 });
  });

  const customer: Record<string, string> = {};
  const contract: Record<string, string> = {};
  it('the customer service manager keeps the contracts that set the response level; agents only read them', async () => {
    for (const [key, name] of [
      ['hangzhou', '杭州精工机械有限公司'],
      ['suzhou', '苏州恒通电子有限公司'],
    ] as const)
      customer[key] = (
        await call(
          'admin',
          'POST',
          '/records/customer',
          { record_type: 'company', name, industry: 'manufacturing' },
          201,
        )
      ).id;
    const backwards = await server.request(
      'POST',
      '/api/v1/records/serviceContract',
      {
        record_type: 'warranty',
        title: '整机保修',
        customer: customer.hangzhou,
        responseLevel: 'standard',
        startDate: '2027-12-31',
        endDate: '2027-01-01',
      },
      as('zheng'),
    );
    expect(backwards.status).toBe(422);
    expect(JSON.stringify(backwards.body)).toContain('到期日期不能早于生效日期');
    const gold = await call(
      'zheng',
      'POST',
      '/records/serviceContract',
      {
        record_type: 'maintenance',
        title: '2027 年度维保（金牌）',
        customer: customer.hangzhou,
        product: 'VMC-850 加工中心',
        responseLevel: 'priority',
        startDate: '2027-01-01',
        endDate: '2027-12-31',
        amount: 120000,
      },
      201,
    );
    expect(gold).toMatchObject({ state: 'active', number: expect.stringMatching(/^FW-\d{4}-0001$/) });
    contract.gold = gold.id;
    contract.warranty = (
      await call(
        'zheng',
        'POST',
        '/records/serviceContract',
        {
          record_type: 'warranty',
          title: '整机保修一年',
          customer: customer.suzhou,
          responseLevel: 'standard',
          startDate: '2026-07-01',
          endDate: '2027-06-30',
        },
        201,
      )
    ).id;
    // Reminded at 09:00 thirty days before it ends; expired the day after (Shanghai midnight).
    expect(await pendingTimers(contract.gold!)).toEqual([
      { kind: 'after', dueAt: '2027-12-01T01:00:00.000Z' },
      { kind: 'after', dueAt: '2027-12-31T16:00:00.000Z' },
    ]);
    expect((await get('wu', 'serviceContract', contract.gold!)).responseLevel).toBe('priority');
    const early = await refused('zhou', 'serviceContract', contract.gold!, 'TERMINATE');
    expect(early.body.reason.zh).toContain('客服经理');
    const byAgent = await server.request(
      'POST',
      '/api/v1/records/serviceContract',
      {
        record_type: 'warranty',
        title: 'x',
        customer: customer.suzhou,
        startDate: '2027-01-01',
        endDate: '2027-02-01',
      },
      as('wu'),
    );
    expect(byAgent.status).toBe(403);
  });

  let solution: string;
  it('an agent writes a solution; only the customer service manager publishes it, and agents find it by its words', async () => {
    const draft = await call(
      'wu',
      'POST',
      '/records/solution',
      { title: '开机报警 E07', category: 'repair', product: 'VMC-850 加工中心', keywords: 'E07 液压' },
      201,
    );
    solution = draft.id;
    const empty = await refused('wu', 'solution', solution, 'SUBMIT');
    expect(JSON.stringify(empty.body)).toContain('问题现象');
    await call('wu', 'PATCH', `/records/solution/${solution}`, {
      symptom: '开机十分钟后报警 E07，液压油温超过 60°C',
      steps: '1. 清洗冷却器滤网\n2. 检查液压泵出口压力',
      version: draft.version,
    });
    expect((await send('wu', 'solution', solution, 'SUBMIT')).record.state).toBe('pendingReview');
    await refused('zhou', 'solution', solution, 'APPROVE');
    expect((await inbox('zheng')).map((item) => item.id)).toEqual([solution]);
    expect((await send('zheng', 'solution', solution, 'APPROVE')).record.state).toBe('published');
    for (const q of ['E07', '冷却器'])
      expect(
        (await call('wu', 'GET', `/records/solution?q=${encodeURIComponent(q)}`)).data.map((s: { id: string }) => s.id),
      ).toEqual([solution]);
    await refused('wu', 'solution', solution, 'RETIRE');
  });

  const complaint: Record<string, string> = {};
  it('a complaint under a priority contract is escalated at 18:00 on the next business day; a standard one on the third', async () => {
    // Friday 5 March 2027, 15:00 in Shanghai.
    const receivedAt = '2027-03-05T07:00:00.000Z';
    for (const [key, who, fields] of [
      ['gold', 'hangzhou', { title: '加工中心反复报警停机', serviceContract: contract.gold }],
      ['standard', 'suzhou', { title: '贴片机维修后仍漏油', serviceContract: contract.warranty }],
      // Another customer's contract gives no priority.
      ['borrowed', 'suzhou', { title: '借用他人合同的投诉', serviceContract: contract.gold }],
    ] as const) {
      const created = await call(
        'wu',
        'POST',
        '/records/serviceRequest',
        {
          record_type: 'complaint',
          category: 'complaint',
          customer: customer[who],
          receivedAt,
          description: '客户来电投诉，要求尽快处理',
          ...fields,
        },
        201,
      );
      expect(created.state).toBe('received');
      complaint[key] = created.id;
    }
    // Received: it is to be assigned within 4 working hours of the calendar (09:00–12:00, 13:30–18:00 on business
    // days), its due time stored on the record; the agent who received it is warned one working hour before.
    const received = await get('wu', 'serviceRequest', complaint.gold!);
    const calendar = await loadCalendar(knex());
    const responseDue = addBusinessHours(calendar, Date.parse(received.state_entered_at), 4, 'Asia/Shanghai');
    expect(received.sla_due_at).toBe(new Date(responseDue).toISOString());
    expect(await pendingTimers(complaint.gold!)).toEqual(
      expect.arrayContaining([
        { kind: 'sla', dueAt: new Date(responseDue).toISOString() },
        {
          kind: 'slaWarn',
          dueAt: new Date(addBusinessHours(calendar, responseDue, -1, 'Asia/Shanghai')).toISOString(),
        },
      ]),
    );
    expect((await get('wu', 'serviceRequest', complaint.gold!)).priorityResponse).toBe(true);
    expect((await get('wu', 'serviceRequest', complaint.standard!)).priorityResponse).toBe(false);
    expect((await get('wu', 'serviceRequest', complaint.borrowed!)).priorityResponse).toBe(false);
    // A plain service request keeps the standard CRM's workflow.
    const request = await call(
      'wu',
      'POST',
      '/records/serviceRequest',
      { record_type: 'request', title: '咨询保养周期', category: 'consultation', customer: customer.suzhou },
      201,
    );
    expect(request.state).toBe('created');
    // A complaint taken down without the time the customer called was received when it was created.
    const untimed = await call(
      'wu',
      'POST',
      '/records/serviceRequest',
      {
        record_type: 'complaint',
        category: 'complaint',
        title: '未填受理时间的投诉',
        customer: customer.suzhou,
        description: '客户来电',
      },
      201,
    );
    expect(untimed.state).toBe('received');
    expect(Math.abs(Date.parse(untimed.receivedAt) - Date.parse(untimed.created_at))).toBeLessThan(1000);

    const withdraw = await refused('wu', 'serviceRequest', complaint.borrowed!, 'CANCEL');
    expect(JSON.stringify(withdraw.body)).toContain('服务主管');
    for (const key of ['gold', 'standard'])
      expect((await send('zhou', 'serviceRequest', complaint[key]!, 'ASSIGN')).record).toMatchObject({
        state: 'handling',
        owner_id: users.wu!.id,
      });
    // Once assigned, the time received and the contract are locked: the owner cannot push the deadline back.
    const postponed = await server.request(
      'PATCH',
      `/api/v1/records/serviceRequest/${complaint.gold}`,
      { receivedAt: '2027-03-09T07:00:00.000Z', version: (await get('wu', 'serviceRequest', complaint.gold!)).version },
      as('wu'),
    );
    expect(postponed.status).toBe(422);
    expect(JSON.stringify(postponed.body)).toContain('受理时间');
    const reassign = await refused('wu', 'serviceRequest', complaint.gold!, 'REASSIGN');
    expect(JSON.stringify(reassign.body)).toContain('服务主管');
    // Monday 18:00 and Wednesday 18:00 in Shanghai.
    expect(await pendingTimers(complaint.gold!)).toEqual([
      { kind: 'after', dueAt: '2027-03-08T10:00:00.000Z' },
      { kind: 'after', dueAt: '2027-03-10T10:00:00.000Z' },
    ]);
    await fireDue('2027-03-08T09:59:59.999Z');
    expect((await get('wu', 'serviceRequest', complaint.gold!)).state).toBe('handling');
    await fireDue('2027-03-08T10:00:00.000Z');
    const escalated = await get('wu', 'serviceRequest', complaint.gold!);
    expect(escalated.state).toBe('escalated');
    expect(escalated.escalatedAt).toBeTruthy();
    expect((await get('wu', 'serviceRequest', complaint.standard!)).state).toBe('handling');
    for (const who of ['wu', 'zhou', 'zheng'])
      expect(await latestNotification(who)).toMatchObject({
        entity: 'serviceRequest',
        recordId: complaint.gold,
        title: { zh: '投诉超时已升级：加工中心反复报警停机', en: 'Complaint escalated: 加工中心反复报警停机' },
      });
    await fireDue('2027-03-10T09:59:59.999Z');
    expect((await get('wu', 'serviceRequest', complaint.standard!)).state).toBe('handling');
    await fireDue('2027-03-10T10:00:00.000Z');
    expect((await get('wu', 'serviceRequest', complaint.standard!)).state).toBe('escalated');
    const history = await call('zhou', 'GET', `/records/serviceRequest/${complaint.gold}/history`);
    // The stage history says which deadline passed, by the timer's own title.
    const escalation = history.data.find((row: { to: string }) => row.to === 'escalated');
    expect(escalation).toMatchObject({
      event: 'after.after receivedAt 1 business day 18:00',
      titles: { event: { zh: '超过优先时限', en: 'Priority deadline passed' } },
    });
  });

  let visit: string;
  it('the service manager reviews the resolution, the customer service manager approves the compensation, and a return visit follows', async () => {
    const id = complaint.gold!;
    let record = await get('wu', 'serviceRequest', id);
    const early = await refused('wu', 'serviceRequest', id, 'RESOLVE');
    expect(JSON.stringify(early.body)).toContain('原因分析');
    const ownCompensation = await server.request(
      'PATCH',
      `/api/v1/records/serviceRequest/${id}`,
      { compensation: 3000, version: record.version },
      as('wu'),
    );
    expect(ownCompensation.status).toBe(422);
    record = await call('wu', 'PATCH', `/records/serviceRequest/${id}`, {
      rootCause: '冷却器滤网堵塞，液压油温过高',
      resolution: '上门清洗滤网并更换液压油，试机 4 小时无报警',
      solutions: [solution],
      version: record.version,
    });
    expect(record.solutions).toEqual([solution]);
    await call('zhou', 'PATCH', `/records/serviceRequest/${id}`, {
      compensation: 3000,
      version: record.version,
    });
    expect((await send('wu', 'serviceRequest', id, 'RESOLVE')).record.state).toBe('pendingReview');
    const locked = await server.request(
      'PATCH',
      `/api/v1/records/serviceRequest/${id}`,
      { resolution: '改写', version: (await get('wu', 'serviceRequest', id)).version },
      as('wu'),
    );
    expect(locked.status).toBe(422);
    await refused('wu', 'serviceRequest', id, 'APPROVE');
    expect((await inbox('zhou')).map((item) => [item.id, item.step.id])).toEqual([[id, 'supervisor']]);
    expect(await inbox('zheng')).toEqual([]);
    expect((await send('zhou', 'serviceRequest', id, 'APPROVE', '处理到位')).record.state).toBe('pendingReview');
    expect((await inbox('zheng')).map((item) => [item.id, item.step.id])).toEqual([[id, 'manager']]);
    const resolved = (await send('zheng', 'serviceRequest', id, 'APPROVE', '同意赔偿 3000 元')).record;
    expect(resolved.state).toBe('resolved');
    expect(resolved.resolvedAt).toBeTruthy();
    visit = resolved.returnVisit;
    const planned = await get('zhou', 'returnVisit', visit);
    expect(planned).toMatchObject({
      title: '加工中心反复报警停机',
      serviceRequest: id,
      customer: customer.hangzhou,
      state: 'planned',
      owner_id: users.zhou!.id,
    });
    // The visit's deadline: 2 business days of the work calendar after it was planned, at the same time of day.
    const deadline = (await pendingTimers(visit)).find((timer) => timer.kind === 'sla');
    const plannedAt = toWallTime(Date.parse(planned.created_at), 'Asia/Shanghai');
    const calendar = await loadCalendar(knex());
    const expected = fromWallTime(addBusinessDays(calendar, plannedAt.day, 2), plannedAt.msOfDay, 'Asia/Shanghai');
    const due = new Date(deadline!.dueAt);
    expect(Math.abs(due.getTime() - expected)).toBeLessThan(1000);
    await fireDue(new Date(due.getTime() - 1000).toISOString());
    expect((await get('zhou', 'returnVisit', visit)).sla_breached_at ?? null).toBeNull();
    await fireDue(deadline!.dueAt);
    expect((await get('zhou', 'returnVisit', visit)).sla_breached_at).toBeTruthy();
    expect(await latestNotification('zhou')).toMatchObject({
      entity: 'returnVisit',
      recordId: visit,
      title: { zh: '回访已到期：加工中心反复报警停机', en: 'Return visit due: 加工中心反复报警停机' },
    });
  });

  it('a satisfied visit closes the complaint with the customer’s score; agents do not visit', async () => {
    const noScore = await refused('zhou', 'returnVisit', visit, 'VISIT');
    expect(JSON.stringify(noScore.body)).toContain('满意度');
    const agent = await server.request(
      'PATCH',
      `/api/v1/records/returnVisit/${visit}`,
      { satisfaction: 5, version: (await get('wu', 'returnVisit', visit)).version },
      as('wu'),
    );
    expect(agent.status).toBe(403);
    await refused('wu', 'returnVisit', visit, 'VISIT');
    await call('zhou', 'PATCH', `/records/returnVisit/${visit}`, {
      satisfaction: 5,
      solved: true,
      feedback: '处理及时，设备运行正常',
      version: (await get('zhou', 'returnVisit', visit)).version,
    });
    const done = (await send('zhou', 'returnVisit', visit, 'VISIT')).record;
    expect(done.state).toBe('done');
    expect(done.visitedAt).toBeTruthy();
    // The event has guarded alternatives (an array of transitions); its history row still reads by its title.
    const history = await call('zhou', 'GET', `/records/returnVisit/${visit}/history`);
    expect(history.data.map((row: { titles: { event: { zh: string } } }) => row.titles.event.zh)).toContain(
      '录入回访结果',
    );
    expect(await get('wu', 'serviceRequest', complaint.gold!)).toMatchObject({
      state: 'closed',
      satisfaction: 5,
      customerFeedback: '处理及时，设备运行正常',
    });
  });

  it('a dissatisfied visit opens a follow-up complaint and tells the customer service manager', async () => {
    const id = complaint.standard!;
    const record = await get('wu', 'serviceRequest', id);
    await call('wu', 'PATCH', `/records/serviceRequest/${id}`, {
      rootCause: '密封圈老化',
      resolution: '更换密封圈',
      version: record.version,
    });
    await send('wu', 'serviceRequest', id, 'RESOLVE');
    // No compensation: the service manager's review is the only step.
    const resolved = (await send('zhou', 'serviceRequest', id, 'APPROVE')).record;
    expect(resolved.state).toBe('resolved');
    const visitId = resolved.returnVisit;
    await call('zhou', 'PATCH', `/records/returnVisit/${visitId}`, {
      satisfaction: 2,
      solved: false,
      feedback: '维修后第二天又开始漏油',
      version: (await get('zhou', 'returnVisit', visitId)).version,
    });
    const followedUp = (await send('zhou', 'returnVisit', visitId, 'VISIT')).record;
    expect(followedUp.state).toBe('followUp');
    expect(await get('zhou', 'serviceRequest', id)).toMatchObject({ state: 'closed', satisfaction: 2 });
    const next = await get('zhou', 'serviceRequest', followedUp.followUp);
    expect(next).toMatchObject({
      record_type: 'complaint',
      state: 'received',
      customer: customer.suzhou,
      title: '贴片机维修后仍漏油',
      description: '维修后第二天又开始漏油',
      priority: 'high',
      sourceVisit: visitId,
      owner_id: users.zhou!.id,
    });
    expect(next.receivedAt).toBeTruthy();
    expect(await latestNotification('zheng')).toMatchObject({
      entity: 'returnVisit',
      recordId: visitId,
      title: {
        zh: '回访不满意（2 分）：苏州恒通电子有限公司',
        en: 'Dissatisfied customer (2 of 5): 苏州恒通电子有限公司',
      },
    });
  });
});

describe('docs/templates/service.md', () => {
  it('shows each workflow as its definition says, rendered by scripts/workflow-diagram.mjs', () => {
    const run = (mode: string) =>
      execFileSync(
        process.execPath,
        [
          join(REPO_ROOT, 'scripts/workflow-diagram.mjs'),
          mode,
          join(REPO_ROOT, 'docs/templates/service.md'),
          join(REPO_ROOT, 'templates/service'),
        ],
        { encoding: 'utf8' },
      );
    expect(() => run('--check')).not.toThrow();
  });
});
