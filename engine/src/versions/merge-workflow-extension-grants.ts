import { SCOPES, type EntityPermission, type Scope } from '../definitions/roles.js';
import { ROLES_FILE, type DefinitionSet } from '../definitions/definition-set.js';
import type { Issue, Text } from '../errors.js';
import { broader, ownedPart, reachesUnowned } from '../permissions/entity-grant.js';
import type { AddonParts } from './addon-parts.js';
import { eventsOf } from './merge-workflow-extension.js';

/**
 * What an add-on's roles.json may grant a role of the model on an entity of the model, besides field rules
 * (pure): who may send the events its workflow extensions add (`events: { CLAIM: "ownOrUnowned" }`), and the
 * records nobody owns added to a scope (`read: "ownOrUnowned"` on a role that reads `own` or `team`): a pool
 * add-on lets salespeople see and claim unowned customers. Nothing the model granted is narrowed or widened
 * over owned records, so removing the release restores the role exactly: its events go, and the scope loses the
 * unowned records again unless another installed add-on grants them too.
 */

type Json = Record<string, unknown>;
const ACTIONS = ['read', 'create', 'update', 'delete'] as const;
type Action = (typeof ACTIONS)[number];

function issue(pointer: string, keyword: string, i18n: Text): Issue {
  return { file: ROLES_FILE, pointer, keyword, message: i18n.en, i18n };
}

const isScope = (value: unknown): value is Scope => SCOPES.includes(value as Scope);

/** The events this add-on's workflow extensions add to workflows bound to `entity`. */
export function addedEvents(set: DefinitionSet, addon: AddonParts, entity: string): Set<string> {
  const bound = new Set(set.workflows.filter((w) => w.meta.entity === entity).map((w) => w.id));
  return new Set(
    (addon.workflowExtensions ?? []).filter((x) => bound.has(x.id)).flatMap((x) => eventsOf(x).map((e) => e.event)),
  );
}

/**
 * Applies the scope and event parts of `grant` to the role's entry for a model entity, in place. Answers
 * what is left for the field rules (undefined when nothing is) and the issues, at roles.json pointers.
 */
export function mergeModelGrant(
  entry: EntityPermission | undefined,
  grant: unknown,
  added: Set<string>,
  pointer: string,
  role: string,
): { rest: unknown; issues: Issue[] } {
  if (typeof grant !== 'object' || grant === null) return { rest: grant, issues: [] };
  const rest: Json = { ...(grant as Json) };
  const issues: Issue[] = [];
  const scoped = ACTIONS.filter((a) => rest[a] !== undefined);
  if (!scoped.length && rest.events === undefined) return { rest, issues };
  if (!entry) {
    // The field rules' issue says that the role must name the entity first.
    for (const a of scoped) delete rest[a];
    delete rest.events;
    return {
      rest: Object.keys(rest).length ? rest : undefined,
      issues: [
        issue(pointer, 'addonRole', {
          en: `role "${role}" does not name this entity: an add-on adds to the grants a role of the model has, it does not start one`,
          zh: `角色“${role}”没有设置此实体的权限：附加模板只能在模型已有的授权上增加，不能新建授权`,
        }),
      ],
    };
  }
  for (const action of scoped) {
    const given = rest[action];
    delete rest[action];
    const problem = scopeProblem(entry[action] ?? 'none', given);
    if (problem) issues.push(issue(`${pointer}/${action}`, 'addonRole', problem));
    else entry[action] = broader(entry[action] ?? 'none', given as Scope);
  }
  if (rest.events !== undefined) {
    const events = (typeof rest.events === 'object' && rest.events !== null ? rest.events : {}) as Json;
    delete rest.events;
    const merged = { ...(entry.events ?? {}) };
    for (const [event, scope] of Object.entries(events)) {
      const at = `${pointer}/events/${event}`;
      if (!added.has(event))
        issues.push(
          issue(at, 'addonRole', {
            en: `"${event}" is not an event this add-on adds: it may set who sends its own events only`,
            zh: `“${event}”不是本附加模板增加的事件：附加模板只能设置谁可以发送它自己增加的事件`,
          }),
        );
      else if (!isScope(scope))
        continue; // the roles validator reports the value
      else if (merged[event] !== undefined && merged[event] !== scope)
        issues.push(
          issue(at, 'addonConflict', {
            en: `role "${role}" already has a scope for event "${event}"`,
            zh: `角色“${role}”已经设置了事件“${event}”的范围`,
          }),
        );
      else merged[event] = scope;
    }
    entry.events = merged;
  }
  return { rest: Object.keys(rest).length ? rest : undefined, issues };
}

/** Why an add-on may not give `given` where the role has `current`; undefined when it may. */
function scopeProblem(current: Scope, given: unknown): Text | undefined {
  if (!isScope(given) || current === 'all') return undefined; // a bad value is the roles validator's to report
  if (!reachesUnowned(given) || given === 'all' || broader(ownedPart(given), current) !== current)
    return {
      en: `an add-on may only add the records nobody owns to a scope of the model (ownOrUnowned on a role that has own or team), not "${given}" where the role has "${current}"`,
      zh: `附加模板只能在模型的范围上增加无负责人的记录（在“本人”或“团队”上加“本人及公海”），不能把“${current}”改为“${given}”`,
    };
  if (reachesUnowned(current) || current === 'none')
    return {
      en: `the role's scope "${current}" ${current === 'none' ? 'grants nothing to add to' : 'reaches the unowned records already'}`,
      zh: current === 'none' ? '该角色的范围为“无”，没有可增加的授权' : `该角色的范围“${current}”已包含无负责人的记录`,
    };
  return undefined;
}

/**
 * Takes one release's scope and event grants out of a role's entry for a model entity: the events it named,
 * and the unowned records from the scopes it widened, unless another installed add-on grants the same.
 */
export function dropModelGrant(
  entry: EntityPermission | undefined,
  grant: unknown,
  others: AddonParts[],
  role: string,
  entity: string,
): void {
  if (!entry || typeof grant !== 'object' || grant === null) return;
  const mine = grant as Json;
  const held = others.map((o) => o.roles?.roles[role]?.entities[entity]).filter((g) => g !== undefined);
  for (const action of ACTIONS) {
    if (!isScope(mine[action]) || !entry[action]) continue;
    if (held.some((g) => isScope(g[action as Action]) && reachesUnowned(g[action as Action]!))) continue;
    entry[action] = ownedPart(entry[action]!);
  }
  const events = (mine.events ?? {}) as Json;
  if (!entry.events) return;
  for (const event of Object.keys(events)) {
    if (held.some((g) => g.events?.[event] !== undefined)) continue;
    delete entry.events[event];
  }
  if (!Object.keys(entry.events).length) delete entry.events;
}
