import { listEdges, type Edge } from './model';
import type { GraphEdge } from './layout';
import type { Workflow } from './types';

/**
 * What the layout is given for a workflow: its stages in definition order, then targets no stage answers to
 * (drawn so a broken transition can be seen and picked), and every transition with a target and its words.
 */
export function graphInput(
  workflow: Workflow,
  labelOf: (edge: Edge) => string,
): { nodes: string[]; missing: string[]; edges: GraphEdge[] } {
  const listed = listEdges(workflow).filter((e) => e.target);
  const states = Object.keys(workflow.states);
  const missing = [...new Set(listed.map((e) => e.target!).filter((n) => !(n in workflow.states)))];
  const edges = listed.map((e) => ({
    id: e.id,
    source: e.ref.source,
    target: e.target!,
    label: labelOf(e),
    minor: e.kind !== 'on' || workflow.states[e.target!]?.meta?.outcome === 'lost',
  }));
  return { nodes: [...states, ...missing], missing, edges };
}
