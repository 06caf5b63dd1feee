import { toMilliseconds, type EntityDefinition, type StateMeta, type WorkflowDefinition } from '@lodestar/core';
import type { FieldKind } from '../model/types';

/* Pure reading of a workflow definition for the board: columns, the events that move between them, ages. */

export interface BoardColumn {
  state: string;
  meta: StateMeta;
  final: boolean;
}

/** One column per state in definition order, final states last (a board reads left to right towards the end). */
export function boardColumns(workflow: WorkflowDefinition): BoardColumn[] {
  const columns = Object.entries(workflow.states).map(([state, node]) => ({
    state,
    meta: node.meta ?? {},
    final: node.type === 'final',
  }));
  return [...columns.filter((c) => !c.final), ...columns.filter((c) => c.final)];
}

/** An event of `from` and where it leads (the first branch with a target, as the engine would try it). */
export interface Move {
  event: string;
  target: string;
}

/** Every event the state `from` defines that has a target state other than itself. */
export function movesFrom(workflow: WorkflowDefinition, from: string): Move[] {
  const on = workflow.states[from]?.on ?? {};
  const moves: Move[] = [];
  for (const [event, definition] of Object.entries(on)) {
    // A transition is a target's name, one transition, or guarded branches (the meta-schema allows all three).
    const branches = Array.isArray(definition) ? definition : [definition];
    const targets = new Set(
      branches.map((b) => (typeof b === 'string' ? b : b.target)).filter((t): t is string => !!t && t !== from),
    );
    for (const target of targets) moves.push({ event, target });
  }
  return moves;
}

/** The events of `from` that lead to `to`: none means no direct move, several need the user to choose. */
export function eventsBetween(workflow: WorkflowDefinition, from: string, to: string): string[] {
  return movesFrom(workflow, from)
    .filter((m) => m.target === to)
    .map((m) => m.event);
}

/** Milliseconds of an ISO 8601 duration (`P14D`, `PT36H`, `P1W`), read as the engine reads it; undefined when unreadable. */
export function durationMs(iso: string | undefined): number | undefined {
  return iso ? toMilliseconds(iso) : undefined;
}

const DAY = 86_400_000;

/** Whole days since a timestamp (0 for today or an unreadable value). */
export function daysSince(timestamp: unknown, now = Date.now()): number {
  const at = typeof timestamp === 'string' ? Date.parse(timestamp) : NaN;
  return Number.isNaN(at) ? 0 : Math.max(0, Math.floor((now - at) / DAY));
}

/** Whether a record has been in its stage longer than the stage's `stuckAfter`. */
export function isStuck(meta: StateMeta | undefined, stateEnteredAt: unknown, now = Date.now()): boolean {
  const limit = durationMs(meta?.stuckAfter);
  const at = typeof stateEnteredAt === 'string' ? Date.parse(stateEnteredAt) : NaN;
  return limit !== undefined && !Number.isNaN(at) && now - at > limit;
}

/**
 * The first many-to-one field a card shows (e.g. the customer of an opportunity): the entity's relations in
 * form order, skipping the title field. Generic: only kinds and `x-ui.order` decide.
 */
export function firstRelationField(
  entity: EntityDefinition,
  kinds: Record<string, FieldKind> | undefined,
): string | undefined {
  const order = (name: string) => entity.properties[name]?.['x-ui']?.order ?? Number.MAX_SAFE_INTEGER;
  return Object.keys(entity.properties)
    .filter((name) => kinds?.[name] === 'manyToOne' && !entity.properties[name]?.['x-ui']?.hidden)
    .sort((a, b) => order(a) - order(b))[0];
}
