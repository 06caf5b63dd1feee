import type { EntityExtension } from '@lodestar/core';
import {
  ROLES_FILE,
  ROLES_SOURCE_KEY,
  dashboardFile,
  dashboardSourceKey,
  toCanonicalJson,
  type DefinitionSet,
} from '../definitions/definition-set.js';
import type { EntityDefinition, FieldDefinition } from '../definitions/entity.js';
import type { RolesDefinition } from '../definitions/roles.js';
import type { Issue, Text } from '../errors.js';
import { extensionFile, type AddonParts } from './addon-parts.js';
import { extendWorkflows, unextendWorkflows } from './merge-workflow-extension.js';
import { addedEvents, dropModelGrant, mergeModelGrant } from './merge-workflow-extension-grants.js';

/**
 * Merging an add-on into a published model (pure). An add-on only ADDS: new entities, workflows and roles,
 * to entities it did not define new properties, rules, record types, sections, keys, indexes,
 * duplicate-check fields and an agenda, and to workflows it did not define new schedules and new events
 * (merge-workflow-extension.ts), with who may send those events (merge-workflow-extension-grants.ts).
 * Anything it would add that the model has already is a conflict (an issue at the add-on's file and pointer),
 * except an identical addition another installed add-on made (both then share it, and it stays until neither
 * holds it). Removing a release takes out exactly what it
 * added, so an upgrade is remove(previous) then merge(next).
 */

/** Who holds what in the model: the add-ons installed besides the one being merged. */
export interface MergeContext {
  /** The other installed add-ons' contributions (never the one being merged or upgraded). */
  others: AddonParts[];
  /** The release being upgraded from: its contribution is taken out first. */
  previous?: AddonParts;
}

export interface MergeResult {
  set: DefinitionSet;
  /** Conflicts and misplaced additions, each at the add-on's own file and pointer. */
  issues: Issue[];
}

type Json = Record<string, unknown>;

const same = (a: unknown, b: unknown) => toCanonicalJson(a) === toCanonicalJson(b);
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const entityFile = (id: string) => `schemas/${id}.schema.json`;
const workflowFile = (id: string) => `workflows/${id}.workflow.json`;

function issue(file: string, pointer: string, keyword: string, i18n: Text): Issue {
  return { file, pointer, keyword, message: i18n.en, i18n };
}

/** "the model" or "add-on <name>": who already holds something the add-on wants to add. */
function holder(owner: AddonParts | undefined): Text {
  return owner
    ? { en: `add-on ${owner.name}@${owner.version}`, zh: `附加模板 ${owner.name}@${owner.version}` }
    : { en: 'the installed model', zh: '已安装的模型' };
}

