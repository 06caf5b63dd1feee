import type { Issue as DefinitionIssue, DefinitionSet } from '@lodestar/core';

/** The engine's issues for one workflow of the draft (it names the file `workflows[<index>]`). */
export function workflowIssues(set: DefinitionSet, issues: DefinitionIssue[], id: string): DefinitionIssue[] {
  const file = `workflows[${set.workflows.findIndex((w) => w.id === id)}]`;
  return issues.filter((issue) => issue.file === file);
}

/** The issues at or under a pointer (`/states/a/on/GO` holds `/states/a/on/GO/guard/params`, not `/on/GO_ON`). */
export function issuesUnder(issues: DefinitionIssue[], pointer: string): DefinitionIssue[] {
  return issues.filter((issue) => issue.pointer === pointer || issue.pointer.startsWith(`${pointer}/`));
}

/** A state's own issues, without those of its transitions (the edges show those). */
export function stateOwnIssues(issues: DefinitionIssue[], statePointer: string): DefinitionIssue[] {
  return issuesUnder(issues, statePointer).filter(
    (issue) => !/^\/(on|after|always)\//.test(issue.pointer.slice(statePointer.length)),
  );
}

/** `/states/a/on/GO/guard` → the state `a` and, for an `on` transition, its event and list index. */
export function locate(pointer: string): { state?: string; event?: string; index?: number } {
  const parts = pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (parts[0] !== 'states' || parts[1] === undefined) return {};
  if (parts[2] !== 'on' || parts[3] === undefined) return { state: parts[1] };
  const index = /^\d+$/.test(parts[4] ?? '') ? Number(parts[4]) : undefined;
  return { state: parts[1], event: parts[3], index };
}
