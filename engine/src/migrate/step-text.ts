import type { Text } from '../errors.js';
import type { SqlType } from '../schema/table-spec.js';
import type { Step, StepDraft } from './plan.js';
import { keyStepReason, keyStepText } from './key-step-text.js';
import { formulaStepReason, formulaStepText } from './formula-step-text.js';
import { sequenceStepReason, sequenceStepText } from './sequence-steps.js';
import { rollupStepReason, rollupStepText } from './rollup-step-text.js';
import { searchStepReason, searchStepText } from './search-step-text.js';
import type { StepNames } from './step-names.js';

type Of<K extends Step['kind']> = Extract<StepDraft, { kind: K }>;

/**
 * A step in words for the people who publish, in both languages, naming entities, fields, choices and
 * stages by their titles (the CLI keeps describeStep's table and column names). Counts appear only once
 * counted: a plan between two past versions has none, and says nothing about them rather than "0".
 */
export function stepText(step: StepDraft, names: StepNames): Text {
  const E = (table: string) => names.entity(table);
  const F = (table: string, column: string) => names.field(table, column);
  switch (step.kind) {
    case 'createTable':
      return say(`create the table of ${q(E(step.table.name).en)}`, `新建「${E(step.table.name).zh}」的数据表`);
    case 'dropTable':
      return say(`drop the table of ${q(E(step.table).en)}`, `删除「${E(step.table).zh}」的数据表`);
    case 'renameTable':
      return renamed(E(step.from), E(step.to), ['rename the entity', '业务对象改名']);
    case 'addColumn':
      return say(
        `add the field ${q(F(step.table, step.column.name).en)} to ${q(E(step.table).en)} (${kind(step.column.type).en})`,
        `为「${E(step.table).zh}」添加字段「${F(step.table, step.column.name).zh}」（${kind(step.column.type).zh}）`,
      );
    case 'dropColumn':
      return say(
        `remove the field ${q(F(step.table, step.column).en)} from ${q(E(step.table).en)}`,
        `从「${E(step.table).zh}」删除字段「${F(step.table, step.column).zh}」`,
      );
    case 'renameColumn':
      return of(
        step.table,
        names,
        renamed(F(step.table, step.from), F(step.table, step.to), ['rename the field', '字段改名']),
      );
    case 'alterType': {
      const [from, to] = [kind(step.from), kind(step.to)];
      return say(
        `change the type of ${field(step, names).en} ${from.en} → ${to.en}`,
        `修改${field(step, names).zh}的类型：${from.zh} → ${to.zh}`,
      );
    }
    case 'setNotNull':
      return say(`make ${field(step, names).en} required`, `将${field(step, names).zh}设为必填`);
    case 'dropNotNull':
      return say(`make ${field(step, names).en} optional`, `将${field(step, names).zh}改为选填`);
    case 'setDefault': {
      const value = step.default && 'value' in step.default ? ` ${JSON.stringify(step.default.value)}` : '';
      if (!step.default)
        return say(`remove the default of ${field(step, names).en}`, `移除${field(step, names).zh}的默认值`);
      return say(
        `set the default of ${field(step, names).en}${value ? ` to${value}` : ''}`,
        `设置${field(step, names).zh}的默认值${value ? `为${value}` : ''}`,
      );
    }
    case 'addEnumValues':
      return say(
        `add the choices ${choices(step, names).en} to ${field(step, names).en}`,
        `为${field(step, names).zh}添加选项${choices(step, names).zh}`,
      );
    case 'removeEnumValues':
      return say(
        `remove the choices ${choices(step, names).en} from ${field(step, names).en}`,
        `从${field(step, names).zh}移除选项${choices(step, names).zh}`,
      );
    case 'addForeignKey':
      return say(
        `link ${field(step, names).en} to ${q(E(step.references.table).en)}`,
        `将${field(step, names).zh}关联到「${E(step.references.table).zh}」`,
      );
    case 'dropForeignKey':
      return say(`unlink ${field(step, names).en} from its related entity`, `取消${field(step, names).zh}的关联约束`);
    case 'addIndex':
    case 'dropIndex': {
      const columns = step.index.columns.map((column) => F(step.table, column));
      const en = `${step.kind === 'addIndex' ? 'add' : 'drop'} an index on ${q(E(step.table).en)} (${columns.map((c) => c.en).join(', ')})`;
      return say(
        en,
        `${step.kind === 'addIndex' ? '为' : '删除'}「${E(step.table).zh}」${step.kind === 'addIndex' ? '添加' : '的'}索引（${columns.map((c) => c.zh).join('、')}）`,
      );
    }
    case 'createJunction':
    case 'dropJunction': {
      const { source, field: name, target } = step.junction;
      const link = {
        en: `${q(F(source, name).en)} of ${q(E(source).en)} (↔ ${q(E(target).en)})`,
        zh: `「${E(source).zh}」的「${F(source, name).zh}」（↔「${E(target).zh}」）`,
      };
      return step.kind === 'createJunction'
        ? say(`create the link table of ${link.en}`, `新建${link.zh}的关联表`)
        : say(`drop the link table of ${link.en}`, `删除${link.zh}的关联表`);
    }
    case 'renameJunction': {
      const [table, from] = splitJunction(step.from);
      const [, to] = splitJunction(step.to);
      return of(table, names, renamed(F(table, from), F(table, to), ['rename the link field', '关联字段改名']));
    }
    case 'addFormula':
    case 'changeFormula':
    case 'dropFormula':
      return formulaStepText(step, names);
    case 'addKeyIndex':
    case 'dropKeyIndex':
      return keyStepText(step, names);
    case 'setRollup':
    case 'dropRollup':
      return rollupStepText(step, names);
    case 'setSearch':
    case 'dropSearch':
      return searchStepText(step, names);
    case 'renameState': {
      const workflow = names.workflow(step.workflow);
      const change = renamed(names.state(step.workflow, step.from), names.state(step.workflow, step.to), [
        'rename the stage',
        '阶段改名',
      ]);
      return say(`${change.en} of ${q(workflow.en)}`, `流程「${workflow.zh}」${change.zh}`);
    }
    case 'addSequence':
    case 'changeSequence':
    case 'renameSequence':
    case 'dropSequence':
      return sequenceStepText(step, names);
    case 'moveState': {
      const [workflow, state] = [names.workflow(step.workflow), names.state(step.workflow, step.state)];
      const remove = say(
        `remove the stage ${q(state.en)} of ${q(workflow.en)}`,
        `删除流程「${workflow.zh}」的阶段「${state.zh}」`,
      );
      if (step.rows === 0) return remove;
      const to = step.to !== undefined ? names.state(step.workflow, step.to) : undefined;
      if (to) return say(`${remove.en}; its records move to ${q(to.en)}`, `${remove.zh}，其中的记录移到「${to.zh}」`);
      return remove;
    }
  }
}

