import type { FieldKind } from '@lodestar/core';
import type { Issue, Text } from '../errors.js';
import { toFieldKind } from '../schema/column-types.js';
import { formulaSpecsOf } from '../schema/formula-fields.js';
import type { EntityDefinition, FieldDefinition } from './entity.js';
import { filterIssues, filterTypeOf } from './rollup-filter.js';
import type { WorkflowDefinition } from './workflow.js';

type Rollup = NonNullable<FieldDefinition['x-rollup']>;

const NUMERIC: ReadonlySet<FieldKind> = new Set(['integer', 'number', 'money']);
const ORDERED: ReadonlySet<FieldKind> = new Set([...NUMERIC, 'date', 'dateTime']);

/**
 * Roll-ups (`x-rollup`) read another entity, so they are checked across the set: the child entity exists,
 * `via` is its many-to-one relation to this entity, the child field exists and fits the operation (sum and
 * avg: numbers; min and max: numbers or dates), and the roll-up field's own type holds the result. A
 * roll-up is computed, so it is neither required nor given a default. Removing the child entity or the
 * relation a roll-up uses is therefore an issue on the roll-up, until it goes too.
 */
export function checkRollups(
  entities: EntityDefinition[],
  entityFile: (id: string) => string,
  workflows: readonly WorkflowDefinition[] = [],
): Issue[] {
  const bound = new Set(workflows.map((w) => w.meta?.entity).filter((id): id is string => typeof id === 'string'));
  const byId = new Map(entities.map((entity) => [entity.$id, entity]));
  const issues: Issue[] = [];
  for (const entity of entities) {
    for (const [name, field] of Object.entries(entity.properties)) {
      const rollup = field['x-rollup'];
      if (!rollup) continue;
      const at = `/properties/${name}`;
      const found = [...checkOwnField(entity, name, field, at), ...checkSource(entity, rollup, byId, at, field, bound)];
      issues.push(...found.map((issue) => ({ file: entityFile(entity.$id), ...issue })));
    }
  }
  for (const { entity, name } of inCycles(byId))
    issues.push({
      file: entityFile(entity),
      ...issue(`/properties/${name}/x-rollup`, 'rollupCycle', {
        en: `roll-up "${name}" depends on itself through other roll-ups`,
        zh: `汇总字段“${name}”经由其他汇总字段依赖它自身`,
      }),
    });
  return issues;
}

/**
 * Roll-ups that read (as their field or in their filter) a roll-up that reads them back: each write would
 * start the triggers over again without end. Edges run from a roll-up to the child roll-ups it reads.
 */
function inCycles(byId: Map<string, EntityDefinition>): { entity: string; name: string }[] {
  const key = (entity: string, name: string) => `${entity}.${name}`;
  const edges = new Map<string, string[]>();
  for (const entity of byId.values())
    for (const [name, field] of Object.entries(entity.properties)) {
      const rollup = field['x-rollup'];
      const child = rollup && byId.get(rollup.from);
      if (!rollup || !child) continue;
      const reads = Object.keys(child.properties).filter(
        (other) =>
          child.properties[other]!['x-rollup'] &&
          (other === rollup.field || new RegExp(`\\b${other}\\b`).test(rollup.where ?? '')),
      );
      edges.set(
        key(entity.$id, name),
        reads.map((other) => key(child.$id, other)),
      );
    }
  const cyclic: { entity: string; name: string }[] = [];
  for (const start of edges.keys()) {
    const seen = new Set<string>();
    const stack = [...(edges.get(start) ?? [])];
    while (stack.length) {
      const next = stack.pop()!;
      if (next === start) {
        const [entity, name] = start.split('.') as [string, string];
        cyclic.push({ entity, name });
        break;
      }
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...(edges.get(next) ?? []));
    }
  }
  return cyclic;
}

