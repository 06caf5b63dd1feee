import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadInstalledDemo } from '../src/demo/load-installed.js';
import type { DemoSummary } from '../src/demo/load-demo.js';
import { removeDemo } from '../src/demo/remove-demo.js';
import { openSession } from '../src/identity/sessions.js';
import { REPO_ROOT, startTestServer, type TestServer } from './support/test-server.js';

/*
 * Issue 16's closing test: every shipped add-on template installed together on the standard CRM, the demo
 * data of all of them loaded once (as the first-run checkbox does), the schedules and timers the load queued
 * left to run, then each demo user asks every dashboard it may see for every widget's figures. A widget that
 * answers nothing for a role meant to read it is a finding (demo data, role or engine); a dashboard a role
 * may not see answers 404.
 */

const ADDONS = ['sales-to-cash', 'customer-pool', 'marketing', 'service'];

let server: TestServer;
let summary: DemoSummary;
let loadSeconds: number;
const knex = () => server.testDb.db.knex;

interface DashboardJson {
  id: string;
  widgets: { id: string; kind: string }[];
}

/** Whether an answer holds a figure: an aggregate row with a count or value, a report with a positive number. */
function hasFigures(body: unknown): boolean {
  const answer = body as { kind: string; rows?: { count: number | null; value: number | null }[]; data?: unknown };
  if (answer.kind === 'aggregate') return (answer.rows ?? []).some((r) => (r.count ?? 0) > 0 && r.value !== null);
  const positive = (value: unknown): boolean =>
    typeof value === 'number'
      ? value > 0
      : Array.isArray(value)
        ? value.some(positive)
        : value !== null && typeof value === 'object' && Object.values(value).some(positive);
  return positive(answer.data);
}

async function tokenOf(email: string): Promise<string> {
  const user = (await knex()('lodestar_users').where({ email }).first('id')) as { id: string };
  return (await openSession(knex(), user.id, new Date())).token;
}