/** The model with `addon` merged in (after taking out `context.previous`), and every conflict. */
export function mergeAddon(model: DefinitionSet, addon: AddonParts, context: MergeContext): MergeResult {
  const base = context.previous ? removeAddon(model, context.previous, context.others) : clone(model);
  const issues: Issue[] = [];
  const ownerOfEntity = (id: string) => context.others.find((o) => o.entities.some((e) => e.$id === id));
  const ownerOfWorkflow = (id: string) => context.others.find((o) => o.workflows.some((w) => w.id === id));

  addon.entities.forEach((entity) => {
    if (base.entities.some((e) => e.$id === entity.$id)) {
      const by = holder(ownerOfEntity(entity.$id));
      issues.push(
        issue(entityFile(entity.$id), '/$id', 'addonConflict', {
          en: `entity "${entity.$id}" exists already in ${by.en}: an add-on adds fields to it with schemas/${entity.$id}.extend.json instead`,
          zh: `实体“${entity.$id}”已存在于${by.zh}中：附加模板应在 schemas/${entity.$id}.extend.json 中为它增加字段`,
        }),
      );
    } else base.entities.push(clone(entity));
  });
  addon.workflows.forEach((workflow) => {
    if (base.workflows.some((w) => w.id === workflow.id)) {
      const by = holder(ownerOfWorkflow(workflow.id));
      issues.push(
        issue(workflowFile(workflow.id), '/id', 'addonConflict', {
          en: `workflow "${workflow.id}" exists already in ${by.en}; an add-on may add workflows, not replace one it did not add`,
          zh: `流程“${workflow.id}”已存在于${by.zh}中；附加模板只能新增流程，不能替换不是它添加的流程`,
        }),
      );
    } else base.workflows.push(clone(workflow));
  });
  for (const extension of addon.extensions) {
    const file = extensionFile(extension.$id);
    const target = base.entities.find((e) => e.$id === extension.$id);
    if (!target) {
      issues.push(
        issue(file, '/$id', 'addonTarget', {
          en: `there is no entity "${extension.$id}" to extend in the installed model`,
          zh: `已安装的模型中没有可扩展的实体“${extension.$id}”`,
        }),
      );
    } else if (addon.entities.some((e) => e.$id === extension.$id)) {
      issues.push(
        issue(file, '/$id', 'addonTarget', {
          en: `"${extension.$id}" is this add-on's own entity: write its fields in schemas/${extension.$id}.schema.json`,
          zh: `“${extension.$id}”是本附加模板自己的实体：请把字段写在 schemas/${extension.$id}.schema.json 中`,
        }),
      );
    } else {
      const shared = sharedExtensions(context.others, extension.$id);
      issues.push(...extendEntity(target, extension, shared, file));
    }
  }
  issues.push(...extendWorkflows(base, addon, context.others));
  issues.push(...mergeDashboards(base, addon, context.others));
  issues.push(...mergeRoles(base, addon));
  return { set: base, issues };
}

/** The extensions of one entity by other add-ons, with who made each. */
function sharedExtensions(others: AddonParts[], id: string): { owner: AddonParts; extension: EntityExtension }[] {
  return others.flatMap((owner) =>
    owner.extensions.filter((x) => x.$id === id).map((extension) => ({ owner, extension })),
  );
}

type Shared = ReturnType<typeof sharedExtensions>;

/** An identical addition by another add-on of the same part (`properties`, `x-rules`, …) and key. */
function sharedBy(shared: Shared, part: (x: EntityExtension) => unknown, key: string, value: unknown) {
  return shared.find(({ extension }) => {
    const mine = part(extension) as Json | undefined;
    return mine !== undefined && key in mine && same(mine[key], value);
  })?.owner;
}

/** Adds one extension to its entity in place; every addition that would change what exists is an issue. */
function extendEntity(target: EntityDefinition, extension: EntityExtension, shared: Shared, file: string): Issue[] {
  const issues: Issue[] = [];
  const x = extension as Json;
  const conflict = (pointer: string, what: Text, by: Text) =>
    issues.push(
      issue(file, pointer, 'addonConflict', {
        en: `${what.en} exists already in ${by.en}; an add-on adds, it never changes what it did not add`,
        zh: `${what.zh}已存在于${by.zh}中；附加模板只能新增，不能修改不是它添加的内容`,
      }),
    );
  const ownerOf = (part: (e: EntityExtension) => unknown, key: string) =>
    shared.find(({ extension: other }) => {
      const mine = part(other) as Json | undefined;
      return mine !== undefined && key in mine;
    })?.owner;

  const properties = (x.properties ?? {}) as Record<string, FieldDefinition>;
  const added: string[] = [];
  for (const [name, field] of Object.entries(properties)) {
    const existing = target.properties[name];
    if (existing === undefined) {
      target.properties[name] = clone(field);
      added.push(name);
    } else if (!(same(existing, field) && sharedBy(shared, (e) => e.properties, name, field))) {
      conflict(
        `/properties/${name}`,
        { en: `field "${name}" of ${target.$id}`, zh: `${target.$id} 的字段“${name}”` },
        holder(ownerOf((e) => e.properties, name)),
      );
    }
  }
  // A new field belongs to every record type that lists its fields, or no record of that type could hold it.
  for (const type of Object.values(target['x-entity'].recordTypes ?? {})) {
    if (type.fields) type.fields.push(...added.filter((name) => !type.fields!.includes(name)));
  }
  ((x.required ?? []) as string[]).forEach((name, i) => {
    if (!(name in properties))
      issues.push(
        issue(file, `/required/${i}`, 'addonRequired', {
          en: `"${name}" is not a field this extension adds: an add-on may only make its own new fields required`,
          zh: `“${name}”不是本扩展新增的字段：附加模板只能把自己新增的字段设为必填`,
        }),
      );
    else if (!(target.required ?? []).includes(name)) target.required = [...(target.required ?? []), name];
  });
  ((x['x-rules'] ?? []) as unknown[]).forEach((rule, i) => {
    const rules = ((target as unknown as Json)['x-rules'] ?? []) as unknown[];
    if (rules.some((r) => same(r, rule))) {
      const owner = shared.find(({ extension: o }) => ((o['x-rules'] ?? []) as unknown[]).some((r) => same(r, rule)));
      if (!owner) conflict(`/x-rules/${i}`, { en: 'the same rule', zh: '相同的规则' }, holder(undefined));
    } else (target as unknown as Json)['x-rules'] = [...rules, clone(rule)];
  });
  issues.push(...extendOptions(target, (x['x-entity'] ?? {}) as Json, shared, file, conflict));
  return issues;
}

