import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { draftSaved, screenshot, useBrowserSuite } from '../support/browser.js';

/*
 * The workflow graph as an admin first sees it, in a real Chromium: the sales funnel (11 stages, 26
 * transitions, back-edges, and a self-loop added to the draft) opens with every stage in view, no two
 * transition labels on top of each other or of a stage, and a minimap; a stage added from the toolbar
 * moves no other stage. At 390 px the flow runs down the screen, the toolbar's buttons sit on one line
 * and a stage's panel rises from the bottom as a sheet.
 */
const { server, sessions } = useBrowserSuite({ ui: ['studio'] });

interface Rect {
  id: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The on-screen boxes of what a selector finds, named by their data attribute. */
const rects = (p: Page, selector: string, attribute: string): Promise<Rect[]> =>
  p.locator(selector).evaluateAll(
    (els, attr) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        return { id: el.getAttribute(attr) ?? '', left: r.left, top: r.top, right: r.right, bottom: r.bottom };
      }),
    attribute,
  );

// Half a pixel of slack: rounding of a scaled view may make touching boxes share a sliver.
const overlap = (a: Rect, b: Rect) =>
  a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
const inside = (a: Rect, box: Rect) =>
  a.left >= box.left - 0.5 && a.right <= box.right + 0.5 && a.top >= box.top - 0.5 && a.bottom <= box.bottom + 0.5;

/** Pairs of label boxes, or a label and a stage, that share area on screen. */
async function collisions(p: Page): Promise<string[]> {
  const labels = await rects(p, '[data-edge-label]', 'data-edge-label');
  const states = await rects(p, '.react-flow__node [data-state]', 'data-state');
  const found: string[] = [];
  labels.forEach((a, i) => {
    for (const b of labels.slice(i + 1)) if (overlap(a, b)) found.push(`${a.id} × ${b.id}`);
    for (const s of states) if (overlap(a, s)) found.push(`${a.id} × stage ${s.id}`);
  });
  states.forEach((a, i) => {
    for (const b of states.slice(i + 1)) if (overlap(a, b)) found.push(`stage ${a.id} × stage ${b.id}`);
  });
  return found;
}

/** The stages outside the graph's visible area (none, once the graph has fitted itself). */
async function statesOutOfView(p: Page): Promise<string[]> {
  const [graph] = await rects(p, '.wf-graph', 'class');
  const states = await rects(p, '.react-flow__node [data-state]', 'data-state');
  return states.filter((s) => !inside(s, graph!)).map((s) => s.id);
}

/** Each stage's place in the graph's own coordinates (the node's translate), independent of zoom and pan. */
const places = (p: Page) =>
  p
    .locator('.react-flow__node')
    .evaluateAll((els) => Object.fromEntries(els.map((el) => [el.getAttribute('data-id'), el.style.transform])));

const EDGES = 27; // the funnel's 26 transitions with a target, and the self-loop below

beforeAll(async () => {
  // A self-loop in the draft: "follow up again" keeps a deal in solution proposed.
  const definitions = (await server.request('GET', '/api/v1/meta/model')).body.definitions;
  const funnel = definitions.workflows.find((w: { id: string }) => w.id === 'opportunity-sales');
  funnel.states.solutionProposed.on.FOLLOW_UP = {
    target: 'solutionProposed',
    meta: { title: { zh: '再次跟进', en: 'Follow up again' } },
  };
  const put = await server.request('PUT', '/api/v1/meta/drafts/studio', { definitions });
  expect(put.status).toBeLessThan(300);
  expect(put.body.issues).toEqual([]);
});

