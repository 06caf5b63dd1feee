import type { DefinitionSet, Text } from '@lodestar/core';

/**
 * Where a definition set names an entity's field or a workflow's state, each place described by the
 * titles an admin sees ("工作流「商机销售流程」的阶段「初步接触」的流转「输单」的条件"). Pure: the studio asks
 * before removing something, and publish refuses a removal that leaves such names behind.
 */
export interface Reference {
  /** `entity:<id>`, `workflow:<id>`, `roles` or `dashboard:<id>` (the SourceFiles key of the definition). */
  source: string;
  /** JSON pointer inside that definition. */
  pointer: string;
  text: Text;
  /**
   * A filter value that only stops matching once the name is gone (a dashboard's state filter): listed
   * for the admin, but no reason to refuse the removal (a stage's records are moved by the state mapping).
   */
  soft?: true;
}

type Json = Record<string, unknown>;
type Part = Text;

/** Keys whose string value is one field name, and keys whose array holds field names. */
const FIELD_KEYS = new Set(['field', 'than', 'userField', 'amountField', 'closeDateField', 'titleField', 'itemOrder']);
const FIELD_LIST_KEYS = new Set(['fields', 'required', 'readOnly', 'hidden', 'except', 'match', 'highlights']);
/** Keys whose string value is a formula over the record's fields. */
const FORMULA_KEYS = new Set(['x-formula', 'check', 'when', 'where', 'by']);

export function findFieldReferences(set: DefinitionSet, entityId: string, field: string): Reference[] {
  const refs: Reference[] = [];
  for (const entity of set.entities as unknown as Json[]) {
    const id = String(entity.$id);
    const outer = [entityPart(entity)];
    if (id === entityId) {
      const skip = (p: string) =>
        p === `/properties/${field}` || /^\/properties\/[^/]+\/x-rollup$/.test(p) || p === '/x-entity/indexes';
      const found = (pointer: string, key: string) =>
        refs.push(ref(`entity:${id}`, pointer, [...outer, ...entityPlace(entity, pointer, key)]));
      walk(entity, '', found, field, skip);
      indexes(entity).forEach((index, i) => {
        if (index.includes(field))
          refs.push(ref(`entity:${id}`, `/x-entity/indexes/${i}`, [...outer, { zh: '索引', en: 'an index' }]));
      });
    }
    // Roll-ups in any entity that sum this entity's records name its fields in via, field and where.
    for (const [name, def] of Object.entries(objectAt(entity, 'properties'))) {
      const rollup = objectAt(def, 'x-rollup');
      if (rollup.from !== entityId) continue;
      const hit =
        rollup.via === field ||
        rollup.field === field ||
        (typeof rollup.where === 'string' && mentions(rollup.where, field));
      if (hit)
        refs.push(
          ref(`entity:${id}`, `/properties/${name}/x-rollup`, [
            ...outer,
            fieldPart(entity, name),
            { zh: '汇总', en: 'the roll-up' },
          ]),
        );
    }
    // A record page's related list of this entity names its field by `via` and in `columns`.
    const related = objectAt(entity, 'x-ui').related;
    (Array.isArray(related) ? (related as Json[]) : []).forEach((list, i) => {
      if (list.entity !== entityId) return;
      const columns = Array.isArray(list.columns) ? list.columns : [];
      if (list.via === field || columns.includes(field))
        refs.push(
          ref(`entity:${id}`, `/x-ui/related/${i}`, [
            ...outer,
            { zh: '记录页的相关列表', en: 'the related lists of the record page' },
          ]),
        );
    });
  }
  for (const workflow of set.workflows as unknown as Json[]) {
    if (!boundTo(set, workflow, entityId)) continue;
    const source = `workflow:${String(workflow.id)}`;
    walk(workflow, '', (pointer) => refs.push(ref(source, pointer, workflowPlace(workflow, pointer))), field);
    // A timer on a date field names it in its key: "at dueDate 09:00", "before dueDate P3D".
    for (const [name, state] of Object.entries(objectAt(workflow, 'states')))
      for (const key of Object.keys(objectAt(state, 'after')))
        if (/^(at|after|before)\s+(\w+)/.exec(key)?.[2] === field)
          refs.push(
            ref(
              source,
              `/states/${name}/after/${pointerToken(key)}`,
              workflowPlace(workflow, `/states/${name}/after/${pointerToken(key)}`),
            ),
          );
  }
  const roles = objectAt(set.roles, 'roles');
  for (const [roleId, role] of Object.entries(roles)) {
    if (objectAt(objectAt(objectAt(role, 'entities'), entityId), 'fields')[field] !== undefined)
      refs.push(
        ref('roles', `/roles/${roleId}/entities/${entityId}/fields/${field}`, [
          titled({ zh: '角色', en: 'role' }, role, roleId),
          { zh: '字段权限', en: 'the field permissions' },
        ]),
      );
  }
  for (const dashboard of (set.dashboards ?? []) as unknown as Json[]) {
    listAt(dashboard, 'widgets').forEach((widget, i) => {
      const w = widget as Json;
      if (w.entity !== entityId) return;
      const named = [
        objectAt(w, 'measure').field,
        w.groupBy,
        objectAt(w, 'period').field,
        ...Object.keys(objectAt(w, 'filter')),
      ];
      if (named.includes(field))
        refs.push(
          ref(`dashboard:${String(dashboard.id)}`, `/widgets/${i}`, [
            titled({ zh: '仪表盘', en: 'dashboard' }, dashboard, String(dashboard.id)),
            titled({ zh: '图表', en: 'chart' }, w, String(w.id)),
          ]),
        );
    });
  }
  return refs;
}