type Conflict = (pointer: string, what: Text, by: Text) => void;

/** The `x-entity` part of an extension: record types, sections, unique keys, indexes, duplicates, agenda. */
function extendOptions(target: EntityDefinition, add: Json, shared: Shared, file: string, conflict: Conflict): Issue[] {
  const issues: Issue[] = [];
  const options = target['x-entity'] as unknown as Json;
  const others = (key: string) =>
    shared.map(({ owner, extension }) => ({ owner, part: ((extension['x-entity'] ?? {}) as Json)[key] }));
  const types = (add.recordTypes ?? {}) as Json;
  if (Object.keys(types).length && !options.recordTypes) {
    issues.push(
      issue(file, '/x-entity/recordTypes', 'addonRecordTypes', {
        en: `${target.$id} has no record types: an add-on cannot give its existing records one`,
        zh: `${target.$id} 没有记录类型：附加模板不能为已有记录加上类型`,
      }),
    );
  } else {
    for (const [key, type] of Object.entries(types)) {
      const existing = (options.recordTypes as Json)[key];
      if (existing === undefined) (options.recordTypes as Json)[key] = clone(type);
      else if (!(
        same(existing, type) && others('recordTypes').some((o) => same((o.part as Json | undefined)?.[key], type))
      ))
        conflict(
          `/x-entity/recordTypes/${key}`,
          { en: `record type "${key}"`, zh: `记录类型“${key}”` },
          holder(others('recordTypes').find((o) => (o.part as Json | undefined)?.[key] !== undefined)?.owner),
        );
    }
  }
  keyedList(
    options,
    add,
    'sections',
    (s) => String((s as Json).id),
    others,
    conflict,
    (s) => ({ en: `section "${String((s as Json).id)}"`, zh: `分组“${String((s as Json).id)}”` }),
  );
  keyedList(
    options,
    add,
    'unique',
    (u) => toCanonicalJson([...((u as Json).fields as string[])].sort()),
    others,
    conflict,
    (u) => ({
      en: `a unique key on ${((u as Json).fields as string[]).join(', ')}`,
      zh: `字段 ${((u as Json).fields as string[]).join('、')} 上的唯一约束`,
    }),
  );
  keyedList(
    options,
    add,
    'indexes',
    (i) => toCanonicalJson(i),
    others,
    conflict,
    (i) => ({ en: `an index on ${(i as string[]).join(', ')}`, zh: `字段 ${(i as string[]).join('、')} 上的索引` }),
  );
  const match = ((add.duplicates as Json | undefined)?.match ?? []) as string[];
  if (match.length) {
    const duplicates = (options.duplicates ?? { match: [] }) as { match: string[] };
    match.forEach((name, i) => {
      const sharedHere = others('duplicates').some((o) =>
        (((o.part as Json | undefined)?.match ?? []) as string[]).includes(name),
      );
      if (!duplicates.match.includes(name)) duplicates.match.push(name);
      else if (!sharedHere)
        conflict(
          `/x-entity/duplicates/match/${i}`,
          { en: `duplicate-check field "${name}"`, zh: `查重字段“${name}”` },
          holder(undefined),
        );
    });
    options.duplicates = duplicates;
  }
  if (add.agenda !== undefined) {
    if (options.agenda === undefined) options.agenda = clone(add.agenda);
    else if (!(same(options.agenda, add.agenda) && others('agenda').some((o) => same(o.part, add.agenda))))
      conflict(
        '/x-entity/agenda',
        { en: `the agenda of ${target.$id}`, zh: `${target.$id} 的日程设置` },
        holder(others('agenda').find((o) => o.part !== undefined)?.owner),
      );
  }
  return issues;
}

