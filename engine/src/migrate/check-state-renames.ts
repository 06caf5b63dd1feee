import type { DefinitionSet, SourceFiles } from '../definitions/definition-set.js';
import type { Issue } from '../errors.js';
import { hasState } from './diff-workflows.js';

/**
 * Definition issues of `meta.renamedFrom` on workflow states, which only the published version can
 * judge (validate-workflow sees one set): on a state new to a published workflow, renamedFrom must name
 * a state of the published version that the new version does not keep, and no other state may claim it.
 * A renamedFrom on a state the published version has already (left from an earlier rename), or in a
 * workflow that is new, is not checked: it renames nothing.
 */
export function checkStateRenames(before: DefinitionSet, after: DefinitionSet, files: SourceFiles = {}): Issue[] {
  const issues: Issue[] = [];
  after.workflows.forEach((next, index) => {
    const previous = before.workflows.find((w) => w.id === next?.id);
    if (!previous || !next.states || typeof next.states !== 'object') return;
    const file = files[`workflow:${next.id}`] ?? `workflows[${index}]`;
    const claimed = new Map<string, string>();
    for (const [name, state] of Object.entries(next.states)) {
      const from = state?.meta?.renamedFrom;
      if (typeof from !== 'string' || hasState(previous, name)) continue;
      const pointer = `/states/${escape(name)}/meta/renamedFrom`;
      const add = (keyword: string, message: string) => issues.push({ file, pointer, keyword, message });
      if (!hasState(previous, from))
        add('unknownState', `"${from}" is not a state of the published version of workflow "${next.id}"`);
      else if (hasState(next, from))
        add('renamedFromKept', `state "${from}" is kept by this version, so "${name}" cannot be its new name`);
      else if (claimed.has(from))
        add('duplicateRename', `state "${from}" is already renamed to "${claimed.get(from)}"`);
      else claimed.set(from, name);
    }
  });
  return issues;
}

/** A JSON pointer token (RFC 6901). */
function escape(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}
