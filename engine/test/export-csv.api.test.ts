import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/test-server.js';

/* CSV export over HTTP against PostgreSQL: safe to open in a spreadsheet, and exactly the view. */
let server: TestServer;

const exportText = async (path: string) => {
  const response = await fetch(`${server.engine.url}/api/v1${path}`, { headers: { authorization: `Bearer ${server.adminToken}` } });
  expect(response.status).toBe(200);
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
};

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

describe('CSV export: formula injection', () => {
  it('neutralises text cells starting with = + - @ tab or CR, and leaves numbers numbers', async () => {
    const names = ['=HYPERLINK("http://evil.example","x")', '+cmd|calc', '-2+3', '@SUM(A1)', '\t=1', '\r=1'];
    for (const name of names) {
      const res = await server.request('POST', '/api/v1/records/customer', { record_type: 'company', name, industry: 'retail', annualRevenue: 5 });
      expect(res.status, name).toBe(201);
    }
    const csv = await exportText('/records/customer/export?format=raw&fields=name,annualRevenue&sort=created_at');
    const lines = csv.replace(/^\uFEFF/, '').split('\n');
    for (const name of names) {
      const quoted = `'${name}`;
      expect(csv.includes(quoted) || csv.includes(`"${quoted.replace(/"/g, '""')}"`), name).toBe(true);
    }
    // No cell starts with a formula character; numbers stay numbers.
    const cells = lines.slice(1).filter(Boolean).map((line) => line.replace(/^"/, ''));
    expect(cells.every((c) => !/^[=+\-@\t\r]/.test(c))).toBe(true);
    expect(lines.slice(1).filter(Boolean).every((line) => line.endsWith(',5'))).toBe(true);
  });
});