/** Appends the items of a list option (sections by id, keys by their fields, indexes by value) that are new. */
function keyedList(
  options: Json,
  add: Json,
  name: string,
  keyOf: (item: unknown) => string,
  others: (key: string) => { owner: AddonParts; part: unknown }[],
  conflict: Conflict,
  what: (item: unknown) => Text,
): void {
  ((add[name] ?? []) as unknown[]).forEach((item, i) => {
    const list = (options[name] ?? []) as unknown[];
    const existing = list.find((x) => keyOf(x) === keyOf(item));
    if (existing === undefined) options[name] = [...list, clone(item)];
    else {
      const owners = others(name).filter((o) => ((o.part ?? []) as unknown[]).some((x) => keyOf(x) === keyOf(item)));
      if (!(same(existing, item) && owners.some((o) => ((o.part ?? []) as unknown[]).some((x) => same(x, item)))))
        conflict(`/x-entity/${name}/${i}`, what(item), holder(owners[0]?.owner));
    }
  });
}

/**
 * roles.json of an add-on: a role the model lacks comes whole; a role it has gains only grants of the
 * add-on's own entities (its title, description and other grants stay the model's).
 */
function mergeRoles(base: DefinitionSet, addon: AddonParts): Issue[] {
  const roles = (addon.roles?.roles ?? {}) as unknown as Record<string, Json>;
  if (!Object.keys(roles).length) return [];
  const issues: Issue[] = [];
  const merged = clone(base.roles ?? ({ roles: {} } as RolesDefinition));
  const own = new Set(addon.entities.map((e) => e.$id));
  for (const [id, role] of Object.entries(roles)) {
    const existing = merged.roles[id] as unknown as Json | undefined;
    if (existing && (typeof role !== 'object' || role === null)) continue; // its shape is the roles validator's to report
    if (!existing) {
      merged.roles[id] = clone(role) as unknown as RolesDefinition['roles'][string];
      continue;
    }
    for (const key of Object.keys(role).filter((k) => k !== 'entities'))
      issues.push(
        issue(ROLES_FILE, `/roles/${id}/${key}`, 'addonRole', {
          en: `role "${id}" exists already: an add-on only grants it the add-on's own entities, its ${key} stays as it is`,
          zh: `角色“${id}”已存在：附加模板只能为它授予本模板自己的实体，不能修改它的 ${key}`,
        }),
      );
    const grants = (existing.entities ?? {}) as Json;
    for (const [entity, grant] of Object.entries((role.entities ?? {}) as Json)) {
      const pointer = `/roles/${id}/entities/${entity}`;
      if (!own.has(entity)) {
        // Scopes and events of its own events first (merge-workflow-extension-grants.ts), then field rules.
        const entry = grants[entity] as Parameters<typeof mergeModelGrant>[0];
        const events = addedEvents(base, addon, entity);
        const scoped = mergeModelGrant(entry, grant, events, pointer, id);
        issues.push(...scoped.issues);
        const fieldIssue =
          scoped.rest === undefined
            ? undefined
            : mergeFieldRules(grants, entity, scoped.rest, addedFields(addon, entity), pointer, id);
        if (fieldIssue) issues.push(fieldIssue);
      } else if (grants[entity] !== undefined)
        issues.push(
          issue(ROLES_FILE, pointer, 'addonConflict', {
            en: `role "${id}" already names "${entity}"`,
            zh: `角色“${id}”已经设置了“${entity}”的权限`,
          }),
        );
      else grants[entity] = clone(grant);
    }
    existing.entities = grants;
  }
  base.roles = merged;
  return issues;
}

