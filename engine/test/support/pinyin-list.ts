import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbKind } from './test-db.js';
import { startTestServer, type TestServer } from './test-server.js';

/** Customer names whose pinyin order differs from their code point order (上 U+4E0A comes before 北 U+5317). */
export const PINYIN_NAMES = ['上海浦东', '北京中关村', '广州天河', '阿里云', '张江高科', '杭州西湖', 'Acme'];
/** ICU's zh order: Han in pinyin order, then Latin. */
export const PINYIN_ORDER = ['阿里云', '北京中关村', '广州天河', '杭州西湖', '上海浦东', '张江高科', 'Acme'];

/**
 * The list sorts text in pinyin order on either database, page by page through keyset cursors, in both
 * directions, and kanban groups by a text field come in the same order.
 */
export function pinyinListSuite(kind: DbKind): void {
  describe(`pinyin order on ${kind}`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer({ kind });
      for (const name of PINYIN_NAMES) {
        const created = await server.request('POST', '/api/v1/records/customer', {
          record_type: 'company',
          name,
          industry: 'manufacturing',
        });
        expect(created.status, JSON.stringify(created.body)).toBe(201);
      }
    }, 120_000);
    afterAll(() => server?.close());

    async function pages(sort: string): Promise<string[]> {
      const names: string[] = [];
      let cursor: string | undefined;
      do {
        const query = `sort=${sort}&limit=2&fields=name${cursor ? `&cursor=${cursor}` : ''}`;
        const page = await server.request('GET', `/api/v1/records/customer?${query}`);
        expect(page.status, JSON.stringify(page.body)).toBe(200);
        names.push(...page.body.data.map((r: { name: string }) => r.name));
        cursor = page.body.nextCursor ?? undefined;
      } while (cursor);
      return names;
    }

    it('sorts names in pinyin order across pages, ascending and descending', async () => {
      expect(await pages('name')).toEqual(PINYIN_ORDER);
      expect(await pages('-name')).toEqual([...PINYIN_ORDER].reverse());
    });

    it('keeps the order when names tie and the id breaks the tie', async () => {
      const second = await server.request('POST', '/api/v1/records/customer', {
        record_type: 'company',
        name: '上海浦东',
        industry: 'manufacturing',
      });
      expect(second.status).toBe(201);
      const names = await pages('name,-created_at');
      expect(names).toEqual([...PINYIN_ORDER.slice(0, 5), '上海浦东', ...PINYIN_ORDER.slice(5)]);
    });

    it('orders groups of equal size by their text key in pinyin order', async () => {
      const groups = await server.request('GET', '/api/v1/records/customer/groups?by=name');
      expect(groups.status, JSON.stringify(groups.body)).toBe(200);
      const keys = (groups.body.groups ?? groups.body.data).map((g: { key: string }) => g.key);
      expect(keys).toEqual(['上海浦东', ...PINYIN_ORDER.filter((n) => n !== '上海浦东')]);
    });
  });
}
