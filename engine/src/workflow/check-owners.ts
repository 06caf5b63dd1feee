import type { DefinitionSet, SourceFiles } from '../definitions/definition-set.js';
import type { NamedReference } from '../definitions/workflow.js';
import type { Issue } from '../errors.js';
import { toReference } from './reference.js';
import { escape, listTransitions } from './transitions.js';

/** A user a workflow names literally (`assignOwner { userId }`), where it names them. */
export interface NamedUser {
  userId: string;
  file: string;
  pointer: string;
}

/**
 * Every literal `assignOwner` user id in a (valid) set, with its file and pointer: users are data, not
 * model, so only a publish (which reads the users table) can tell whether each exists and is active.
 */
export function listNamedUsers(set: DefinitionSet, files: SourceFiles = {}): NamedUser[] {
  const found: NamedUser[] = [];
  set.workflows.forEach((workflow, i) => {
    const file = files[`workflow:${workflow.id}`] ?? `workflows[${i}]`;
    const visit = (refs: (NamedReference | string)[] | undefined, at: string) =>
      refs?.forEach((ref, j) => {
        const { type, params } = toReference(ref);
        const userId = (params as { userId?: unknown } | undefined)?.userId;
        if (type === 'assignOwner' && typeof userId === 'string')
          found.push({ userId, file, pointer: `${at}/${j}/params/userId` });
      });
    for (const [name, state] of Object.entries(workflow.states)) {
      const at = `/states/${escape(name)}`;
      visit(state.entry, `${at}/entry`);
      visit(state.exit, `${at}/exit`);
      for (const { definition, pointer } of listTransitions(state, at)) visit(definition.actions, `${pointer}/actions`);
    }
  });
  return found;
}

/** The issue of a named user who is not an active user. */
export function unknownUserIssue(named: NamedUser): Issue {
  const message = `user ${named.userId} does not exist or is deactivated; the record would be owned by no one`;
  return {
    file: named.file,
    pointer: named.pointer,
    keyword: 'unknownUser',
    message,
    i18n: { en: message, zh: `用户 ${named.userId} 不存在或已停用，记录将无人负责` },
  };
}