/** The names of the fields an add-on's extensions add to one entity of the model. */
function addedFields(addon: AddonParts, entity: string): Set<string> {
  return new Set(
    addon.extensions.filter((x) => x.$id === entity).flatMap((x) => Object.keys((x.properties ?? {}) as Json)),
  );
}

/**
 * A grant on an entity of the model, on a role of the model: allowed only as `fields` rules (hidden,
 * readOnly) for fields this add-on adds to it, merged into the role's own entry for that entity. Anything
 * else is the model's to grant; an issue says so.
 */
function mergeFieldRules(
  grants: Json,
  entity: string,
  grant: unknown,
  added: Set<string>,
  pointer: string,
  role: string,
): Issue | undefined {
  const g = (grant ?? {}) as Json;
  const fields = g.fields as Json | undefined;
  const onlyFields =
    typeof grant === 'object' &&
    grant !== null &&
    Object.keys(g).every((k) => k === 'fields') &&
    typeof fields === 'object' &&
    fields !== null &&
    Object.keys(fields).every((name) => added.has(name));
  const entry = grants[entity] as Json | undefined;
  if (!onlyFields || !entry)
    return issue(ROLES_FILE, pointer, 'addonRole', {
      en: `"${entity}" is not an entity of this add-on: on the model's entities an add-on may only set fields rules (hidden, readOnly) for the fields it adds, on roles that already name the entity`,
      zh: `“${entity}”不是本附加模板的实体：对模型已有的实体，附加模板只能为自己新增的字段设置字段规则（隐藏、只读），且该角色须已设置此实体的权限`,
    });
  const existing = (entry.fields ?? {}) as Json;
  const clash = Object.keys(fields).find((name) => existing[name] !== undefined && existing[name] !== fields[name]);
  if (clash)
    return issue(ROLES_FILE, `${pointer}/fields/${clash}`, 'addonConflict', {
      en: `role "${role}" already has a rule for field "${clash}" of ${entity}`,
      zh: `角色“${role}”已经为 ${entity} 的字段“${clash}”设置了规则`,
    });
  entry.fields = { ...existing, ...clone(fields) };
  return undefined;
}

/**
 * The model without what one release of an add-on added: its entities, workflows and roles, the grants it
 * gave roles of the model, and its additions to other entities and workflows, except those another installed add-on
 * holds identically (they stay for it).
 */