function checkOwnField(entity: EntityDefinition, name: string, field: FieldDefinition, at: string): Issue[] {
  const issues: Issue[] = [];
  const typeRequiring = Object.entries(entity['x-entity'].recordTypes ?? {}).find(([, type]) =>
    type.required?.includes(name),
  );
  if (entity.required?.includes(name) || typeRequiring)
    issues.push(
      issue(at, 'rollupRequired', {
        en: `roll-up "${name}" is computed and cannot be required`,
        zh: `汇总字段“${name}”由系统计算，不能设为必填`,
      }),
    );
  if (field.default !== undefined)
    issues.push(
      issue(`${at}/default`, 'rollupDefault', {
        en: `roll-up "${name}" is computed and takes no default`,
        zh: `汇总字段“${name}”由系统计算，不能设置默认值`,
      }),
    );
  if (field['x-formula'] !== undefined || field['x-relation'] !== undefined)
    issues.push(
      issue(`${at}/x-rollup`, 'rollupWith', {
        en: `roll-up "${name}" cannot also be a formula or a relation`,
        zh: `汇总字段“${name}”不能同时是公式或关联字段`,
      }),
    );
  return issues;
}

function checkSource(
  entity: EntityDefinition,
  rollup: Rollup,
  byId: Map<string, EntityDefinition>,
  at: string,
  own: FieldDefinition,
  bound: ReadonlySet<string>,
): Issue[] {
  const child = byId.get(rollup.from);
  if (!child) {
    return [
      issue(`${at}/x-rollup/from`, 'unknownEntity', {
        en: `roll-up reads unknown entity "${rollup.from}"`,
        zh: `汇总引用的业务对象“${rollup.from}”不存在`,
      }),
    ];
  }
  if (child.$id === entity.$id) {
    return [
      issue(`${at}/x-rollup/from`, 'rollupSelf', {
        en: `a roll-up summarises another entity, not "${entity.$id}" itself`,
        zh: `汇总只能统计其他业务对象，不能统计“${entity.$id}”自身`,
      }),
    ];
  }
  const issues: Issue[] = [];
  const via = child.properties[rollup.via];
  if (!via) {
    issues.push(
      issue(`${at}/x-rollup/via`, 'unknownField', {
        en: `"${rollup.via}" is not a field of "${rollup.from}"`,
        zh: `“${rollup.via}”不是“${rollup.from}”的字段`,
      }),
    );
  } else if (toFieldKind(via) !== 'manyToOne' || via['x-relation']?.entity !== entity.$id) {
    issues.push(
      issue(`${at}/x-rollup/via`, 'rollupVia', {
        en: `"${rollup.via}" of "${rollup.from}" must be a many-to-one relation to "${entity.$id}"`,
        zh: `“${rollup.from}”的“${rollup.via}”必须是指向“${entity.$id}”的多对一关联`,
      }),
    );
  }
  if (rollup.where !== undefined) {
    const hasState = bound.has(child.$id) || hasWorkflow(child);
    for (const problem of filterIssues(rollup.where, filterTypeOf(child, hasState)))
      issues.push({
        ...issue(`${at}/x-rollup/where`, 'rollupWhere', {
          en: `roll-up filter at ${problem.offset + 1}: ${problem.message.en}`,
          zh: `汇总筛选条件第 ${problem.offset + 1} 个字符处：${problem.message.zh}`,
        }),
        params: { offset: problem.offset, length: problem.length },
      });
  }
  issues.push(...checkOperation(rollup, child, at, own));
  return issues;
}