export function findStateReferences(set: DefinitionSet, workflowId: string, state: string): Reference[] {
  const refs: Reference[] = [];
  const workflow = (set.workflows as unknown as Json[]).find((w) => w.id === workflowId);
  if (!workflow) return refs;
  const source = `workflow:${workflowId}`;
  if (workflow.initial === state)
    refs.push(ref(source, '/initial', [workflowTitle(workflow), { zh: '起始阶段', en: 'the initial stage' }]));
  for (const [name, def] of Object.entries(objectAt(workflow, 'states'))) {
    if (name === state) continue;
    for (const [pointer] of transitions(def as Json, `/states/${name}`)) {
      const target = valueAt(workflow, pointer);
      if ((target as Json)?.target === state)
        refs.push(ref(source, `${pointer}/target`, workflowPlace(workflow, `${pointer}/target`)));
    }
  }
  // Formulas over records in this workflow compare `state` with the state's name as text.
  const quoted = new RegExp(`"${escapeRegExp(state)}"`);
  for (const entity of set.entities as unknown as Json[]) {
    for (const [name, def] of Object.entries(objectAt(entity, 'properties'))) {
      const rollup = objectAt(def, 'x-rollup');
      if (typeof rollup.where !== 'string' || !quoted.test(rollup.where) || !mentions(rollup.where, 'state')) continue;
      const child = (set.entities as unknown as Json[]).find((e) => e.$id === rollup.from);
      if (child && workflowOf(set, child) === workflowId)
        refs.push(
          ref(`entity:${String(entity.$id)}`, `/properties/${name}/x-rollup/where`, [
            entityPart(entity),
            fieldPart(entity, name),
            { zh: '汇总的筛选条件', en: 'the roll-up filter' },
          ]),
        );
    }
  }
  for (const dashboard of (set.dashboards ?? []) as unknown as Json[]) {
    listAt(dashboard, 'widgets').forEach((widget, i) => {
      const w = widget as Json;
      const entity = (set.entities as unknown as Json[]).find((e) => e.$id === w.entity);
      const filter = objectAt(objectAt(w, 'filter'), 'state');
      const values = Object.values(filter).flatMap((v) => String(v).split(','));
      if (entity && workflowOf(set, entity) === workflowId && values.includes(state))
        refs.push({
          ...ref(`dashboard:${String(dashboard.id)}`, `/widgets/${i}/filter/state`, [
            titled({ zh: '仪表盘', en: 'dashboard' }, dashboard, String(dashboard.id)),
            titled({ zh: '图表', en: 'chart' }, w, String(w.id)),
          ]),
          soft: true,
        });
    });
  }
  return refs;
}

/** The references as one sentence per language: "…：A；B" / "…: A; B". */
export function listReferences(refs: Reference[]): Text {
  return { zh: refs.map((r) => r.text.zh).join('；'), en: refs.map((r) => r.text.en).join('; ') };
}

// --- walking -------------------------------------------------------------------------------------

