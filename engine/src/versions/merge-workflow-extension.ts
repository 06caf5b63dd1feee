import type { WorkflowExtension } from '@lodestar/core';
import { toCanonicalJson, type DefinitionSet } from '../definitions/definition-set.js';
import type { WorkflowDefinition } from '../definitions/workflow.js';
import type { Issue, Text } from '../errors.js';
import { workflowExtensionFile, type AddonParts } from './addon-parts.js';

/**
 * An add-on's additions to workflows it did not define (pure): `workflows/<id>.extend.json` adds schedules to
 * the workflow's `meta.schedules`. A schedule id the workflow has already is a conflict, except an identical
 * schedule another installed add-on added (both then share it). Schedules are the one part added: they act
 * on records through the workflow's own events and fields, so adding one cannot change how the process runs.
 */

type Schedule = NonNullable<WorkflowDefinition['meta']['schedules']>[number];

const same = (a: unknown, b: unknown) => toCanonicalJson(a) === toCanonicalJson(b);
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const schedulesOf = (x: WorkflowExtension) => (x.meta as { schedules?: Schedule[] } | undefined)?.schedules ?? [];

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
    target.meta = { ...target.meta, schedules };
  }
  return issues;
}

/** Takes out the schedules one release added, except those another installed add-on holds identically. */
export function unextendWorkflows(set: DefinitionSet, addon: AddonParts, others: AddonParts[]): void {
  for (const extension of addon.workflowExtensions ?? []) {
    const target = set.workflows.find((w) => w.id === extension.id);
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

/**
 * An issue of the merged set inside a schedule a workflow extension added, pointed back at the extension:
 * `/meta/schedules/<n>/…` of the merged workflow becomes the same schedule's index in the extension's file.
 */
export function toWorkflowExtensionIssue(found: Issue, merged: DefinitionSet, addon: AddonParts): Issue | undefined {
  const extension = (addon.workflowExtensions ?? []).find((x) => found.file === `workflows/${x.id}.workflow.json`);
  if (!extension) return undefined;
  const [, meta, schedules, index, ...rest] = found.pointer.split('/');
  if (meta !== 'meta' || schedules !== 'schedules' || index === undefined) return undefined;
  const schedule = merged.workflows.find((w) => w.id === extension.id)?.meta.schedules?.[Number(index)];
  const at = schedulesOf(extension).findIndex((s) => schedule !== undefined && same(s, schedule));
  if (at < 0) return undefined;
  return {
    ...found,
    file: workflowExtensionFile(extension.id),
    pointer: ['', 'meta', 'schedules', String(at), ...rest].join('/'),
  };
}