/** The child field fits the operation, and the roll-up's own type holds its result. */
function checkOperation(rollup: Rollup, child: EntityDefinition, at: string, own: FieldDefinition): Issue[] {
  const ownKind = toFieldKind(own);
  if (rollup.field === undefined) {
    if (rollup.op !== 'count')
      return [
        issue(`${at}/x-rollup`, 'required', {
          en: `a ${rollup.op} roll-up names the field it reads (x-rollup.field)`,
          zh: `“${OP_ZH[rollup.op]}”汇总需要指定统计的字段（x-rollup.field）`,
        }),
      ];
    return ownKind === 'integer' ? [] : [typeIssue(at, 'count', 'an integer field', '整数字段')];
  }
  const source = child.properties[rollup.field];
  if (!source) {
    return [
      issue(`${at}/x-rollup/field`, 'unknownField', {
        en: `"${rollup.field}" is not a field of "${rollup.from}"`,
        zh: `“${rollup.field}”不是“${rollup.from}”的字段`,
      }),
    ];
  }
  if (source['x-formula'] !== undefined && !isStoredFormula(child, rollup.field))
    return [
      issue(`${at}/x-rollup/field`, 'rollupFormula', {
        en: `formula "${rollup.field}" is computed when read (it reads related records or the clock); a roll-up reads stored values only`,
        zh: `公式字段“${rollup.field}”在读取时才计算（引用了关联记录或当前时间）；汇总只能统计已保存的值`,
      }),
    ];
  const kind = toFieldKind(source);
  switch (rollup.op) {
    case 'count':
      return ownKind === 'integer' ? [] : [typeIssue(at, 'count', 'an integer field', '整数字段')];
    case 'sum':
    case 'avg':
      if (!kind || !NUMERIC.has(kind)) return [fieldKindIssue(at, rollup, 'numbers', '数字')];
      if (rollup.op === 'avg' && ownKind !== 'number' && ownKind !== 'money')
        return [typeIssue(at, 'avg', 'a number field', '数字字段')];
      if (rollup.op === 'sum' && !(ownKind && fitsSum(kind, ownKind)))
        return [
          typeIssue(
            at,
            'sum',
            kind === 'integer' ? 'an integer, number or money field' : 'a number or money field',
            kind === 'integer' ? '整数、数字或金额字段' : '数字或金额字段',
          ),
        ];
      return [];
    case 'min':
    case 'max':
      if (!kind || !ORDERED.has(kind)) return [fieldKindIssue(at, rollup, 'numbers or dates', '数字或日期')];
      if (ownKind !== kind && !(NUMERIC.has(kind) && ownKind && fitsSum(kind, ownKind)))
        return [
          typeIssue(
            at,
            rollup.op,
            `a field of the same kind as "${rollup.field}" (${kind})`,
            `与“${rollup.field}”同类型的字段`,
          ),
        ];
      return [];
  }
}

/** A formula kept as a stored generated column: a real column the child table's triggers can read. */
function isStoredFormula(entity: EntityDefinition, name: string): boolean {
  return formulaSpecsOf(entity).some((spec) => spec.name === name && spec.stored !== undefined);
}

function hasWorkflow(entity: EntityDefinition): boolean {
  const options = entity['x-entity'];
  return options.workflow !== undefined || Object.values(options.recordTypes ?? {}).some((t) => t.workflow);
}

function fitsSum(kind: FieldKind, own: FieldKind): boolean {
  if (kind === 'integer') return NUMERIC.has(own);
  return own === 'number' || own === 'money';
}

const OP_ZH: Record<Rollup['op'], string> = { count: '计数', sum: '求和', min: '最小值', max: '最大值', avg: '平均值' };

function fieldKindIssue(at: string, rollup: Rollup, en: string, zh: string): Issue {
  return issue(`${at}/x-rollup/field`, 'rollupFieldKind', {
    en: `a ${rollup.op} roll-up reads ${en}; "${rollup.field}" of "${rollup.from}" is not one`,
    zh: `“${OP_ZH[rollup.op]}”汇总只能统计${zh}，“${rollup.from}”的“${rollup.field}”不是`,
  });
}

function typeIssue(at: string, op: Rollup['op'], en: string, zh: string): Issue {
  return issue(`${at}/type`, 'rollupType', {
    en: `a ${op} roll-up is stored in ${en}`,
    zh: `“${OP_ZH[op]}”汇总的结果应保存在${zh}中`,
  });
}

function issue(pointer: string, keyword: string, text: Text): Issue {
  return { pointer, keyword, message: text.en, i18n: text };
}
