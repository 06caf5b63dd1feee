import { toSqlType } from '../schema/table-spec.js';
import { formulaStepReason } from './formula-step-text.js';
import { isWidening } from './is-widening.js';
import { classifySequenceStep } from './sequence-steps.js';
import type { Safety, Step, StepDraft, StepKind } from './plan.js';

interface Verdict {
  safety: Safety;
  reason: string;
}

type DraftOf<K extends StepKind> = Extract<StepDraft, { kind: K }>;

const SAFE_REASONS: Partial<Record<StepKind, string>> = {
  createTable: 'creates a new, empty table',
  renameTable: 'a rename keeps every row',
  renameColumn: 'a rename keeps every value',
  renameJunction: 'a rename keeps every link',
  addColumn: 'existing rows get the default, or stay empty',
  addEnumValues: 'choices are checked on write; the column does not change',
  dropNotNull: 'the field becomes optional; no value changes',
  setDefault: 'applies to new rows only',
  createJunction: 'creates a new, empty link table',
  addForeignKey: 'links the column to the related table',
  dropForeignKey: 'removes the link check; no value changes',
  addIndex: 'indexes hold no data of their own',
  dropIndex: 'indexes hold no data of their own',
  setRollup: 'computes a value from related records; no entered value changes',
  dropRollup: 'the value stops being kept up to date; the plan computes it again or drops it',
  setSearch: 'indexes records for search; no entered value changes',
  dropSearch: 'a search index holds no data of its own',
  dropKeyIndex: 'indexes hold no data of their own; values are no longer checked for duplicates',
};

/** Decides a step's safety and reason from its kind and (once counted) its `rows`. */
export function classifyStep(draft: StepDraft): Step {
  return { ...draft, ...decide(draft) } as Step;
}

function decide(step: StepDraft): Verdict {
  switch (step.kind) {
    case 'dropTable':
      return destructive(
        `drops table ${step.table} and its ${step.rows === undefined ? 'rows' : amount(step.rows, 'row')}`,
      );
    case 'dropColumn':
      return destructive(
        `drops column ${step.table}.${step.column} and its ${step.rows === undefined ? 'stored values' : amount(step.rows, 'stored value')}`,
      );
    case 'dropJunction':
      return destructive(
        `drops the ${step.junction.field} links of ${step.junction.source}${step.rows === undefined ? '' : ` (${amount(step.rows, 'link')})`}`,
      );
    case 'alterType':
      return decideAlterType(step);
    case 'setNotNull':
      return decideSetNotNull(step);
    case 'removeEnumValues':
      return decideRemoveEnumValues(step);
    case 'renameState':
      return { safety: 'safe', reason: 'a rename keeps every record in its state' };
    case 'moveState':
      return decideMoveState(step);
    case 'addSequence':
    case 'changeSequence':
    case 'renameSequence':
    case 'dropSequence':
      return classifySequenceStep(step);
    case 'addKeyIndex':
      return decideAddKey(step);
    case 'addFormula':
    case 'changeFormula':
    case 'dropFormula':
      return { safety: 'safe', reason: formulaStepReason(step).en };
    default:
      return { safety: 'safe', reason: SAFE_REASONS[step.kind] ?? 'no stored value changes' };
  }
}

function decideAlterType(step: DraftOf<'alterType'>): Verdict {
  const change = `${toSqlType(step.from)} → ${toSqlType(step.to)}`;
  const rows = step.rows;
  if (rows !== undefined && rows > 0) {
    const lost = `${amount(rows, 'value')} cannot convert to ${toSqlType(step.to)}`;
    if (step.nullable === false) return blocked(`${lost}, and the field is required, so they cannot become empty`);
    return destructive(`${lost} and ${rows === 1 ? 'becomes' : 'become'} empty`);
  }
  if (isWidening(step.from, step.to))
    return { safety: 'safe', reason: `widens ${change}; every value converts unchanged` };
  if (rows === undefined)
    return destructive(`narrows ${change}; values that cannot convert become empty (not counted yet)`);
  return destructive(
    `narrows ${change}; every stored value converts, but numbers may be rounded and the field accepts less`,
  );
}

