import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { REPO_ROOT } from './paths.js';
import { startTestServer, type TestServer, type TestServerOptions } from './test-server.js';

/** Debian's chromium (`npm test` installs it when missing); CHROMIUM_PATH points elsewhere. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Without the networking flags Chromium keeps calling hosts a closed network refuses (STACK-NOTES.md).
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}: run \`npm test\` (it installs Debian's chromium) or set CHROMIUM_PATH`,
    );
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

export type UiLang = 'zh' | 'en';

/**
 * A signed-in browser session on the runtime UI: a laptop-sized window whose storage already holds
 * the user's token and language (as after signing in and picking it), so a test starts where a user would.
 */
export async function signedInPage(
  browser: Browser,
  baseUrl: string,
  token: string,
  lang: UiLang = 'zh',
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 1366, height: 768 },
    locale: lang === 'zh' ? 'zh-CN' : 'en-US',
    timezoneId: 'Asia/Shanghai',
  });
  await context.addInitScript(
    ([t, l]) => {
      if (!sessionStorage.getItem('lodestar.test.seeded')) {
        localStorage.setItem('lodestar.token', t!);
        localStorage.setItem('lodestar.lang', l!);
        sessionStorage.setItem('lodestar.test.seeded', '1');
      }
    },
    [token, lang],
  );
  const page = await context.newPage();
  return { context, page };
}

export type UiApp = 'runtime-ui' | 'studio';

/** The built web apps must exist: the engine serves runtime-ui/dist and studio/dist (`npm test` builds them). */
export function requireBuiltUi(apps: readonly UiApp[] = ['runtime-ui']): void {
  for (const app of apps) {
    if (!existsSync(join(REPO_ROOT, app, 'dist/index.html')))
      throw new Error(`${app}/dist is missing: run \`npm run build\` (npm test does)`);
  }
}

/**
 * Signed-in pages opened one after another in a test file: `open` starts a user's session, `current`
 * is the page last opened (for failure screenshots), `close` ends them all.
 */
export function browserSessions(browser: () => Browser, baseUrl: () => string) {
  const contexts: BrowserContext[] = [];
  let current: Page | undefined;
  return {
    async open(token: string, lang: UiLang): Promise<Page> {
      const session = await signedInPage(browser(), baseUrl(), token, lang);
      contexts.push(session.context);
      session.page.setDefaultTimeout(15_000);
      current = session.page;
      return session.page;
    },
    current: () => current,
    async close(): Promise<void> {
      for (const context of contexts) await context.close();
    },
  };
}

/** Waits until the studio's draft banner says every edit reached the engine. */
export async function draftSaved(page: Page): Promise<void> {
  await expect
    .poll(() =>
      page.getByRole('region', { name: /有尚未发布的更改|Unpublished changes/ }).getAttribute('data-save-state'),
    )
    .toBe('saved');
}

/**
 * Saves a screenshot of the page to docs/screenshots/<name>.png when LODESTAR_SCREENSHOTS=1
 * (`npm run screenshots`), so the README's pictures are taken by the same tests that check the screens.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.LODESTAR_SCREENSHOTS !== '1') return;
  const dir = join(REPO_ROOT, 'docs/screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: false });
}

/** After a failed test, what the browser showed: test-results/<test name>.png (not committed). */
export async function keepFailureScreenshot(
  page: Page | undefined,
  task: { name: string; result?: { state?: string } },
): Promise<void> {
  if (!page || task.result?.state !== 'fail') return;
  const dir = join(REPO_ROOT, 'test-results');
  mkdirSync(dir, { recursive: true });
  await page
    .screenshot({ path: join(dir, `${task.name.replace(/[^\w\u4e00-\u9fff-]+/g, '_').slice(0, 80)}.png`) })
    .catch(() => undefined);
}

/**
 * What every browser test file sets up, once: the built apps it needs, an engine on a fresh database
 * (`server`: startTestServer's options), Chromium, signed-in `sessions`, a screenshot of the page a
 * failed test left (`failurePage`, default the last session opened), and all of it closed afterwards.
 * Call it at the top of the file; hooks the file adds run after this setup and before this teardown.
 * `server` and `browser` stand for the started ones, so they can be named before they exist.
 */
export function useBrowserSuite(
  options: { ui?: readonly UiApp[]; server?: TestServerOptions; failurePage?: () => Page | undefined } = {},
) {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  const sessions = browserSessions(
    () => browser!,
    () => server!.url,
  );
  beforeAll(async () => {
    requireBuiltUi(options.ui);
    server = await startTestServer(options.server);
    browser = await launchBrowser();
  });
  afterEach(({ task }) => keepFailureScreenshot(options.failurePage?.() ?? sessions.current(), task));
  afterAll(async () => {
    await sessions.close();
    await browser?.close();
    await server?.close();
  });
  return {
    server: startedLater(() => server, 'The test server'),
    browser: startedLater(() => browser, 'Chromium'),
    sessions,
  };
}

/** An object that forwards to the one `current` returns once a beforeAll has made it; before that it throws. */
function startedLater<T extends object>(current: () => T | undefined, what: string): T {
  return new Proxy({} as T, {
    get(_, key) {
      const target = current();
      if (!target) throw new Error(`${what} is not started yet: use it in a test or a hook, after useBrowserSuite's`);
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
