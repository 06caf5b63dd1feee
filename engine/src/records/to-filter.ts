import type { Issue, Text } from '../errors.js';
import type { CompiledEntity } from '../model/compile-model.js';
import { attributesOf } from './attributes.js';
import { coerceValue, describeKind, opsFor } from './filter-values.js';
import { fieldTitleZh, notAField, paramIssue } from './query-params.js';
import { withMe } from './me-filter.js';
import type { Attribute, Filter, FilterOp } from './types.js';

const FILTER_KEY = /^filter\[([^[\]]+)\](?:\[([^[\]]+)\])?$/;
const MAX_IN_VALUES = 500;

/** Where a filter's path resolves: the entity being listed and every entity of the model. */
export interface FilterScope {
  entity: CompiledEntity;
  entities: ReadonlyMap<string, CompiledEntity>;
  /** The signed-in user, whom `me` stands for in filters on user fields (see me-filter.ts). */
  me?: string | undefined;
}

/** One `filter[path][op]=value` parameter as a Filter; undefined (with issues pushed) when it is not valid. */
export function toFilter(param: string, raw: unknown, scope: FilterScope, issues: Issue[]): Filter | undefined {
  const match = FILTER_KEY.exec(param);
  if (!match) {
    issues.push(
      paramIssue(param, 'filterSyntax', {
        en: `"${param}" is not of the form filter[field][op]`,
        zh: `筛选条件“${param}”的格式应为 filter[字段][运算符]`,
      }),
    );
    return undefined;
  }
  const target = resolvePath(match[1]!, scope);
  if ('en' in target) {
    issues.push(paramIssue(param, 'unknownField', target, { field: match[1] }));
    return undefined;
  }
  const op = (match[2] ?? 'eq') as FilterOp;
  const allowed = opsFor(target.attribute.kind);
  if (!allowed.includes(op)) {
    issues.push(
      paramIssue(
        param,
        'unknownOperator',
        {
          en: `operator "${op}" is not one of ${allowed.join(', ')} for "${match[1]}"`,
          zh: `“${target.title}”不支持运算符“${op}”（可用：${allowed.join('、')}）`,
        },
        { allowed },
      ),
    );
    return undefined;
  }
  const coerced = toFilterValue(op, target.attribute, withMe(target.attribute, raw, scope.me));
  if (!coerced.ok) {
    issues.push(
      paramIssue(param, 'type', {
        en: `${param} ${coerced.error.en}`,
        zh: `筛选条件“${target.title}”${coerced.error.zh}`,
      }),
    );
    return undefined;
  }
  return { attribute: target.attribute, op, value: coerced.value, ...(target.via && { via: target.via }) };
}

/** `name` or `relation.name` (one level through a many-to-one field), with its Chinese title; a Text is the reason it does not resolve. */
function resolvePath(
  path: string,
  scope: FilterScope,
): { attribute: Attribute; via?: Attribute; title: string } | Text {
  const [first, second, ...rest] = path.split('.');
  const attribute = attributesOf(scope.entity).byName.get(first!);
  if (!attribute) return notAField(first!, scope.entity);
  const title = fieldTitleZh(scope.entity, first!);
  if (second === undefined) return { attribute, title };
  const related = attribute.kind === 'manyToOne' ? scope.entities.get(attribute.target!) : undefined;
  if (!related || rest.length)
    return {
      en: `"${path}": only a many-to-one field can be followed, one level deep`,
      zh: `“${path}”：只能沿多对一关联字段向下一层筛选`,
    };
  const inner = attributesOf(related).byName.get(second);
  if (!inner) return notAField(second, related);
  if (inner.kind === 'manyToMany')
    return {
      en: `"${path}": many-to-many fields of a related entity cannot be filtered`,
      zh: `“${path}”：不能按关联记录的多对多字段筛选`,
    };
  return { attribute: inner, via: attribute, title: `${title}的${fieldTitleZh(related, second)}` };
}

type Coerced = { ok: true; value: unknown } | { ok: false; error: Text };

const KIND_ZH: Partial<Record<Attribute['kind'], string>> = {
  integer: '整数',
  number: '数字',
  money: '数字',
  boolean: 'true 或 false',
  date: '日期（YYYY-MM-DD）',
  dateTime: '日期时间（ISO 8601）',
  uuid: '记录 ID',
  manyToOne: '记录 ID',
  manyToMany: '记录 ID',
};

function must(kind: Attribute['kind'], list = false): Text {
  const zh = KIND_ZH[kind] ?? '文本';
  return list
    ? { en: `must be a comma-separated list of ${describeKind(kind)}`, zh: `应为逗号分隔的${zh}列表` }
    : { en: `must be ${describeKind(kind)}`, zh: `应为${zh}` };
}

function toFilterValue(op: FilterOp, attribute: Attribute, raw: unknown): Coerced {
  const kind = attribute.kind;
  if (op === 'in' || op === 'any') {
    const parts = (Array.isArray(raw) ? raw : [raw]).flatMap((v) => String(v).split(','));
    if (parts.length > MAX_IN_VALUES)
      return {
        ok: false,
        error: { en: `accepts at most ${MAX_IN_VALUES} values`, zh: `最多接受 ${MAX_IN_VALUES} 个值` },
      };
    const values = parts.map((part) => coerceValue(kind, part));
    if (values.some((v) => v === undefined)) return { ok: false, error: must(kind, true) };
    return { ok: true, value: values };
  }
  if (typeof raw !== 'string') return { ok: false, error: { en: 'must be given once', zh: '只能给出一次' } };
  if (op === 'null')
    return raw === 'true' || raw === 'false'
      ? { ok: true, value: raw === 'true' }
      : { ok: false, error: { en: 'must be true or false', zh: '应为 true 或 false' } };
  const valueKind = op === 'contains' && kind !== 'manyToMany' ? 'text' : kind;
  const value = coerceValue(valueKind, raw);
  return value === undefined ? { ok: false, error: must(valueKind) } : { ok: true, value };
}
