import dagre from '@dagrejs/dagre';
import { labelSize } from './label-size';

/**
 * The workflow graph's layout, by dagre (a layered layout, the Sugiyama method): stages in ranks along the
 * flow, crossings reduced, and each edge's words laid out as a box of their own in the rank between its
 * stages, so no two labels and no label and stage overlap. Self-loops get a box beside their stage;
 * back-edges run in their own lane. Stages with no transition at all are not part of the flow: they line up
 * under it, so adding a stage moves no other one.
 */

export type Direction = 'LR' | 'TB';
export interface Point {
  x: number;
  y: number;
}
/** A rectangle by its top-left corner, as the graph library places nodes. */
export interface Box extends Point {
  width: number;
  height: number;
}
export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  label: string;
  /** Side paths (to a lost outcome, timers): they may bend so the main path stays straight. */
  minor?: boolean;
}
export interface LaidEdge {
  points: Point[];
  label?: Box;
}
export interface GraphLayout {
  nodes: Map<string, Box>;
  edges: Map<string, LaidEdge>;
  width: number;
  height: number;
}

export const NODE_WIDTH = 160;
export const NODE_HEIGHT = 62;
const GAP = 40;
const RANK_GAP = 36;
const LOOP_GAP = 8;

export function layoutGraph(nodes: string[], edges: GraphEdge[], direction: Direction): GraphLayout {
  const linked = new Set(edges.flatMap((e) => [e.source, e.target]));
  const flow = nodes.filter((n) => linked.has(n));
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: direction, nodesep: GAP, edgesep: 16, ranksep: RANK_GAP, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of flow) g.setNode(n, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const e of edges) {
    if (!g.hasNode(e.source) || !g.hasNode(e.target)) continue;
    // A self-loop always gets a box: the loop is drawn around it.
    const size = e.source === e.target ? labelSize(e.label || ' ') : labelSize(e.label);
    g.setEdge(e.source, e.target, { ...size, labelpos: 'c', weight: e.minor ? 1 : 3, minlen: 1 }, e.id);
  }
  if (flow.length) dagre.layout(g);

  const layout: GraphLayout = { nodes: new Map(), edges: new Map(), width: 0, height: 0 };
  for (const n of flow) {
    const { x, y } = g.node(n);
    layout.nodes.set(n, { x: x - NODE_WIDTH / 2, y: y - NODE_HEIGHT / 2, width: NODE_WIDTH, height: NODE_HEIGHT });
  }
  for (const e of edges) {
    const laid = g.hasNode(e.source) ? g.edge(e.source, e.target, e.id) : undefined;
    if (!laid) continue;
    const label =
      laid.width && laid.x !== undefined && laid.y !== undefined
        ? { x: laid.x - laid.width / 2, y: laid.y - laid.height! / 2, width: laid.width, height: laid.height! }
        : undefined;
    const points =
      e.source === e.target && label ? loopAround(layout.nodes.get(e.source)!, label) : (laid.points ?? []);
    layout.edges.set(e.id, { points, label });
  }
  const bounds = extent([...layout.nodes.values(), ...[...layout.edges.values()].flatMap((e) => e.label ?? [])]);
  // The stages outside the flow, in definition order, on a line under it (wrapping after six).
  const rest = nodes.filter((n) => !flow.includes(n));
  const top = flow.length ? bounds.bottom + RANK_GAP : 0;
  rest.forEach((n, i) =>
    layout.nodes.set(n, {
      x: (i % 6) * (NODE_WIDTH + GAP),
      y: top + Math.floor(i / 6) * (NODE_HEIGHT + GAP),
      width: NODE_WIDTH,
      height: NODE_HEIGHT,
    }),
  );
  const all = extent([...layout.nodes.values(), ...[...layout.edges.values()].flatMap((e) => e.label ?? [])]);
  layout.width = all.right;
  layout.height = all.bottom;
  return layout;
}

/**
 * A self-loop's path: out of the stage's side that faces its label, around the label's far side, and back in,
 * so the words sit inside the loop and the arrow is seen coming back to the stage.
 */
function loopAround(node: Box, label: Box): Point[] {
  const nc = { x: node.x + node.width / 2, y: node.y + node.height / 2 };
  const lc = { x: label.x + label.width / 2, y: label.y + label.height / 2 };
  if (Math.abs(lc.y - nc.y) * node.width >= Math.abs(lc.x - nc.x) * node.height) {
    // Label above or below the stage.
    const down = lc.y > nc.y;
    const edgeY = down ? node.y + node.height : node.y;
    const farY = down ? label.y + label.height + LOOP_GAP : label.y - LOOP_GAP;
    const left = Math.min(label.x - LOOP_GAP, nc.x - 24);
    const right = Math.max(label.x + label.width + LOOP_GAP, nc.x + 24);
    return [
      { x: nc.x - 24, y: edgeY },
      { x: left, y: lc.y },
      { x: left, y: farY },
      { x: right, y: farY },
      { x: right, y: lc.y },
      { x: nc.x + 24, y: edgeY },
    ];
  }
  const rightSide = lc.x > nc.x;
  const edgeX = rightSide ? node.x + node.width : node.x;
  const farX = rightSide ? label.x + label.width + LOOP_GAP : label.x - LOOP_GAP;
  const above = Math.min(label.y - LOOP_GAP, nc.y - 16);
  const below = Math.max(label.y + label.height + LOOP_GAP, nc.y + 16);
  return [
    { x: edgeX, y: nc.y - 16 },
    { x: lc.x, y: above },
    { x: farX, y: above },
    { x: farX, y: below },
    { x: lc.x, y: below },
    { x: edgeX, y: nc.y + 16 },
  ];
}

function extent(boxes: Box[]): { right: number; bottom: number } {
  return {
    right: Math.max(0, ...boxes.map((b) => b.x + b.width)),
    bottom: Math.max(0, ...boxes.map((b) => b.y + b.height)),
  };
}

/** Whether two boxes share any area (touching edges do not count). */
export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
