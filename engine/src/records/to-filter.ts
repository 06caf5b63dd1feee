import type { Issue } from '../errors.js';
import type { CompiledEntity } from '../model/compile-model.js';
import { attributesOf } from './attributes.js';
import { coerceValue, describeKind, opsFor } from './filter-values.js';
import { paramIssue } from './query-params.js';
import type { Attribute, Filter, FilterOp } from './types.js';

const FILTER_KEY = /^filter\[([^[\]]+)\](?:\[([^[\]]+)\])?$/;
const MAX_IN_VALUES = 500;

/** Where a filter's path resolves: the entity being listed and every entity of the model. */
export interface FilterScope {
  entity: CompiledEntity;
  entities: ReadonlyMap<string, CompiledEntity>;
}

/** One `filter[path][op]=value` parameter as a Filter; undefined (with issues pushed) when it is not valid. */
export function toFilter(param: string, raw: unknown, scope: FilterScope, issues: Issue[]): Filter | undefined {
  const match = FILTER_KEY.exec(param);
  if (!match) {
    issues.push(paramIssue(param, 'filterSyntax', `"${param}" is not of the form filter[field][op]`));
    return undefined;
  }
  const target = resolvePath(match[1]!, scope);
  if (typeof target === 'string') {
    issues.push(paramIssue(param, 'unknownField', target, { field: match[1] }));
    return undefined;
  }
  const op = (match[2] ?? 'eq') as FilterOp;
  const allowed = opsFor(target.attribute.kind);
  if (!allowed.includes(op)) {
    issues.push(paramIssue(param, 'unknownOperator', `operator "${op}" is not one of ${allowed.join(', ')} for "${match[1]}"`, { allowed }));
    return undefined;
  }
  const coerced = toFilterValue(op, target.attribute, raw);
  if (!coerced.ok) {
    issues.push(paramIssue(param, 'type', `${param} ${coerced.error}`));
    return undefined;
  }
  return { attribute: target.attribute, op, value: coerced.value, ...(target.via && { via: target.via }) };
}

/** `name` or `relation.name` (one level through a many-to-one field); a string is the reason it does not resolve. */
function resolvePath(path: string, scope: FilterScope): { attribute: Attribute; via?: Attribute } | string {
  const [first, second, ...rest] = path.split('.');
  const attribute = attributesOf(scope.entity).byName.get(first!);
  if (!attribute) return `"${first}" is not a field of ${scope.entity.id}`;
  if (second === undefined) return { attribute };
  const related = attribute.kind === 'manyToOne' ? scope.entities.get(attribute.target!) : undefined;
  if (!related || rest.length) return `"${path}": only a many-to-one field can be followed, one level deep`;
  const inner = attributesOf(related).byName.get(second);
  if (!inner) return `"${second}" is not a field of ${related.id}`;
  if (inner.kind === 'manyToMany') return `"${path}": many-to-many fields of a related entity cannot be filtered`;
  return { attribute: inner, via: attribute };
}

type Coerced = { ok: true; value: unknown } | { ok: false; error: string };

function toFilterValue(op: FilterOp, attribute: Attribute, raw: unknown): Coerced {
  const kind = attribute.kind;
  if (op === 'in') {
    const parts = (Array.isArray(raw) ? raw : [raw]).flatMap((v) => String(v).split(','));
    if (parts.length > MAX_IN_VALUES) return { ok: false, error: `accepts at most ${MAX_IN_VALUES} values` };
    const values = parts.map((part) => coerceValue(kind, part));
    if (values.some((v) => v === undefined)) return { ok: false, error: `must be a comma-separated list of ${describeKind(kind)}` };
    return { ok: true, value: values };
  }
  if (typeof raw !== 'string') return { ok: false, error: 'must be given once' };
  if (op === 'null') return raw === 'true' || raw === 'false' ? { ok: true, value: raw === 'true' } : { ok: false, error: 'must be true or false' };
  const valueKind = op === 'contains' && kind !== 'manyToMany' ? 'text' : kind;
  const value = coerceValue(valueKind, raw);
  return value === undefined ? { ok: false, error: `must be ${describeKind(valueKind)}` } : { ok: true, value };
}
