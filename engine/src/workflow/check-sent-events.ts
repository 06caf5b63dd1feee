import type { EntityDefinition } from '../definitions/entity.js';
import type { NamedReference, StateDefinition, WorkflowDefinition } from '../definitions/workflow.js';
import { type Issue, issueOf } from '../errors.js';
import { targetEntity, type SendTo } from './actions/send-event.js';
import { toReference } from './reference.js';
import { escape, listTransitions } from './transitions.js';

/** One sendEvent action of a workflow, where it sits, and the (entity, event) it is sent from, if an event. */
interface Send {
  file: string;
  /** JSON pointer of the action reference. */
  pointer: string;
  from?: string;
  to: string;
  event: string;
}

/**
 * sendEvent across the whole set: each event must be one the target entity's workflow handles, and events
 * must not go round (an order's CANCEL sends CLOSE to its contract, whose CLOSE sends CANCEL to the orders).
 * Nodes are (entity, event); a transition on an event leads to the events its actions send, counting the
 * exit and entry actions and the `always` transitions of the state it enters. What the graph cannot show
 * (guards, data) is stopped at run time by a depth limit (runtime/effects/send-event.ts).
 */
export function checkSentEvents(
  workflows: readonly { workflow: WorkflowDefinition; file: string }[],
  entities: readonly EntityDefinition[],
): Issue[] {
  const find = (id: string) => entities.find((e) => e.$id === id);
  const sends = workflows.flatMap(({ workflow, file }) => sendsOf(workflow, file, find));
  return [...unhandled(sends, workflows, find), ...cycles(sends)];
}

function sendsOf(
  workflow: WorkflowDefinition,
  file: string,
  find: (id: string) => EntityDefinition | undefined,
): Send[] {
  const bound = find(workflow.meta.entity);
  if (!bound) return [];
  const out: Send[] = [];
  const collect = (refs: (NamedReference | string)[] | undefined, at: string, from: string | undefined) =>
    refs?.forEach((ref, i) => {
      const { type, params } = toReference(ref);
      if (type !== 'sendEvent' || !params) return;
      const { to, event } = params as { to: SendTo; event: string };
      const target = targetEntity(bound, to, find).target;
      if (target)
        out.push({ file, pointer: `${at}/${i}`, to: target.$id, event, ...(from && { from: node(bound.$id, from) }) });
    });
  for (const [name, state] of Object.entries(workflow.states)) {
    const at = `/states/${escape(name)}`;
    collect(state.entry, `${at}/entry`, undefined);
    collect(state.exit, `${at}/exit`, undefined);
    for (const t of listTransitions(state, at)) {
      const event = t.kind === 'on' ? t.key : undefined;
      collect(t.definition.actions, `${t.pointer}/actions`, event);
      if (!event) continue;
      // What entering the target runs belongs to the event too.
      const target = t.definition.target;
      const entered = target !== undefined && target !== name ? workflow.states[target] : undefined;
      if (!entered) continue;
      collect(state.exit, `${at}/exit`, event);
      collect(entered.entry, `/states/${escape(target!)}/entry`, event);
      for (const always of alwaysOf(entered, `/states/${escape(target!)}`))
        collect(always.actions, `${always.pointer}/actions`, event);
    }
  }
  return out;
}

function alwaysOf(state: StateDefinition, at: string) {
  return listTransitions(state, at)
    .filter((t) => t.kind === 'always')
    .map((t) => ({ actions: t.definition.actions, pointer: t.pointer }));
}

const node = (entity: string, event: string) => `${entity} ${event}`;

/** Events sent to an entity no workflow runs on, or that no state of its workflows takes. */
function unhandled(
  sends: Send[],
  workflows: readonly { workflow: WorkflowDefinition }[],
  find: (id: string) => EntityDefinition | undefined,
): Issue[] {
  const seen = new Set<string>();
  const issues: Issue[] = [];
  for (const send of sends) {
    const key = `${send.file} ${send.pointer}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const bound = workflows.filter((w) => w.workflow.meta.entity === send.to).map((w) => w.workflow);
    const handled = bound.some((w) => Object.values(w.states).some((s) => s.on && Object.hasOwn(s.on, send.event)));
    if (handled) continue;
    const title = find(send.to)?.title ?? send.to;
    const text = bound.length
      ? {
          en: `no state of the workflow on "${send.to}" takes the event ${send.event}`,
          zh: `“${title}”的流程中没有任何状态接受事件 ${send.event}`,
        }
      : {
          en: `no workflow runs on "${send.to}" to take ${send.event}`,
          zh: `“${title}”没有绑定流程，无法接收事件 ${send.event}`,
        };
    issues.push({ file: send.file, ...issueOf(`${send.pointer}/params/event`, 'unknownEvent', text) });
  }
  return issues;
}

/** Each loop of (entity, event) nodes once, reported on the send that closes it. */
function cycles(sends: Send[]): Issue[] {
  const edges = new Map<string, Send[]>();
  for (const send of sends) if (send.from) edges.set(send.from, [...(edges.get(send.from) ?? []), send]);
  const issues: Issue[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: Send[] = [];
  const reported = new Set<string>();
  const visit = (at: string): void => {
    state.set(at, 'open');
    for (const send of edges.get(at) ?? []) {
      const next = node(send.to, send.event);
      if (state.get(next) === 'open') {
        const start = path.findIndex((s) => s.from === next);
        const loop = [...path.slice(start < 0 ? path.length : start), send];
        const names = [next, ...loop.map((s) => node(s.to, s.event))].join(' → ');
        if (!reported.has(`${send.file} ${send.pointer}`)) {
          reported.add(`${send.file} ${send.pointer}`);
          const text = {
            en: `sendEvent goes round: ${names}; the records would send each other events without end`,
            zh: `发送事件形成循环：${names}，记录之间会无休止地互相发送事件`,
          };
          issues.push({ file: send.file, ...issueOf(send.pointer, 'eventCycle', text, { cycle: names }) });
        }
      } else if (!state.has(next)) {
        path.push(send);
        visit(next);
        path.pop();
      }
    }
    state.set(at, 'done');
  };
  for (const from of [...edges.keys()].sort()) if (!state.has(from)) visit(from);
  return issues;
}