/**
 * Why a step is safe, loses data or cannot apply, in both languages (the planner's `reason` stays the
 * English one for the CLI and logs).
 */
export function stepReason(step: Step, names: StepNames): Text {
  const rows = step.rows;
  const n = (en: string, zh: string) =>
    rows === undefined
      ? { en: '', zh: '' }
      : { en: ` (${rows} ${en}${rows === 1 ? '' : 's'})`, zh: `（${rows} ${zh}）` };
  switch (step.kind) {
    case 'dropTable': {
      const c = n('row', '行');
      return say(
        `every record of ${q(names.entity(step.table).en)} is lost${c.en}`,
        `「${names.entity(step.table).zh}」的全部记录将丢失${c.zh}`,
      );
    }
    case 'dropColumn': {
      const c = n('stored value', '个已保存的值');
      return say(
        `the values stored in ${field(step, names).en} are lost${c.en}`,
        `${field(step, names).zh}中已保存的值将丢失${c.zh}`,
      );
    }
    case 'dropJunction': {
      const c = n('link', '条关联');
      const { source, field: name } = step.junction;
      return say(
        `the ${q(names.field(source, name).en)} links of ${q(names.entity(source).en)} are lost${c.en}`,
        `「${names.entity(source).zh}」的「${names.field(source, name).zh}」关联将丢失${c.zh}`,
      );
    }
    case 'alterType':
      return alterTypeReason(step, names);
    case 'setNotNull':
      return setNotNullReason(step);
    case 'removeEnumValues':
      return removeEnumReason(step, names);
    case 'renameState':
      return say('a rename keeps every record in its stage', '改名后记录仍留在该阶段');
    case 'moveState':
      return withStageRulesNote(moveStateReason(step, names), step, names);
    case 'addSequence':
    case 'changeSequence':
    case 'renameSequence':
    case 'dropSequence':
      return sequenceStepReason(step, step.rows);
    case 'addFormula':
    case 'changeFormula':
    case 'dropFormula':
      return formulaStepReason(step);
    case 'addKeyIndex':
    case 'dropKeyIndex':
      return keyStepReason(step, names);
    case 'setRollup':
    case 'dropRollup':
      return rollupStepReason(step);
    case 'setSearch':
    case 'dropSearch':
      return searchStepReason(step);
    default:
      return SAFE[step.kind] ?? say('no stored value changes', '已保存的数据不变');
  }
}

