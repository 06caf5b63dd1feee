import type { WorkflowExtension } from '@lodestar/core';
import { toCanonicalJson, type DefinitionSet } from '../definitions/definition-set.js';
import type { WorkflowDefinition } from '../definitions/workflow.js';
import type { Issue, Text } from '../errors.js';
import { workflowExtensionFile, type AddonParts } from './addon-parts.js';

/**
 * An add-on's additions to workflows it did not define (pure): `workflows/<id>.extend.json` adds schedules to
 * the workflow's `meta.schedules` and new events to its states (`states.<state>.on.<EVENT>`). A schedule id or
 * an event a state has already is a conflict, except an identical one another installed add-on added (both then
 * share it). Nothing existing changes: a state keeps its events, guards and actions, so the process the model
 * defined runs as before and the add-on's events are new buttons beside it (a pool's CLAIM and RELEASE).
 */

type Schedule = NonNullable<WorkflowDefinition['meta']['schedules']>[number];
type States = WorkflowDefinition['states'];
type Transitions = NonNullable<States[string]['on']>[string];

const same = (a: unknown, b: unknown) => toCanonicalJson(a) === toCanonicalJson(b);
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const schedulesOf = (x: WorkflowExtension) => (x.meta as { schedules?: Schedule[] } | undefined)?.schedules ?? [];

/** The events an extension adds: each (state, event) with its transition(s), in file order. */
export function eventsOf(x: WorkflowExtension): { state: string; event: string; transitions: Transitions }[] {
  const states = (x.states ?? {}) as Record<string, { on?: Record<string, Transitions> }>;
  return Object.entries(states).flatMap(([state, addition]) =>
    Object.entries(addition?.on ?? {}).map(([event, transitions]) => ({ state, event, transitions })),
  );
}

/** The other add-ons' events on one workflow, with who added each. */
function sharedEvents(others: AddonParts[], id: string) {
  return others.flatMap((owner) =>
    (owner.workflowExtensions ?? [])
      .filter((x) => x.id === id)
      .flatMap((x) => eventsOf(x).map((added) => ({ owner, ...added }))),
  );
}

function issue(file: string, pointer: string, keyword: string, i18n: Text): Issue {
  return { file, pointer, keyword, message: i18n.en, i18n };
}

/** The other add-ons' schedules on one workflow, with who added each. */
function sharedSchedules(others: AddonParts[], id: string) {
  return others.flatMap((owner) =>
    (owner.workflowExtensions ?? [])
      .filter((x) => x.id === id)
      .flatMap((x) => schedulesOf(x).map((schedule) => ({ owner, schedule }))),
  );
}

/** Merges the add-on's workflow extensions into `set` in place; every issue at the add-on's file and pointer. */
export function extendWorkflows(set: DefinitionSet, addon: AddonParts, others: AddonParts[]): Issue[] {
  const issues: Issue[] = [];
  for (const extension of addon.workflowExtensions ?? []) {
    const file = workflowExtensionFile(extension.id);
    const target = set.workflows.find((w) => w.id === extension.id);
    if (!target) {
      issues.push(
        issue(file, '/id', 'addonTarget', {
          en: `there is no workflow "${extension.id}" to extend in the installed model`,
          zh: `已安装的模型中没有可扩展的流程“${extension.id}”`,
        }),
      );
      continue;
    }
    if (addon.workflows.some((w) => w.id === extension.id)) {
      issues.push(
        issue(file, '/id', 'addonTarget', {
          en: `"${extension.id}" is this add-on's own workflow: write its schedules in workflows/${extension.id}.workflow.json`,
          zh: `“${extension.id}”是本附加模板自己的流程：请把定时任务写在 workflows/${extension.id}.workflow.json 中`,
        }),
      );
      continue;
    }
    const shared = sharedSchedules(others, extension.id);
    const schedules = [...(target.meta.schedules ?? [])];
    schedulesOf(extension).forEach((schedule, i) => {
      const existing = schedules.find((s) => s.id === schedule.id);
      if (existing === undefined) schedules.push(clone(schedule));
      else if (!(same(existing, schedule) && shared.some((s) => same(s.schedule, schedule)))) {
        const owner = shared.find((s) => s.schedule.id === schedule.id)?.owner;
        const by = owner
          ? { en: `add-on ${owner.name}@${owner.version}`, zh: `附加模板 ${owner.name}@${owner.version}` }
          : { en: 'the installed model', zh: '已安装的模型' };
        issues.push(
          issue(file, `/meta/schedules/${i}/id`, 'addonConflict', {
            en: `workflow "${extension.id}" has a schedule "${schedule.id}" already (in ${by.en}); an add-on adds schedules under new ids`,
            zh: `流程“${extension.id}”已有定时任务“${schedule.id}”（来自${by.zh}）；附加模板只能以新的标识新增定时任务`,
          }),
        );
      }
    });
    if (schedules.length) target.meta = { ...target.meta, schedules };
    issues.push(...addEvents(target, extension, sharedEvents(others, extension.id), file));
  }
  return issues;
}

