import type { DefinitionSet } from '../definitions/definition-set.js';
import { ValidationError, type Issue } from '../errors.js';
import { hasState, removedStates, stateRenames, type StateMapping } from './diff-workflows.js';

// Defined beside the steps it maps (diff-workflows), so the two modules do not import each other.
export type { StateMapping };

/** The pointer of the mapping in a plan or publish request body. */
export const STATE_MAPPING_POINTER = '/stateMapping';

/** `stateMapping` of a plan, publish or review body, or a 422 naming each malformed part. */
export function stateMappingOfBody(value: unknown): StateMapping {
  const { mapping, issues } = readStateMapping(value);
  if (issues.length)
    throw new ValidationError(
      { en: 'stateMapping is malformed', zh: '阶段对应关系（stateMapping）的格式有误' },
      { issues },
    );
  return mapping;
}

/** Reads a mapping from a request body; anything but `{ "<workflow>": { "<state>": "<state>" } }` is an issue. */
export function readStateMapping(
  value: unknown,
  at = STATE_MAPPING_POINTER,
): { mapping: StateMapping; issues: Issue[] } {
  if (value === undefined || value === null) return { mapping: {}, issues: [] };
  if (!isObject(value))
    return {
      mapping: {},
      issues: [issue(at, 'type', 'must be an object: { "<workflow>": { "<removed state>": "<target state>" } }')],
    };
  const entries: [string, Record<string, string>][] = [];
  const issues: Issue[] = [];
  for (const [workflow, states] of Object.entries(value)) {
    const where = `${at}/${escape(workflow)}`;
    if (!isObject(states)) {
      issues.push(issue(where, 'type', 'must be an object: { "<removed state>": "<target state>" }'));
      continue;
    }
    const targets: [string, string][] = [];
    for (const [state, target] of Object.entries(states)) {
      if (typeof target === 'string' && target.length > 0) targets.push([state, target]);
      else issues.push(issue(`${where}/${escape(state)}`, 'type', 'must be the name of a state of the new version'));
    }
    entries.push([workflow, Object.fromEntries(targets)]);
  }
  // fromEntries defines own properties, so a key such as "__proto__" stays a plain (unknown) name.
  return { mapping: Object.fromEntries(entries), issues };
}

/**
 * Issues of a mapping against the published (`before`) and new (`after`) definitions: each workflow
 * must exist in the new version, each mapped state must be one the new version removes (neither kept
 * nor renamed), and each target a state of the new version.
 */
export function checkStateMapping(
  mapping: StateMapping,
  before: DefinitionSet,
  after: DefinitionSet,
  at = STATE_MAPPING_POINTER,
): Issue[] {
  const issues: Issue[] = [];
  for (const [workflow, states] of Object.entries(mapping)) {
    const where = `${at}/${escape(workflow)}`;
    const next = after.workflows.find((w) => w.id === workflow);
    if (!next) {
      issues.push(issue(where, 'unknownWorkflow', `workflow "${workflow}" does not exist in the new version`));
      continue;
    }
    const previous = before.workflows.find((w) => w.id === workflow);
    const renames = previous ? stateRenames(previous, next) : [];
    const removed = previous ? removedStates(previous, next, renames) : [];
    for (const [state, target] of Object.entries(states)) {
      const pointer = `${where}/${escape(state)}`;
      const renamed = renames.find((r) => r.from === state);
      if (!previous || !hasState(previous, state)) {
        issues.push(
          issue(
            pointer,
            'unknownState',
            `"${state}" is not a state of the published version of workflow "${workflow}"`,
          ),
        );
      } else if (renamed) {
        issues.push(
          issue(
            pointer,
            'notRemoved',
            `state "${state}" is renamed to "${renamed.to}" and keeps its records; only removed states are mapped`,
          ),
        );
      } else if (!removed.includes(state)) {
        issues.push(
          issue(pointer, 'notRemoved', `the new version keeps state "${state}"; only removed states are mapped`),
        );
      } else if (!hasState(next, target)) {
        issues.push(
          issue(
            pointer,
            'unknownState',
            `target state "${target}" does not exist in the new version of workflow "${workflow}"`,
          ),
        );
      }
    }
  }
  return issues;
}

/** One `--map <workflow>.<from>=<to>` option of the CLI, added to `mapping`; throws on a malformed one. */
export function addMapOption(text: string, mapping: StateMapping = {}): StateMapping {
  const match = /^([^.=\s]+)\.([^.=\s]+)=([^.=\s]+)$/.exec(text.trim());
  if (!match)
    throw new Error(
      `--map "${text}" must read <workflow>.<removed state>=<target state>, e.g. opportunity-sales.onHold=negotiation`,
    );
  const [, workflow, from, to] = match as unknown as [string, string, string, string];
  return { ...mapping, [workflow]: { ...mapping[workflow], [from]: to } };
}

/** A JSON pointer token (RFC 6901). */
function escape(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function issue(pointer: string, keyword: string, message: string): Issue {
  return { pointer, keyword, message };
}
