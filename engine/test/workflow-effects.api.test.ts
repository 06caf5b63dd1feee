import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MailReceiver, SMTP_PASSWORD, SMTP_USER } from './support/mail-receiver.js';
import { FIXTURES } from './support/paths.js';
import { startTestServer, type TestServer } from './support/test-server.js';

// The whole path of a transition's external effects: transition → outbox row → the engine's own
// outbox worker → a real SMTP server and a real HTTP receiver.
const SECRET = 'effects-secret';
const mail = new MailReceiver();
const hooks: { body: string; signature: string; timestamp: string }[] = [];
let receiver: Server;
let server: TestServer;
let folder: string;

beforeAll(async () => {
  await mail.start();
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      hooks.push({
        body,
        signature: String(req.headers['x-lodestar-signature']),
        timestamp: String(req.headers['x-lodestar-timestamp']),
      });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/deals`;
  // The fixture's webhook points at a closed port; aim it at this receiver.
  folder = mkdtempSync(join(tmpdir(), 'lodestar-effects-'));
  cpSync(join(FIXTURES, 'workflow-runtime'), folder, { recursive: true });
  const file = join(folder, 'workflows/deal-sales.workflow.json');
  writeFileSync(file, readFileSync(file, 'utf8').replace('http://127.0.0.1:9/hooks/deals', hookUrl));
  server = await startTestServer({
    definitionsDir: folder,
    config: {
      smtp: { host: '127.0.0.1', port: mail.port, user: SMTP_USER, password: SMTP_PASSWORD, from: 'crm@lodestar.test' },
      webhookSecret: SECRET,
    },
  });
});
afterAll(async () => {
  await server?.close();
  await mail.close();
  await new Promise((resolve) => receiver.close(resolve));
  rmSync(folder, { recursive: true, force: true });
});

it('delivers the mail to the owner and the signed webhook after the transition commits', async () => {
  const [owner] = await server.testDb.db
    .knex('lodestar_users')
    .insert({ email: 'li.na@example.com', display_name: '李娜' })
    .returning('id');
  const api = (method: string, path: string, body?: unknown) => server.request(method, `/api/v1/records${path}`, body);
  const deal = (await api('POST', '/deal', { title: '华东区年度采购', amount: 120000, owner_id: owner.id })).body;
  expect((await api('POST', `/deal/${deal.id}/events`, { type: 'QUALIFY' })).status).toBe(200);

  const [received] = await mail.waitFor('li.na@example.com');
  expect(received).toMatchObject({ from: 'crm@lodestar.test', to: ['li.na@example.com'], user: SMTP_USER });
  expect(received!.raw).toContain('Subject: Deal qualified');

  for (let i = 0; i < 100 && !hooks.length; i++) await new Promise((resolve) => setTimeout(resolve, 50));
  expect(hooks).toHaveLength(1);
  const { body, signature, timestamp } = hooks[0]!;
  expect(signature).toBe(`sha256=${createHmac('sha256', SECRET).update(`${timestamp}.${body}`).digest('hex')}`);
  expect(JSON.parse(body)).toMatchObject({
    event: 'QUALIFY',
    entity: 'deal',
    recordId: deal.id,
    from: 'lead',
    to: 'qualified',
    record: { title: '华东区年度采购' },
  });
  // The worker marks a row sent once the receiver has answered, a moment after the request arrived.
  const statuses = () =>
    server.testDb.db.knex('lodestar_outbox').where({ record_id: deal.id }).orderBy('id').pluck('status');
  for (let i = 0; i < 100 && (await statuses()).some((status: string) => status !== 'sent'); i++)
    await new Promise((resolve) => setTimeout(resolve, 50));
  expect(await statuses()).toEqual(['sent', 'sent']);
});