/** Adds an extension's events to the target's states; a state the workflow lacks or an event it has is an issue. */
function addEvents(
  target: WorkflowDefinition,
  extension: WorkflowExtension,
  shared: ReturnType<typeof sharedEvents>,
  file: string,
): Issue[] {
  const issues: Issue[] = [];
  for (const { state, event, transitions } of eventsOf(extension)) {
    const config = target.states[state];
    if (!config) {
      issues.push(
        issue(file, `/states/${state}`, 'addonTarget', {
          en: `workflow "${extension.id}" has no state "${state}": an add-on adds events to the states it has`,
          zh: `流程“${extension.id}”没有阶段“${state}”：附加模板只能给已有的阶段增加事件`,
        }),
      );
      continue;
    }
    const existing = config.on?.[event];
    if (existing === undefined) {
      config.on = { ...(config.on ?? {}), [event]: clone(transitions) };
      continue;
    }
    if (same(existing, transitions) && shared.some((s) => s.state === state && s.event === event)) continue;
    const owner = shared.find((s) => s.state === state && s.event === event)?.owner;
    const by = owner
      ? { en: `add-on ${owner.name}@${owner.version}`, zh: `附加模板 ${owner.name}@${owner.version}` }
      : { en: 'the installed model', zh: '已安装的模型' };
    issues.push(
      issue(file, `/states/${state}/on/${event}`, 'addonConflict', {
        en: `state "${state}" of workflow "${extension.id}" has an event "${event}" already (in ${by.en}); an add-on adds new events and cannot change or replace one`,
        zh: `流程“${extension.id}”的阶段“${state}”已有事件“${event}”（来自${by.zh}）；附加模板只能增加新事件，不能修改或替换已有事件`,
      }),
    );
  }
  return issues;
}

/** Takes out the schedules and events one release added, except those another installed add-on holds identically. */
export function unextendWorkflows(set: DefinitionSet, addon: AddonParts, others: AddonParts[]): void {
  for (const extension of addon.workflowExtensions ?? []) {
    const target = set.workflows.find((w) => w.id === extension.id);
    if (target) removeEvents(target, extension, sharedEvents(others, extension.id));
    if (!target?.meta.schedules) continue;
    const mine = schedulesOf(extension);
    const shared = sharedSchedules(others, extension.id);
    const kept = target.meta.schedules.filter(
      (s) => !mine.some((m) => same(m, s)) || shared.some((o) => same(o.schedule, s)),
    );
    if (kept.length) target.meta.schedules = kept;
    else delete target.meta.schedules;
  }
}

function removeEvents(
  target: WorkflowDefinition,
  extension: WorkflowExtension,
  shared: ReturnType<typeof sharedEvents>,
) {
  for (const { state, event, transitions } of eventsOf(extension)) {
    const config = target.states[state];
    if (!config?.on || !same(config.on[event], transitions)) continue;
    if (shared.some((s) => s.state === state && s.event === event && same(s.transitions, transitions))) continue;
    delete config.on[event];
    if (!Object.keys(config.on).length) delete config.on;
  }
}

/**
 * An issue of the merged set inside a schedule or an event a workflow extension added, pointed back at the
 * extension: `/meta/schedules/<n>/…` of the merged workflow becomes the same schedule's index in the extension's
 * file; `/states/<state>/on/<EVENT>/…` keeps its pointer, which the extension's file shares.
 */
export function toWorkflowExtensionIssue(found: Issue, merged: DefinitionSet, addon: AddonParts): Issue | undefined {
  const extension = (addon.workflowExtensions ?? []).find((x) => found.file === `workflows/${x.id}.workflow.json`);
  if (!extension) return undefined;
  const [, first, second, third, fourth, ...more] = found.pointer.split('/');
  const workflow = merged.workflows.find((w) => w.id === extension.id);
  // An added event: `/states/<state>/on/<EVENT>/…` is the same pointer in the extension.
  if (first === 'states' && third === 'on' && second !== undefined && fourth !== undefined) {
    const mine = eventsOf(extension).find((e) => e.state === second && e.event === fourth);
    if (!mine || !same(workflow?.states[second]?.on?.[fourth], mine.transitions)) return undefined;
    return { ...found, file: workflowExtensionFile(extension.id) };
  }
  const rest = [fourth, ...more].filter((part) => part !== undefined);
  if (first !== 'meta' || second !== 'schedules' || third === undefined) return undefined;
  const schedule = workflow?.meta.schedules?.[Number(third)];
  const at = schedulesOf(extension).findIndex((s) => schedule !== undefined && same(s, schedule));
  if (at < 0) return undefined;
  return {
    ...found,
    file: workflowExtensionFile(extension.id),
    pointer: ['', 'meta', 'schedules', String(at), ...rest].join('/'),
  };
}
