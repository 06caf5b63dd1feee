import { describe, expect, it } from 'vitest';
import { DESIGNER_MESSAGES } from './designer-messages';
import { edgeLabel } from './edge-words';
import { graphInput } from './graph-input';
import { labelSize } from './label-size';
import { layoutGraph, overlaps, type Box, type Direction, type GraphLayout } from './layout';
import type { Workflow } from './types';

// Every workflow the product ships: the default set and each template's.
const shipped = {
  ...import.meta.glob<Workflow>('../../../workflows/*.workflow.json', { eager: true, import: 'default' }),
  ...import.meta.glob<Workflow>('../../../templates/*/workflows/*.workflow.json', { eager: true, import: 'default' }),
};

const laidOut = (workflow: Workflow, lang: 'zh' | 'en', direction: Direction) => {
  const input = graphInput(workflow, (e) => edgeLabel(e, lang, DESIGNER_MESSAGES[lang], []));
  return { input, layout: layoutGraph(input.nodes, input.edges, direction) };
};

/** Every pair of boxes that share area, named, so a failure says which. */
function collisions(layout: GraphLayout): string[] {
  const boxes: [string, Box][] = [
    ...[...layout.nodes].map(([n, b]): [string, Box] => [`state ${n}`, b]),
    ...[...layout.edges].flatMap(([id, e]): [string, Box][] => (e.label ? [[`label ${id}`, e.label]] : [])),
  ];
  const found: string[] = [];
  boxes.forEach(([a, boxA], i) =>
    boxes.slice(i + 1).forEach(([b, boxB]) => overlaps(boxA, boxB) && found.push(`${a} × ${b}`)),
  );
  return found;
}

const wf = (states: Workflow['states'], initial = Object.keys(states)[0]!): Workflow =>
  ({ id: 'w', initial, meta: { entity: 'deal', title: { zh: 'w', en: 'w' } }, states }) as unknown as Workflow;

describe('the workflow graph layout', () => {
  it('covers the shipped workflows', () => {
    expect(Object.keys(shipped).length).toBeGreaterThanOrEqual(15);
  });

  for (const [file, workflow] of Object.entries(shipped)) {
    const name = file.replace(/^.*\.\.\//, '');
    for (const direction of ['LR', 'TB'] as const)
      it(`${name} (${direction}): stages and labels never overlap, every transition is drawn`, () => {
        for (const lang of ['zh', 'en'] as const) {
          const { input, layout } = laidOut(workflow, lang, direction);
          expect(collisions(layout)).toEqual([]);
          expect([...layout.nodes.keys()].sort()).toEqual([...input.nodes].sort());
          for (const edge of input.edges) {
            const laid = layout.edges.get(edge.id)!;
            expect(laid.points.length, edge.id).toBeGreaterThanOrEqual(2);
            expect(laid.label, edge.id).toMatchObject(labelSize(edge.label));
          }
          for (const box of layout.nodes.values()) {
            expect(box.x).toBeGreaterThanOrEqual(0);
            expect(box.y).toBeGreaterThanOrEqual(0);
            expect(box.x + box.width).toBeLessThanOrEqual(layout.width);
            expect(box.y + box.height).toBeLessThanOrEqual(layout.height);
          }
        }
      });
  }

  it('gives a self-loop its own label box beside the stage, and a loop out of and back into it', () => {
    const w = wf({
      open: { on: { GO: 'working' } },
      working: {
        on: { NUDGE: { target: 'working', meta: { title: { zh: '再次提醒', en: 'Remind again' } } }, DONE: 'done' },
      },
      done: { type: 'final' },
    } as Workflow['states']);
    for (const direction of ['LR', 'TB'] as const) {
      const { layout } = laidOut(w, 'zh', direction);
      expect(collisions(layout)).toEqual([]);
      const loop = layout.edges.get('working|on|NUDGE|')!;
      const node = layout.nodes.get('working')!;
      const onBorder = (p: { x: number; y: number }) =>
        [node.x, node.x + node.width].includes(p.x) || [node.y, node.y + node.height].includes(p.y);
      expect(onBorder(loop.points[0]!)).toBe(true);
      expect(onBorder(loop.points.at(-1)!)).toBe(true);
      // The words sit inside the loop: every point of the loop is outside the label box.
      for (const p of loop.points) expect(overlaps({ ...p, width: 0.001, height: 0.001 }, loop.label!)).toBe(false);
    }
  });

  it('runs a back-edge in its own lane with its own label, pointing back', () => {
    const w = wf({
      draft: { on: { SUBMIT: 'review' } },
      review: { on: { APPROVE: 'approved', RETURN: 'draft', REJECT: 'rejected' } },
      approved: { type: 'final' },
      rejected: { type: 'final' },
    } as Workflow['states']);
    const { layout } = laidOut(w, 'en', 'LR');
    expect(collisions(layout)).toEqual([]);
    const back = layout.edges.get('review|on|RETURN|')!;
    const forward = layout.edges.get('draft|on|SUBMIT|')!;
    expect(back.points[0]!.x).toBeGreaterThan(back.points.at(-1)!.x);
    expect(back.label!.y).not.toBe(forward.label!.y);
  });

  it('keeps every other stage where it was when a stage is added', () => {
    const workflow = shipped['../../../workflows/opportunity-sales.workflow.json']!;
    const before = laidOut(workflow, 'zh', 'LR').layout;
    const grown = structuredClone(workflow);
    grown.states.pilot = { meta: { title: { zh: '试点', en: 'Pilot' } } } as Workflow['states'][string];
    const after = laidOut(grown, 'zh', 'LR').layout;
    for (const [name, box] of before.nodes) expect(after.nodes.get(name), name).toEqual(box);
    for (const [id, edge] of before.edges) expect(after.edges.get(id), id).toEqual(edge);
    const pilot = after.nodes.get('pilot')!;
    expect(pilot.y).toBeGreaterThanOrEqual(before.height);
    expect(collisions(after)).toEqual([]);
    // Same definition, same picture.
    expect(laidOut(grown, 'zh', 'LR').layout).toEqual(after);
  });

  it('draws a transition to a stage that does not exist, to a placeholder in the flow', () => {
    const w = wf({ open: { on: { GO: 'nowhere' } } } as Workflow['states']);
    const { input, layout } = laidOut(w, 'zh', 'LR');
    expect(input.missing).toEqual(['nowhere']);
    expect(layout.nodes.get('nowhere')!.x).toBeGreaterThan(layout.nodes.get('open')!.x);
  });

  it('lays out a workflow of one stage and no transitions', () => {
    const { layout } = laidOut(wf({ only: {} } as Workflow['states']), 'zh', 'LR');
    expect(layout.nodes.get('only')).toMatchObject({ x: 0, y: 0 });
    expect(layout.edges.size).toBe(0);
  });
});