/** Calls `found` for every place under `value` that names `field` by one of the keys above. */
function walk(
  value: unknown,
  pointer: string,
  found: (pointer: string, key: string) => void,
  field: string,
  skip?: (p: string) => boolean,
): void {
  if (skip?.(pointer)) return;
  if (Array.isArray(value)) return value.forEach((v, i) => walk(v, `${pointer}/${i}`, found, field, skip));
  if (!value || typeof value !== 'object') return;
  for (const [key, v] of Object.entries(value as Json)) {
    const at = `${pointer}/${pointerToken(key)}`;
    if (key === 'x-i18n' || key === 'title' || key === 'description') continue;
    if (FIELD_KEYS.has(key) && v === field) found(at, key);
    else if (FIELD_LIST_KEYS.has(key) && Array.isArray(v) && v.includes(field)) found(at, key);
    else if (FORMULA_KEYS.has(key) && typeof v === 'string' && mentions(v, field)) found(at, key);
    // A schedule's `set` maps field names to formulas.
    else if (
      key === 'set' &&
      v &&
      typeof v === 'object' &&
      !Array.isArray(v) &&
      (field in v || Object.values(v).some((f) => typeof f === 'string' && mentions(f, field)))
    )
      found(at, key);
    else walk(v, at, found, field, skip);
  }
}

/** Whether a formula names `name` as a bare identifier (not in a text literal, not after a dot, not a function). */
export function mentions(formula: string, name: string): boolean {
  const code = formula.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  return new RegExp(`(?<![\\w.])${escapeRegExp(name)}(?![\\w(])`).test(code);
}

/** The transitions of one state: [pointer, transition] for on, after and always. */
function transitions(state: Json, base: string): [string, Json][] {
  const out: [string, Json][] = [];
  const add = (value: unknown, at: string) => {
    if (Array.isArray(value)) value.forEach((t, i) => out.push([`${at}/${i}`, t as Json]));
    else if (value && typeof value === 'object') out.push([at, value as Json]);
  };
  for (const [event, t] of Object.entries(objectAt(state, 'on'))) add(t, `${base}/on/${event}`);
  for (const [delay, t] of Object.entries(objectAt(state, 'after'))) add(t, `${base}/after/${delay}`);
  add(state.always, `${base}/always`);
  return out;
}

// --- describing ----------------------------------------------------------------------------------

function ref(source: string, pointer: string, parts: Part[]): Reference {
  return {
    source,
    pointer,
    text: {
      zh: parts.map((p) => p.zh).join('的'),
      en: [...parts]
        .reverse()
        .map((p) => p.en)
        .join(' of '),
    },
  };
}

function entityPlace(entity: Json, pointer: string, key: string): Part[] {
  const seg = pointer.split('/').slice(1);
  if (seg[0] === 'properties') {
    const what: Record<string, Part> = {
      'x-formula': { zh: '公式', en: 'the formula' },
      itemOrder: { zh: '明细排序', en: 'the line order' },
    };
    return [fieldPart(entity, seg[1] ?? ''), what[key] ?? { zh: '设置', en: 'the settings' }];
  }
  if (seg[0] === 'x-rules') {
    const rule = listAt(entity, 'x-rules')[Number(seg[1])] as Json | undefined;
    const message = objectAt(rule, 'message');
    return [{ zh: `校验规则「${String(message.zh ?? seg[1])}」`, en: `the rule "${String(message.en ?? seg[1])}"` }];
  }
  if (seg[0] === 'required') return [{ zh: '必填字段', en: 'the required fields' }];
  if (seg[0] === 'x-ui') return [{ zh: '记录页头部的要点字段', en: 'the highlights of the record page' }];
  const places: Record<string, Part> = {
    titleField: { zh: '标题字段', en: 'the title field' },
    unique: { zh: '唯一性规则', en: 'a uniqueness rule' },
    search: { zh: '搜索字段', en: 'the search fields' },
    duplicates: { zh: '查重规则', en: 'the duplicate check' },
    agenda: { zh: '日程设置', en: 'the agenda settings' },
  };
  if (seg[1] === 'recordTypes') {
    const type = objectAt(objectAt(objectAt(entity, 'x-entity'), 'recordTypes'), seg[2] ?? '');
    return [titled({ zh: '记录类型', en: 'record type' }, type, seg[2] ?? '')];
  }
  return [places[seg[1] ?? ''] ?? { zh: '设置', en: 'the settings' }];
}