export function removeAddon(model: DefinitionSet, addon: AddonParts, others: AddonParts[]): DefinitionSet {
  const set = clone(model);
  const entityIds = new Set(addon.entities.map((e) => e.$id));
  set.entities = set.entities.filter((e) => !entityIds.has(e.$id));
  const workflowIds = new Set(addon.workflows.map((w) => w.id));
  set.workflows = set.workflows.filter((w) => !workflowIds.has(w.id));
  const dashboardIds = new Set((addon.dashboards ?? []).map((d) => d.id));
  if (set.dashboards) set.dashboards = set.dashboards.filter((d) => !dashboardIds.has(d.id));
  if (set.dashboards && !set.dashboards.length) delete set.dashboards;
  for (const extension of addon.extensions) {
    const target = set.entities.find((e) => e.$id === extension.$id);
    if (target) unextend(target, extension, sharedExtensions(others, extension.$id));
  }
  unextendWorkflows(set, addon, others);
  if (set.roles && addon.roles) {
    for (const [id, role] of Object.entries(addon.roles.roles ?? {})) {
      const existing = set.roles.roles[id];
      if (!existing) continue;
      const ownsRole = !others.some((o) => o.roles?.roles[id]) && 'title' in role;
      if (ownsRole) delete set.roles.roles[id];
      else
        for (const [entity, grant] of Object.entries(role.entities ?? {})) {
          if (entityIds.has(entity)) delete existing.entities[entity];
          else {
            dropFieldRules(existing.entities[entity], Object.keys(grant?.fields ?? {}));
            dropModelGrant(existing.entities[entity], grant, others, id, entity);
          }
        }
    }
    // Grants of removed entities on any role would point at nothing.
    for (const role of Object.values(set.roles.roles))
      for (const entity of Object.keys(role.entities ?? {})) if (entityIds.has(entity)) delete role.entities[entity];
  }
  return set;
}

/** Takes an add-on's field rules out of a role's entry for an entity of the model. */
function dropFieldRules(entry: { fields?: Record<string, unknown> } | undefined, names: string[]): void {
  if (!entry?.fields) return;
  for (const name of names) delete entry.fields[name];
  if (!Object.keys(entry.fields).length) delete entry.fields;
}

function unextend(target: EntityDefinition, extension: EntityExtension, shared: Shared): void {
  const x = extension as Json;
  const t = target as unknown as Json;
  const keeps = (part: (e: EntityExtension) => unknown, test: (value: unknown) => boolean) =>
    shared.some(({ extension: o }) => {
      const value = part(o);
      return value !== undefined && test(value);
    });
  const removed = Object.keys((x.properties ?? {}) as Json).filter(
    (name) =>
      !keeps(
        (e) => e.properties,
        (p) => name in (p as Json),
      ),
  );
  for (const name of removed) delete target.properties[name];
  if (target.required) target.required = target.required.filter((name) => !removed.includes(name));
  for (const type of Object.values(target['x-entity'].recordTypes ?? {})) {
    if (type.fields) type.fields = type.fields.filter((name) => !removed.includes(name));
  }
  const rules = (x['x-rules'] ?? []) as unknown[];
  if (t['x-rules']) {
    t['x-rules'] = (t['x-rules'] as unknown[]).filter(
      (rule) =>
        !rules.some((r) => same(r, rule)) ||
        keeps(
          (e) => e['x-rules'],
          (rs) => (rs as unknown[]).some((r) => same(r, rule)),
        ),
    );
    if (!(t['x-rules'] as unknown[]).length) delete t['x-rules'];
  }
  const options = target['x-entity'] as unknown as Json;
  const add = (x['x-entity'] ?? {}) as Json;
  const otherPart = (key: string) => (e: EntityExtension) => ((e['x-entity'] ?? {}) as Json)[key];
  for (const key of Object.keys((add.recordTypes ?? {}) as Json)) {
    if (options.recordTypes && !keeps(otherPart('recordTypes'), (p) => key in (p as Json)))
      delete (options.recordTypes as Json)[key];
  }
  for (const name of ['sections', 'unique', 'indexes']) {
    const mine = (add[name] ?? []) as unknown[];
    if (!mine.length || !options[name]) continue;
    options[name] = (options[name] as unknown[]).filter(
      (item) =>
        !mine.some((m) => same(m, item)) || keeps(otherPart(name), (p) => (p as unknown[]).some((o) => same(o, item))),
    );
    if (!(options[name] as unknown[]).length) delete options[name];
  }
  const match = ((add.duplicates as Json | undefined)?.match ?? []) as string[];
  const duplicates = options.duplicates as { match: string[] } | undefined;
  if (match.length && duplicates) {
    duplicates.match = duplicates.match.filter(
      (name) =>
        !match.includes(name) || keeps(otherPart('duplicates'), (p) => ((p as Json).match as string[]).includes(name)),
    );
    if (!duplicates.match.length) delete options.duplicates;
  }
  if (
    add.agenda !== undefined &&
    same(options.agenda, add.agenda) &&
    !keeps(otherPart('agenda'), (p) => same(p, add.agenda))
  )
    delete options.agenda;
}

