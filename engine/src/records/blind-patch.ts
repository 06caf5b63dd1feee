import type { CompiledEntity } from '../model/compile-model.js';
import { requiredAnywhere, ruleFields, visibleFields } from '../schema/record-types.js';
import type { Payload, RowValues } from './payload.js';
import { withoutNulls } from './validate-record.js';

/** A patch that can be written without reading the record first, and the record types it may land on. */
export interface BlindPatch {
  /** The update must match only records of these types; undefined when every type shows the patched fields. */
  recordTypes?: string[];
}

interface PatchRules {
  required: Set<string>;
  /** Fields a cross-field rule compares (x-rules). */
  compared: Set<string>;
  visible: Map<string, Set<string>>;
}

const rulesCache = new WeakMap<CompiledEntity, PatchRules>();

/**
 * Decides whether a patch's outcome depends on the stored record only through its type: it keeps the
 * record type, changes no links, clears no field any type requires, sets or clears no field a cross-field
 * rule reads (a formula rule may test for a blank), and its own values are valid.
 * Then one conditional UPDATE (id, version, record type) is the whole write; when it matches no row,
 * the caller falls back to the full read-validate-write, which names the reason (404, 409 or 422).
 */
export function planBlindPatch(entity: CompiledEntity, payload: Payload, values: RowValues): BlindPatch | undefined {
  if (!entity.patchValidator || payload.recordType !== undefined || values.links.size) return undefined;
  const rules = rulesOf(entity);
  const set = withoutNulls(payload.fields);
  const cleared = Object.keys(payload.fields).filter((name) => !(name in set));
  if (
    cleared.some((name) => rules.required.has(name) || rules.compared.has(name)) ||
    Object.keys(set).some((name) => rules.compared.has(name)) ||
    !entity.patchValidator(set)
  )
    return undefined;
  if (!entity.recordTypes.length) return {};
  const names = Object.keys(set);
  const recordTypes = entity.recordTypes.filter((type) => names.every((name) => rules.visible.get(type)!.has(name)));
  if (!recordTypes.length) return undefined;
  return recordTypes.length === entity.recordTypes.length ? {} : { recordTypes };
}

function rulesOf(entity: CompiledEntity): PatchRules {
  let rules = rulesCache.get(entity);
  if (!rules) {
    const visible = new Map(entity.recordTypes.map((type) => [type, new Set(visibleFields(entity.definition, type))]));
    rules = { required: requiredAnywhere(entity.definition), compared: ruleFields(entity.definition), visible };
    rulesCache.set(entity, rules);
  }
  return rules;
}