async function waitFor(what: string, done: () => Promise<boolean>, seconds = 60): Promise<void> {
  for (let i = 0; i < seconds * 5; i++) {
    if (await done()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

beforeAll(async () => {
  server = await startTestServer();
  for (const name of ADDONS) {
    const res = await server.request('POST', `/api/v1/meta/templates/shipped/${name}/install`, {});
    expect(res.status, `${name}: ${JSON.stringify(res.body)}`).toBe(201);
  }
  const started = Date.now();
  summary = await loadInstalledDemo(knex(), server.engine.ctx.models.current(), REPO_ROOT, new Date()).catch(
    (error: { issues?: unknown }) => {
      throw new Error(`${String(error)} ${JSON.stringify(error.issues)}`);
    },
  );
  loadSeconds = (Date.now() - started) / 1000;
  // What the load queued: the nightly segment schedules run once now, and timers already due fire.
  await waitFor('the queued schedule runs', async () => {
    const open = await knex()('lodestar_schedule_runs').whereIn('status', ['queued', 'running']).count({ n: '*' });
    return Number(open[0]!.n) === 0;
  });
  await waitFor('the due timers', async () => {
    const due = await knex()('lodestar_timers')
      .where({ status: 'pending' })
      .where('due_at', '<=', new Date())
      .count({ n: '*' });
    return Number(due[0]!.n) === 0;
  });
}, 900_000);

afterAll(async () => {
  await server?.close();
});

describe('all templates with demo data', () => {
  it('project-delivery cannot join them: it is a base template of its own, which would replace the CRM', async () => {
    const res = await server.request('POST', '/api/v1/meta/templates/shipped/project-delivery/install', {});
    // Installed over the standard CRM it would drop its tables: the installer stops at the destructive steps.
    expect(res.status).toBe(409);
    expect(res.body.i18n.en).toContain('destructive step(s) need confirmation');
    expect(res.body.i18n.en).toContain('drop table opportunity');
    expect(res.body.i18n.zh).toContain('删除「商机」的数据表');
  });

  it('loads in one go with no step refused', async () => {
    console.info(
      `demo load: ${loadSeconds.toFixed(1)} s, ${summary.events} events, refused ${summary.refusedCount}`,
      JSON.stringify(summary.refused),
      JSON.stringify(summary.counts),
    );
    console.info(
      summary.files
        .filter((f) => f.seconds >= 1)
        .map((f) => `${f.file} ${f.seconds}s`)
        .join('\n'),
    );
    // The standard CRM's service walk takes only requests in its own first stage, so the complaints the
    // service add-on's workflow handles are walked by the add-on's complaint walk alone; a complaint created
    // without "received at" gets the time it was created (the complaint workflow's first stage sets it if empty).
    expect(summary.refused).toEqual([]);
    expect(summary.refusedCount).toBe(0);
    const complaints = await knex()('serviceRequest').where({ record_type: 'complaint' }).whereNull('receivedAt');
    expect(complaints).toEqual([]);
    for (const entity of ['campaign', 'lead', 'survey', 'surveyAnswer', 'serviceContract', 'solution', 'returnVisit'])
      expect(summary.counts[entity], entity).toBeGreaterThan(0);
  });

  it('every dashboard a demo user may see answers every widget with figures', async () => {
    const all = (await server.request('GET', '/api/v1/dashboards')).body.data as DashboardJson[];
    const findings: string[] = [];
    const seen = new Map<string, Set<string>>();
    for (const user of summary.users) {
      const headers = { authorization: `Bearer ${await tokenOf(user.email)}` };
      const visible = (await server.request('GET', '/api/v1/dashboards', undefined, headers)).body
        .data as DashboardJson[];
      for (const dashboard of visible)
        for (const widget of dashboard.widgets) {
          const res = await server.request(
            'GET',
            `/api/v1/dashboards/${dashboard.id}/widgets/${widget.id}`,
            undefined,
            headers,
          );
          const where = `${user.roles.join('+')} (${user.name}) ${dashboard.id}/${widget.id}`;
          if (res.status !== 200) findings.push(`${where}: ${res.status} ${JSON.stringify(res.body)}`);
          else if (!hasFigures(res.body)) findings.push(`${where}: no figures`);
          for (const role of user.roles) seen.set(role, (seen.get(role) ?? new Set()).add(dashboard.id));
        }
      // A dashboard left out of the list answers 404 for its widgets.
      for (const dashboard of all.filter((d) => !visible.some((v) => v.id === d.id))) {
        const res = await server.request(
          'GET',
          `/api/v1/dashboards/${dashboard.id}/widgets/${dashboard.widgets[0]!.id}`,
          undefined,
          headers,
        );
        if (res.status !== 404 && res.status !== 403)
          findings.push(`${user.name} ${dashboard.id}: hidden but answered ${res.status}`);
      }
    }
    console.info([...seen].map(([role, ids]) => `${role}: ${[...ids].join(', ')}`).join('\n'));
    // A few figures as the administrator sees them, for the record of what the demo company looks like.
    const figures: string[] = [];
    for (const [dashboard, widget] of [
      ['marketing-results', 'campaign-cost'],
      ['marketing-results', 'campaign-revenue'],
      ['marketing-results', 'customers-by-rfm'],
      ['service-quality', 'open-complaints'],
      ['service-quality', 'escalated-complaints'],
      ['service-quality', 'visit-satisfaction'],
      ['service-quality', 'contracts-by-level'],
    ]) {
      const rows = (await server.request('GET', `/api/v1/dashboards/${dashboard}/widgets/${widget}`)).body.rows as {
        key: unknown;
        value: number;
      }[];
      figures.push(
        `${widget}: ${rows.map((r) => (r.key === null ? r.value : `${String(r.key)} ${r.value}`)).join(', ')}`,
      );
    }
    console.info(figures.join('\n'));
    expect(findings).toEqual([]);
    // The lawyer (and finance) read the contract review desk, with figures in every widget (findings above).
    expect([...(seen.get('legal') ?? [])]).toContain('contract-review');
    expect([...(seen.get('finance') ?? [])]).toContain('contract-review');
    // Each template's dashboards reach a role of the demo company.
    const reached = new Set([...seen.values()].flatMap((ids) => [...ids]));
    expect(all.map((d) => d.id).filter((id) => !reached.has(id))).toEqual([]);
  }, 120_000);

  it('removes every demo row in one step, the rows workflow actions made included', async () => {
    const removed = await removeDemo(knex(), server.engine.ctx.models.current());
    expect(removed.campaign).toBeGreaterThan(0);
    for (const table of ['campaign', 'lead', 'survey', 'surveyResponse', 'serviceContract', 'solution', 'returnVisit'])
      expect(Number((await knex()(table).count({ n: '*' }))[0]!.n), table).toBe(0);
    for (const table of ['customer', 'contact', 'opportunity', 'serviceRequest', 'quote', 'payment'])
      expect(Number((await knex()(table).count({ n: '*' }))[0]!.n), table).toBe(0);
  }, 120_000);
});
