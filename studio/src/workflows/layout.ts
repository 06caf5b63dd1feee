import { isFinal, listEdges } from './model';
import type { Workflow } from './types';

export interface Position {
  x: number;
  y: number;
}

export const COLUMN_WIDTH = 215;
export const ROW_HEIGHT = 96;

/**
 * A layered layout, left to right: a state's column is its shortest distance from the initial state,
 * states the walk does not reach come after, final states close the row. Inside a column the states
 * keep their definition order, so the main path (listed first by convention) runs along the top.
 */
export function layoutStates(workflow: Workflow): Map<string, Position> {
  const names = Object.keys(workflow.states);
  const next = new Map<string, string[]>(names.map((n) => [n, []]));
  for (const edge of listEdges(workflow)) {
    if (edge.target && edge.target in workflow.states) next.get(edge.ref.source)!.push(edge.target);
  }
  const column = new Map<string, number>();
  const queue = workflow.initial in workflow.states ? [workflow.initial] : [];
  if (queue.length) column.set(workflow.initial, 0);
  while (queue.length) {
    const current = queue.shift()!;
    for (const target of next.get(current) ?? []) {
      if (column.has(target) || isFinal(workflow.states[target])) continue;
      column.set(target, column.get(current)! + 1);
      queue.push(target);
    }
  }
  let last = Math.max(-1, ...column.values());
  const unreached = names.filter((n) => !column.has(n) && !isFinal(workflow.states[n]));
  if (unreached.length) {
    last += 1;
    for (const n of unreached) column.set(n, last);
  }
  for (const n of names) if (isFinal(workflow.states[n])) column.set(n, last + 1);
  const rows = new Map<number, number>();
  const positions = new Map<string, Position>();
  for (const n of names) {
    const c = column.get(n)!;
    const row = rows.get(c) ?? 0;
    rows.set(c, row + 1);
    positions.set(n, { x: c * COLUMN_WIDTH, y: row * ROW_HEIGHT });
  }
  return positions;
}
