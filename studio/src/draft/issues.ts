import type { Lang } from '@lodestar/ui-shared';
import type { Issue as DefinitionIssue, DefinitionSet } from '@lodestar/core';

/** The issues of one entity of the draft (the engine names it `entities[<index>]`), under a pointer prefix. */
export function entityIssues(
  set: DefinitionSet,
  issues: DefinitionIssue[],
  entityId: string,
  prefix = '',
): DefinitionIssue[] {
  const index = set.entities.findIndex((e) => e.$id === entityId);
  return issues.filter(
    (issue) =>
      issue.file === `entities[${index}]` &&
      (prefix === '' || issue.pointer === prefix || issue.pointer.startsWith(`${prefix}/`)),
  );
}

/** The issue's message in the user's language (the engine's English when it sent no translation). */
export function issueMessage(issue: DefinitionIssue, lang: Lang): string {
  return issue.i18n?.[lang] ?? issue.message;
}

/** `/properties/name/maxLength` → `maxLength`: what the issue says about, after the prefix. */
export function issueText(issue: DefinitionIssue, prefix: string, lang: Lang): { at: string; message: string } {
  return { at: issue.pointer.slice(prefix.length).replace(/^\//, ''), message: issueMessage(issue, lang) };
}
