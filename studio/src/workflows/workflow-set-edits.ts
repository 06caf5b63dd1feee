import type { DefinitionSet } from '@lodestar/core';
import { stateIdFrom, workflowIdFrom } from './ids';
import type { Workflow } from './types';

/* Pure edits of the draft's list of workflows: create, copy, remove. */

export interface NewWorkflow {
  title: { zh: string; en: string };
  entity: string;
  recordType?: string;
  /** The first stage's title; its id is derived from it. */
  initialTitle: { zh: string; en: string };
}

function taken(set: DefinitionSet): string[] {
  return set.workflows.map((w) => w.id);
}

/** Adds a workflow with one stage, its initial; answers its id (derived from the title). */
export function createWorkflow(set: DefinitionSet, draft: NewWorkflow): string {
  const id = workflowIdFrom(draft.title.en || draft.title.zh, taken(set));
  const initial = stateIdFrom(draft.initialTitle.en || draft.initialTitle.zh, []);
  const workflow: Workflow = {
    id,
    initial,
    meta: {
      title: draft.title,
      entity: draft.entity,
      ...(draft.recordType && { recordType: draft.recordType }),
    },
    states: { [initial]: { meta: { title: draft.initialTitle, color: '#94a3b8', outcome: 'open' } } },
  } as Workflow;
  set.workflows.push(workflow as DefinitionSet['workflows'][number]);
  return id;
}

/** A copy of a workflow under a new title (and id), after the original; its stages keep their ids. */
export function copyWorkflow(set: DefinitionSet, id: string, title: { zh: string; en: string }): string | undefined {
  const index = set.workflows.findIndex((w) => w.id === id);
  if (index < 0) return undefined;
  const copy = structuredClone(set.workflows[index]!) as Workflow;
  copy.id = workflowIdFrom(title.en || title.zh, taken(set));
  copy.meta = { ...copy.meta, title };
  // A copy is new: nothing of it was published under another name, and its schedules are its own to add.
  for (const state of Object.values(copy.states)) if (state.meta?.renamedFrom) delete state.meta.renamedFrom;
  delete copy.meta.schedules;
  set.workflows.splice(index + 1, 0, copy as DefinitionSet['workflows'][number]);
  return copy.id;
}

export function removeWorkflow(set: DefinitionSet, id: string): void {
  set.workflows = set.workflows.filter((w) => w.id !== id);
}
