import { pick, type Lang } from '@lodestar/ui-shared';
import type { DefinitionSet, LocalizedText as Localized } from '@lodestar/core';
import type { EdgeRef, Reference, State, Transition, TransitionConfig, Workflow } from './types';

/** One drawn transition: its place in the definition, its target, whether the designer edits it. */
export interface Edge {
  id: string;
  ref: EdgeRef;
  kind: 'on' | 'after' | 'always';
  /** The event (`on`), the delay (`after`), empty for `always`. */
  key: string;
  target?: string;
  transition: Transition;
}

export function workflowIn(set: DefinitionSet, id: string): Workflow | undefined {
  return set.workflows.find((w) => w.id === id) as Workflow | undefined;
}

/** Every transition of every state in definition order, with the string and list shorthands expanded. */
export function listEdges(workflow: Workflow): Edge[] {
  const edges: Edge[] = [];
  for (const [source, state] of Object.entries(workflow.states)) {
    for (const [key, config] of Object.entries(state.on ?? {})) edges.push(...expand(source, 'on', key, config));
    for (const [key, config] of Object.entries(state.after ?? {})) edges.push(...expand(source, 'after', key, config));
    if (state.always !== undefined) edges.push(...expand(source, 'always', '', state.always));
  }
  return edges;
}

function expand(source: string, kind: Edge['kind'], key: string, config: TransitionConfig): Edge[] {
  const list = typeof config === 'string' ? [{ target: config }] : Array.isArray(config) ? config : [config];
  return list.map((transition, i) => {
    const index = Array.isArray(config) ? i : undefined;
    return {
      id: `${source}|${kind}|${key}|${index ?? ''}`,
      ref: { source, event: key, index },
      kind,
      key,
      target: transition.target,
      transition,
    };
  });
}

/** The `on` transition an edge points at, as an object (a string shorthand is read as `{ target }`). */
export function transitionAt(workflow: Workflow, ref: EdgeRef): Transition | undefined {
  const config = workflow.states[ref.source]?.on?.[ref.event];
  if (config === undefined) return undefined;
  if (typeof config === 'string') return { target: config };
  return Array.isArray(config) ? config[ref.index ?? 0] : config;
}

/** The JSON pointer of an `on` transition, as the engine's issues name it. */
export function edgePointer(ref: EdgeRef): string {
  return `/states/${escape(ref.source)}/on/${escape(ref.event)}${ref.index === undefined ? '' : `/${ref.index}`}`;
}

export function statePointer(name: string): string {
  return `/states/${escape(name)}`;
}

function escape(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function text(value: Localized | undefined, lang: Lang, fallback: string): string {
  return pick(value, lang) || fallback;
}

export function stateTitle(workflow: Workflow, name: string, lang: Lang): string {
  return text(workflow.states[name]?.meta?.title, lang, name);
}

export function isFinal(state: State | undefined): boolean {
  return state?.type === 'final';
}

export function refName(ref: Reference | undefined): string {
  return ref === undefined ? '' : typeof ref === 'string' ? ref : ref.type;
}

export function refParams(ref: Reference | undefined): Record<string, unknown> {
  return ref && typeof ref === 'object' ? (ref.params ?? {}) : {};
}

/** The states whose transitions point at `name` (other than itself). */
export function pointingAt(workflow: Workflow, name: string): string[] {
  return [
    ...new Set(
      listEdges(workflow)
        .filter((e) => e.target === name && e.ref.source !== name)
        .map((e) => e.ref.source),
    ),
  ];
}