/** Each step with its line and its reason in both languages: what the studio shows. */
export function describeSteps<S extends Step>(steps: S[], names: StepNames): (S & { text: Text; reasonText: Text })[] {
  return steps.map((step) => ({ ...step, text: stepText(step, names), reasonText: stepReason(step, names) }));
}

const SAFE: Partial<Record<Step['kind'], Text>> = {
  createTable: { en: 'creates a new, empty table', zh: '新建的数据表是空的' },
  renameTable: { en: 'a rename keeps every record', zh: '改名会保留全部记录' },
  renameColumn: { en: 'a rename keeps every value', zh: '改名会保留全部数据' },
  renameJunction: { en: 'a rename keeps every link', zh: '改名会保留全部关联' },
  addColumn: { en: 'existing records get the default, or stay empty', zh: '现有记录取默认值或留空' },
  addEnumValues: { en: 'new choices change no stored value', zh: '新增选项不改变已保存的数据' },
  dropNotNull: { en: 'the field becomes optional; no value changes', zh: '字段改为选填，数据不变' },
  setDefault: { en: 'applies to new records only', zh: '只影响新记录' },
  createJunction: { en: 'creates a new, empty link table', zh: '新建的关联表是空的' },
  addForeignKey: { en: 'checks that links point at existing records', zh: '检查关联指向的记录存在' },
  dropForeignKey: { en: 'removes the link check; no value changes', zh: '去掉关联检查，数据不变' },
  addIndex: { en: 'indexes hold no data of their own', zh: '索引不保存数据' },
  dropIndex: { en: 'indexes hold no data of their own', zh: '索引不保存数据' },
};

function alterTypeReason(step: Of<'alterType'> & Step, names: StepNames): Text {
  const rows = step.rows;
  const to = kind(step.to);
  if (rows !== undefined && rows > 0) {
    const lost = say(
      `${rows} value${rows === 1 ? '' : 's'} of ${field(step, names).en} cannot convert to ${to.en}`,
      `${field(step, names).zh}有 ${rows} 个值无法转换为${to.zh}`,
    );
    if (step.safety === 'blocked')
      return say(
        `${lost.en}, and the field is required, so they cannot become empty`,
        `${lost.zh}，且该字段必填，不能清空`,
      );
    return say(`${lost.en} and become empty`, `${lost.zh}，将被清空`);
  }
  if (step.safety === 'safe') return say('the new type holds every value unchanged', '新类型能原样保存所有值');
  if (rows === undefined) return say('values that cannot convert become empty', '无法转换的值将被清空');
  return say(
    'every stored value converts, but numbers may be rounded and the field accepts less',
    '现有值都能转换，但数字可能被舍入，字段今后接受的值更少',
  );
}

function setNotNullReason(step: Of<'setNotNull'> & Step): Text {
  const rows = step.rows;
  const backfill = step.backfill === undefined ? undefined : JSON.stringify(step.backfill);
  if (rows === undefined)
    return backfill
      ? say(`empty values get the default ${backfill}`, `空值将填入默认值 ${backfill}`)
      : say('every record must have a value', '每条记录都必须有值');
  if (rows === 0) return say('no record has it empty', '没有记录为空');
  if (!backfill)
    return say(
      `${rows} record${rows === 1 ? ' has' : 's have'} no value and there is no default to fill in`,
      `${rows} 条记录没有值，且没有可填入的默认值`,
    );
  return say(
    `${rows} empty value${rows === 1 ? ' gets' : 's get'} the default ${backfill}`,
    `${rows} 个空值将填入默认值 ${backfill}`,
  );
}

function removeEnumReason(step: Of<'removeEnumValues'> & Step, names: StepNames): Text {
  const rows = step.rows;
  const values = choices(step, names);
  const count =
    rows === undefined ? { en: '', zh: '' } : { en: ` (${rows} record${rows === 1 ? '' : 's'})`, zh: `（${rows} 条）` };
  if (rows === 0) return say(`no record uses ${values.en}`, `没有记录使用${values.zh}`);
  if (step.array)
    return say(
      `records that chose ${values.en} lose these choices${count.en}`,
      `选了${values.zh}的记录将去掉这些选项${count.zh}`,
    );
  if (step.safety === 'blocked')
    return say(
      `records use ${values.en}${count.en}, and the field is required, so they cannot become empty`,
      `有记录使用${values.zh}${count.zh}，且该字段必填，不能清空`,
    );
  return say(`records using ${values.en} become empty${count.en}`, `使用${values.zh}的记录将被清空${count.zh}`);
}