/** Where each definition of a merged set comes from, for issues: the model's files, the add-on's own. */
export function mergedFiles(set: DefinitionSet): Record<string, string> {
  return {
    ...Object.fromEntries(set.entities.map((e) => [`entity:${e.$id}`, entityFile(e.$id)])),
    ...Object.fromEntries(set.workflows.map((w) => [`workflow:${w.id}`, workflowFile(w.id)])),
    ...(set.roles && { [ROLES_SOURCE_KEY]: ROLES_FILE }),
    ...Object.fromEntries((set.dashboards ?? []).map((d) => [dashboardSourceKey(d.id), dashboardFile(d.id)])),
  };
}

/** An add-on's dashboards: new ids are added; an id the model (or another add-on) has is a conflict. */
function mergeDashboards(base: DefinitionSet, addon: AddonParts, others: AddonParts[]): Issue[] {
  const issues: Issue[] = [];
  for (const dashboard of addon.dashboards ?? []) {
    if (!(base.dashboards ?? []).some((d) => d.id === dashboard.id)) {
      base.dashboards = [...(base.dashboards ?? []), clone(dashboard)];
      continue;
    }
    const by = holder(others.find((o) => (o.dashboards ?? []).some((d) => d.id === dashboard.id)));
    issues.push(
      issue(dashboardFile(dashboard.id), '/id', 'addonConflict', {
        en: `dashboard "${dashboard.id}" exists already in ${by.en}; an add-on adds dashboards under ids of its own`,
        zh: `仪表盘“${dashboard.id}”已存在于${by.zh}中；附加模板只能以新的 id 增加仪表盘`,
      }),
    );
  }
  return issues;
}

/**
 * An issue of the merged set, pointed back at the add-on file that caused it: a field, rule, record type,
 * section or key an extension added is reported at `schemas/<entity>.extend.json` and its pointer there.
 */
export function toAddonIssue(found: Issue, model: DefinitionSet, addon: AddonParts): Issue {
  const extension = addon.extensions.find((x) => found.file === entityFile(x.$id));
  if (!extension) return found;
  const x = extension as Json;
  const before = model.entities.find((e) => e.$id === extension.$id) as Json | undefined;
  const moved = (pointer: string) => ({ ...found, file: extensionFile(extension.$id), pointer });
  const [, first, second, third] = found.pointer.split('/');
  if (first === 'properties' && second !== undefined && second in ((x.properties ?? {}) as Json))
    return moved(found.pointer);
  const offset = (list: unknown, index: string | undefined, prefix: string, rest: string[]) => {
    const at = Number(index) - ((list ?? []) as unknown[]).length;
    return at >= 0 ? moved([prefix, String(at), ...rest].join('/')) : found;
  };
  const tail = found.pointer.split('/');
  if (first === 'x-rules' && x['x-rules']) return offset(before?.['x-rules'], second, '/x-rules', tail.slice(3));
  if (first === 'x-entity' && second !== undefined) {
    const add = (x['x-entity'] ?? {}) as Json;
    const options = (before?.['x-entity'] ?? {}) as Json;
    if (second === 'recordTypes' && third !== undefined && third in ((add.recordTypes ?? {}) as Json))
      return moved(found.pointer);
    if (['sections', 'unique', 'indexes'].includes(second) && add[second])
      return offset(options[second], third, `/x-entity/${second}`, tail.slice(4));
    if (second === 'agenda' && add.agenda !== undefined && options.agenda === undefined) return moved(found.pointer);
  }
  return found;
}
