import { describe, expect, it } from 'vitest';
import { useBrowserSuite } from '../support/browser.js';

/* Confirmations are in-app dialogs in the admin's language, never the browser's confirm box. */
const { server, sessions } = useBrowserSuite({ ui: ['studio'] });

async function openWatched(lang: 'zh' | 'en') {
  const p = await sessions.open(server.adminToken, lang);
  const native: string[] = [];
  p.on('dialog', (d) => {
    native.push(d.message());
    void d.dismiss();
  });
  return { p, native };
}

describe('in-app confirmations', () => {
  it('asks before discarding the draft, and Cancel keeps it', async () => {
    const model = (await server.request('GET', '/api/v1/meta/model')).body.definitions;
    expect((await server.request('PUT', '/api/v1/meta/drafts/studio', { definitions: model })).status).toBe(200);
    const { p, native } = await openWatched('zh');
    await p.goto('/studio/entities');
    const banner = p.getByRole('region', { name: '有尚未发布的更改' });
    await banner.getByRole('button', { name: '放弃草稿' }).click();
    const dialog = p.getByRole('dialog', { name: '放弃草稿中的全部更改？' });
    expect(await dialog.textContent()).toContain('已发布的模型不受影响');
    await dialog.getByRole('button', { name: '取消' }).click();
    expect((await server.request('GET', '/api/v1/meta/drafts/studio')).status).toBe(200);
    await banner.getByRole('button', { name: '放弃草稿' }).click();
    await dialog.getByRole('button', { name: '放弃草稿' }).click();
    await expect.poll(async () => (await server.request('GET', '/api/v1/meta/drafts/studio')).status).toBe(404);
    expect(native).toEqual([]);
  });

  it('asks before deactivating a user, naming them', async () => {
    await server.userToken({ email: 'wang.fang@example.com', displayName: '王芳', roles: ['sales'] });
    const { p, native } = await openWatched('zh');
    await p.goto('/studio/roles');
    await p.getByRole('button', { name: '停用 王芳' }).click();
    const dialog = p.getByRole('dialog', { name: /^停用 王芳？/ });
    await dialog.getByRole('button', { name: '停用', exact: true }).click();
    await expect
      .poll(async () => {
        const users = (await server.request('GET', '/api/v1/admin/users')).body.data as {
          email: string;
          active: boolean;
        }[];
        return users.find((u) => u.email === 'wang.fang@example.com')?.active;
      })
      .toBe(false);
    expect(native).toEqual([]);
  });
});