/** A removed stage that locked, hid or required fields: its records lose those rules and take the new stage's. */
function withStageRulesNote(reason: Text, step: Of<'moveState'> & Step, names: StepNames): Text {
  if (step.rows === 0 || !names.stageRuled?.(step.workflow, step.state)) return reason;
  return say(
    `${reason.en}; its field rules (locked, read-only, hidden or required fields) no longer apply to them`,
    `${reason.zh}；该阶段的字段规则（锁定、只读、隐藏、必填）将不再约束这些记录`,
  );
}

function moveStateReason(step: Of<'moveState'> & Step, names: StepNames): Text {
  const rows = step.rows;
  const state = names.state(step.workflow, step.state);
  if (rows === 0)
    return say(
      `no record is in the stage ${q(state.en)}, which the new version removes`,
      `没有记录处于新版本删除的阶段「${state.zh}」`,
    );
  const count =
    rows === undefined
      ? { en: 'its records', zh: '其中的记录' }
      : { en: `its ${rows} record${rows === 1 ? '' : 's'}`, zh: `其中的 ${rows} 条记录` };
  if (step.to !== undefined) {
    const to = names.state(step.workflow, step.to);
    return say(
      `the new version removes the stage ${q(state.en)}; ${count.en} move to ${q(to.en)} as mapped`,
      `新版本删除阶段「${state.zh}」，${count.zh}按指定移到「${to.zh}」`,
    );
  }
  const initial = names.state(step.workflow, step.initial);
  return say(
    `the new version removes the stage ${q(state.en)}; pick where ${count.en} go (without a choice they move to the initial stage ${q(initial.en)})`,
    `新版本删除阶段「${state.zh}」，请选择${count.zh}的去向（不选则移到初始阶段「${initial.zh}」）`,
  );
}

/** A field with its entity: `“Region” of “Customer”` / `「客户」的「所属区域」`. */
function field(step: { table: string; column: string }, names: StepNames): Text {
  const [e, f] = [names.entity(step.table), names.field(step.table, step.column)];
  return { en: `${q(f.en)} of ${q(e.en)}`, zh: `「${e.zh}」的「${f.zh}」` };
}

function choices(step: { table: string; column: string; values: string[] }, names: StepNames): Text {
  const labels = step.values.map((value) => names.choice(step.table, step.column, value));
  return { en: labels.map((l) => q(l.en)).join(', '), zh: labels.map((l) => `「${l.zh}」`).join('、') };
}

/** `rename the field “A” → “B”`; when only the id changed, the one title and that data is kept. */
function renamed(from: Text, to: Text, [en, zh]: [string, string]): Text {
  if (from.en === to.en && from.zh === to.zh)
    return say(`${en} ${q(to.en)} (its id changes; data kept)`, `${zh}「${to.zh}」（标识变更，数据保留）`);
  return say(`${en} ${q(from.en)} → ${q(to.en)}`, `${zh}「${from.zh}」→「${to.zh}」`);
}

function of(table: string, names: StepNames, text: Text): Text {
  const entity = names.entity(table);
  return say(`${text.en} of ${q(entity.en)}`, `「${entity.zh}」${text.zh}`);
}

/** A column type as a field kind a user knows. */
function kind(type: SqlType): Text {
  const base: Record<SqlType['base'], Text> = {
    text: { en: 'text', zh: '文本' },
    varchar: type.length
      ? { en: `text up to ${type.length} characters`, zh: `文本，最多 ${type.length} 字` }
      : { en: 'text', zh: '文本' },
    integer: { en: 'whole number', zh: '整数' },
    bigint: { en: 'whole number', zh: '整数' },
    'double precision': { en: 'number', zh: '数字' },
    numeric:
      type.scale !== undefined
        ? { en: `number with ${type.scale} decimals`, zh: `数字，${type.scale} 位小数` }
        : { en: 'number', zh: '数字' },
    boolean: { en: 'yes/no', zh: '是/否' },
    date: { en: 'date', zh: '日期' },
    timestamptz: { en: 'date and time', zh: '日期时间' },
    uuid: { en: 'link', zh: '关联' },
    jsonb: { en: 'structured data', zh: '结构化数据' },
  };
  const one = base[type.base];
  return type.array ? { en: `list of ${one.en}`, zh: `${one.zh}（多个）` } : one;
}

function splitJunction(name: string): [string, string] {
  const at = name.indexOf('__');
  return at < 0 ? [name, name] : [name.slice(0, at), name.slice(at + 2)];
}

function q(title: string): string {
  return `“${title}”`;
}

function say(en: string, zh: string): Text {
  return { en, zh };
}