function decideSetNotNull(step: DraftOf<'setNotNull'>): Verdict {
  const rows = step.rows;
  const hasBackfill = step.backfill !== undefined;
  if (rows === undefined) {
    return {
      safety: 'safe',
      reason: hasBackfill ? 'empty rows get the default' : 'every row must have a value (not counted yet)',
    };
  }
  if (rows === 0) return { safety: 'safe', reason: 'no row is empty' };
  if (!hasBackfill)
    return blocked(`${amount(rows, 'row')} ${rows === 1 ? 'has' : 'have'} no value and there is no default to fill in`);
  return {
    safety: 'safe',
    reason: `${amount(rows, 'empty row')} ${rows === 1 ? 'gets' : 'get'} the default ${JSON.stringify(step.backfill)}`,
  };
}

function decideRemoveEnumValues(step: DraftOf<'removeEnumValues'>): Verdict {
  const rows = step.rows;
  const values = step.values.map((v) => JSON.stringify(v)).join(', ');
  if (rows === 0) return { safety: 'safe', reason: `no row uses ${values}` };
  const users = rows === undefined ? 'rows using them' : `${amount(rows, 'row')} using ${values}`;
  const counted = rows === undefined ? ' (not counted yet)' : '';
  if (step.array) return destructive(`the removed values are taken out of the lists of ${users}${counted}`);
  if (step.nullable === false && rows !== undefined)
    return blocked(`${users}, and the field is required, so they cannot become empty`);
  return destructive(`${users} ${rows === 1 ? 'becomes' : 'become'} empty${counted}`);
}

/**
 * A state the new version removes: safe when mapped or empty; else destructive, since its records
 * would sit in a state that no longer exists (confirmed, they restart in the initial state).
 */
function decideMoveState(step: DraftOf<'moveState'>): Verdict {
  const rows = step.rows;
  if (rows === 0)
    return { safety: 'safe', reason: `no record is in state ${step.state}, which the new version removes` };
  if (step.to !== undefined) {
    const moved =
      rows === undefined
        ? 'its records (not counted yet) move'
        : `${amount(rows, 'record')} ${rows === 1 ? 'moves' : 'move'}`;
    return { safety: 'safe', reason: `the new version removes state ${step.state}; ${moved} to ${step.to} as mapped` };
  }
  const sitting =
    rows === undefined ? 'records (not counted yet) are' : `${amount(rows, 'record')} ${rows === 1 ? 'is' : 'are'}`;
  return destructive(
    `${sitting} in state ${step.state}, which the new version removes; map them to a state (confirmed without a mapping, they move to the initial state ${step.initial})`,
  );
}

/** A unique key over rows that already share a key cannot be built: blocked until they are told apart. */
function decideAddKey(step: DraftOf<'addKeyIndex'>): Verdict {
  if (!step.key.unique) return { safety: 'safe', reason: 'indexes hold no data of their own' };
  const rows = step.rows;
  if (rows === undefined) return { safety: 'safe', reason: 'existing rows must not share the key (not counted yet)' };
  if (rows === 0) return { safety: 'safe', reason: 'no two rows share the key' };
  const values = (step.duplicates ?? []).map((group) => group.map((v) => JSON.stringify(v)).join(' + ')).join('; ');
  return blocked(`${amount(rows, 'row')} share their key with another row (${values}); change or merge them first`);
}

/** "1 row", "3 rows", or "an uncounted number of rows". */
export function amount(rows: number | undefined, noun: string): string {
  if (rows === undefined) return `an uncounted number of ${noun}s`;
  return `${rows} ${noun}${rows === 1 ? '' : 's'}`;
}

function destructive(reason: string): Verdict {
  return { safety: 'destructive', reason };
}

function blocked(reason: string): Verdict {
  return { safety: 'blocked', reason };
}