describe('the workflow graph', () => {
  it('opens with every stage in view, no overlapping labels and a minimap; adding a stage moves no other', async () => {
    const p = await sessions.open(server.adminToken, 'zh');
    await p.goto('/studio/workflows/opportunity-sales');
    const graph = p.getByRole('region', { name: '流程图' });
    await graph.locator('[data-state="contractSigned"]').waitFor();
    expect(await graph.getAttribute('data-direction')).toBe('LR');
    // Fitted without anyone touching it: the last stages too.
    await expect.poll(() => statesOutOfView(p)).toEqual([]);
    expect(await p.locator('.react-flow__node [data-state]').count()).toBe(11);
    expect(await p.locator('[data-edge-label]').count()).toBe(EDGES);
    expect(await collisions(p)).toEqual([]);
    const loop = p.locator('[data-edge-label="solutionProposed|on|FOLLOW_UP|"]');
    expect(await loop.textContent()).toBe('再次跟进');
    await graph.getByRole('img', { name: '缩略图' }).waitFor();
    await screenshot(p, 'studio-workflow-graph');

    // A stage selected at the far right slides out from under its panel.
    await graph.locator('[data-state="contractSigned"]').click();
    const panel = p.getByRole('complementary', { name: '阶段' });
    const [side] = await rects(p, '.wf-panel', 'class');
    await expect
      .poll(async () => (await rects(p, '.react-flow__node [data-state="contractSigned"]', 'data-state'))[0]!.right)
      .toBeLessThanOrEqual(side!.left);
    await panel.locator('.wf-panel-head .icon-button').click();

    // A label is a handle on its transition: clicking the back-edge's words opens that transition.
    await p.locator('[data-edge-label="contractNegotiation|on|REVISE|"]').click();
    const transition = p.getByRole('complementary', { name: '流转' });
    expect(await transition.getByLabel('目标阶段', { exact: true }).inputValue()).toBe('proposalRevised');
    await transition.locator('.wf-panel-head .icon-button').click();

    // A new stage joins under the flow; every other stage keeps its place, and the view takes it in.
    const before = await places(p);
    await p.getByRole('button', { name: '添加阶段' }).click();
    const dialog = p.getByRole('dialog', { name: '添加阶段' });
    await dialog.getByLabel('中文名称', { exact: true }).fill('暂缓');
    await dialog.getByLabel('英文名称', { exact: true }).fill('On hold');
    await dialog.getByRole('button', { name: '完成' }).click();
    await graph.locator('[data-state="onHold"]').waitFor();
    const after = await places(p);
    expect(Object.keys(after)).toHaveLength(12);
    for (const [id, place] of Object.entries(before)) expect(after[id], id).toBe(place);
    await expect.poll(() => statesOutOfView(p)).toEqual([]);
    expect(await collisions(p)).toEqual([]);
    await draftSaved(p);
  });

  it('shows no minimap for a small workflow', async () => {
    const p = await sessions.open(server.adminToken, 'en');
    await p.goto('/studio/workflows/customer-lifecycle');
    const graph = p.getByRole('region', { name: 'Workflow graph' });
    await graph.locator('.react-flow__node [data-state]').first().waitFor();
    await expect.poll(() => statesOutOfView(p)).toEqual([]);
    expect(await collisions(p)).toEqual([]);
    expect(await p.locator('.react-flow__minimap').count()).toBe(0);
  });

  it('at 390 px runs down the screen, keeps the toolbar on one line and edits a stage in a bottom sheet', async () => {
    const p = await sessions.open(server.adminToken, 'zh');
    await p.setViewportSize({ width: 390, height: 844 });
    await p.goto('/studio/workflows/opportunity-sales');
    const graph = p.getByRole('region', { name: '流程图' });
    await graph.locator('[data-state="contractSigned"]').waitFor();
    expect(await graph.getAttribute('data-direction')).toBe('TB');
    await expect.poll(() => statesOutOfView(p)).toEqual([]);
    expect(await p.locator('[data-edge-label]').count()).toBe(EDGES);
    expect(await collisions(p)).toEqual([]);
    await graph.getByRole('img', { name: '缩略图' }).waitFor();
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // The toolbar's two buttons: one row, neither wrapped nor cut.
    const buttons = p.locator('.wf-toolbar .button');
    expect(await buttons.count()).toBe(2);
    const boxes = await buttons.evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        const line = parseFloat(getComputedStyle(el).lineHeight);
        return { top: r.top, right: r.right, height: el.clientHeight, line, cut: el.scrollWidth > el.clientWidth };
      }),
    );
    expect(boxes[0]!.top).toBe(boxes[1]!.top);
    for (const box of boxes) {
      expect(box.cut).toBe(false);
      expect(box.height).toBeLessThan(box.line * 2);
      expect(box.right).toBeLessThanOrEqual(390);
    }
    // Scrolled to its toolbar, the whole graph is on the screen.
    await p.locator('.wf-toolbar').evaluate((el) => el.scrollIntoView());
    const [onScreen] = await rects(p, '.wf-graph', 'class');
    expect(onScreen!.bottom).toBeLessThanOrEqual(844);
    await screenshot(p, 'studio-workflow-phone');

    // A stage's panel is a sheet along the bottom, the full width, its close button in reach.
    await graph.locator('[data-state="needsIdentified"]').click();
    const stage = p.getByRole('complementary', { name: '阶段' });
    await stage.waitFor();
    const sheet = (await stage.boundingBox())!;
    expect(sheet.x).toBe(0);
    expect(sheet.width).toBe(390);
    expect(Math.round(sheet.y + sheet.height)).toBe(844);
    expect(sheet.height).toBeLessThan(844);
    // The tapped stage stays in sight above the sheet.
    await expect
      .poll(async () => (await rects(p, '.react-flow__node [data-state="needsIdentified"]', 'data-state'))[0]!.bottom)
      .toBeLessThanOrEqual(sheet.y);
    const close = stage.locator('.wf-panel-head .icon-button');
    const closeBox = (await close.boundingBox())!;
    expect(closeBox.x + closeBox.width).toBeLessThanOrEqual(390);
    expect(closeBox.y).toBeGreaterThanOrEqual(sheet.y);
    await screenshot(p, 'studio-workflow-phone-sheet');
    await close.click();
    await expect.poll(() => stage.count()).toBe(0);
  });
});