function workflowPlace(workflow: Json, pointer: string): Part[] {
  const seg = pointer.split('/').slice(1);
  const parts: Part[] = [workflowTitle(workflow)];
  if (seg[0] === 'meta') {
    if (seg[1] === 'schedules') {
      const schedule = listAt(objectAt(workflow, 'meta'), 'schedules')[Number(seg[2])] as Json;
      parts.push(titled({ zh: '定时任务', en: 'scheduled job' }, schedule, String(schedule?.id)));
    } else if (seg[1] === 'amountField') parts.push({ zh: '金额字段', en: 'the amount field' });
    else if (seg[1] === 'closeDateField') parts.push({ zh: '预计成交日期字段', en: 'the close date field' });
    return parts;
  }
  if (seg[0] !== 'states' || !seg[1]) return parts;
  const state = objectAt(objectAt(workflow, 'states'), seg[1]);
  parts.push(titled({ zh: '阶段', en: 'stage' }, objectAt(state, 'meta'), seg[1]));
  if (seg[2] === 'meta') {
    const what: Record<string, Part> = {
      fields: { zh: '字段规则', en: 'the field rules' },
      lock: { zh: '锁定规则', en: 'the lock' },
      approval: { zh: '审批设置', en: 'the approval' },
    };
    parts.push(what[seg[3] ?? ''] ?? { zh: '设置', en: 'the settings' });
    return parts;
  }
  const depth = seg[2] === 'always' ? 3 : 4;
  const transition = valueAt(workflow, `/${seg.slice(0, depth).join('/')}`) as Json | undefined;
  const indexed = Array.isArray(transition) ? (transition[Number(seg[depth])] as Json) : transition;
  const fallback = seg[2] === 'on' ? (seg[3] ?? '') : seg[2] === 'after' ? `${seg[3] ?? ''}` : '';
  parts.push(titled({ zh: '流转', en: 'transition' }, objectAt(indexed, 'meta'), fallback));
  const rest = seg.slice(Array.isArray(transition) ? depth + 1 : depth);
  if (rest[0] === 'guard') parts.push({ zh: '条件', en: 'the condition' });
  else if (rest[0] === 'actions') parts.push({ zh: '动作', en: 'an action' });
  else if (rest[0] === 'target') parts.push({ zh: '目标阶段', en: 'the target stage' });
  return parts;
}

function workflowTitle(workflow: Json): Part {
  return titled({ zh: '工作流', en: 'workflow' }, objectAt(workflow, 'meta'), String(workflow.id));
}

function entityPart(entity: Json): Part {
  const t = objectAt(objectAt(entity, 'x-i18n'), 'title');
  const fallback = typeof entity.title === 'string' ? entity.title : String(entity.$id);
  return { zh: `实体「${str(t.zh) ?? fallback}」`, en: `entity "${str(t.en) ?? fallback}"` };
}

function fieldPart(entity: Json, name: string): Part {
  const def = objectAt(objectAt(entity, 'properties'), name);
  const t = objectAt(objectAt(def, 'x-i18n'), 'title');
  const fallback = str(def.title) ?? name;
  return { zh: `字段「${str(t.zh) ?? fallback}」`, en: `field "${str(t.en) ?? fallback}"` };
}

/** "<kind>「title」" from an object with a `title` that is text or { zh, en }. */
function titled(kind: Part, holder: unknown, fallback: string): Part {
  const title = (holder as Json | undefined)?.title;
  const zh = typeof title === 'string' ? title : (str(objectAt(holder, 'title').zh) ?? fallback);
  const en = typeof title === 'string' ? title : (str(objectAt(holder, 'title').en) ?? fallback);
  return { zh: `${kind.zh}「${zh}」`, en: `${kind.en} "${en}"` };
}

// --- small readers -------------------------------------------------------------------------------

function boundTo(set: DefinitionSet, workflow: Json, entityId: string): boolean {
  if (objectAt(workflow, 'meta').entity === entityId) return true;
  const entity = (set.entities as unknown as Json[]).find((e) => e.$id === entityId);
  return !!entity && workflowOf(set, entity) === workflow.id;
}

function workflowOf(set: DefinitionSet, entity: Json): string | undefined {
  const bound = objectAt(entity, 'x-entity').workflow;
  if (typeof bound === 'string') return bound;
  return (set.workflows as unknown as Json[]).find((w) => objectAt(w, 'meta').entity === entity.$id)?.id as
    string | undefined;
}

function indexes(entity: Json): string[][] {
  return listAt(objectAt(entity, 'x-entity'), 'indexes').filter(Array.isArray) as string[][];
}

function objectAt(value: unknown, key: string): Json {
  const v = value && typeof value === 'object' ? (value as Json)[key] : undefined;
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {};
}

function listAt(value: unknown, key: string): unknown[] {
  const v = value && typeof value === 'object' ? (value as Json)[key] : undefined;
  return Array.isArray(v) ? v : [];
}

function valueAt(root: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .reduce<unknown>(
      (v, seg) => (v && typeof v === 'object' ? (v as Json)[seg.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined),
      root,
    );
}

function pointerToken(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
