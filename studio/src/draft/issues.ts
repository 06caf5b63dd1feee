import type { DefinitionIssue, DefinitionSet } from './types';

/** The issues of one entity of the draft (the engine names it `entities[<index>]`), under a pointer prefix. */
export function entityIssues(set: DefinitionSet, issues: DefinitionIssue[], entityId: string, prefix = ''): DefinitionIssue[] {
  const index = set.entities.findIndex((e) => e.$id === entityId);
  return issues.filter((issue) => issue.file === `entities[${index}]` && (prefix === '' || issue.pointer === prefix || issue.pointer.startsWith(`${prefix}/`)));
}

/** `/properties/name/maxLength` → `maxLength`: what the issue says about, after the prefix. */
export function issueText(issue: DefinitionIssue, prefix: string): string {
  const rest = issue.pointer.slice(prefix.length).replace(/^\//, '');
  return rest ? `${rest}: ${issue.message}` : issue.message;
}
