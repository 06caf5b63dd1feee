import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, expect } from 'vitest';
import { REPO_ROOT } from './paths.js';
import type { TestServer } from './test-server.js';

/**
 * A definitions folder holding the standard CRM and one shipped add-on (so the studio's 模板库 offers it),
 * copied for this test file and removed after it.
 */
export function standardWithAddon(addon: string): string {
  const folder = mkdtempSync(join(tmpdir(), `lodestar-${addon}-ui-`));
  for (const part of ['schemas', 'workflows', 'roles.json', 'template.json', `templates/${addon}`])
    cpSync(join(REPO_ROOT, part), join(folder, part), { recursive: true });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  return folder;
}

/** The title of the stage the record page marks as current. */
export const currentStage = (page: Page): Promise<string | undefined> =>
  page
    .getByTestId('stage-path')
    .locator('[aria-current="step"] .stage-step-title')
    .textContent()
    .then((text) => text?.trim());

/** An API call that must succeed (as the admin unless a token is given); answers the body. */
export function apiOf(server: TestServer) {
  return async (method: string, path: string, body?: unknown, token = server.adminToken) => {
    const answer = await server.request(method, `/api/v1${path}`, body, { authorization: `Bearer ${token}` });
    expect(answer.status, `${method} ${path}: ${JSON.stringify(answer.body)}`).toBeLessThan(300);
    return answer.body;
  };
}
