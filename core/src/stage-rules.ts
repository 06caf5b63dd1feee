import type { StateMeta } from './definitions/types.js';
import { toText, type Text } from './text.js';

/**
 * Field rules by stage (`meta.fields` and `meta.lock` of a workflow state): what users may not write,
 * must fill in, or do not see while a record is in that state. One reading of the definition, shared
 * by the engine (which enforces it) and the runtime UI (which shows it), so both say the same.
 */
export interface StageRules {
  /** The state the rules belong to, and its title for messages. */
  state: string;
  title: Text;
  readOnly: ReadonlySet<string>;
  required: ReadonlySet<string>;
  hidden: ReadonlySet<string>;
  /** `lock: true` or `lock: { except }`: every field not in `except` is read-only. */
  locked: boolean;
  except: ReadonlySet<string>;
}

/** Why a user may not write a field in a stage: hidden there, read-only there, or the record is locked. */
export type StageBlock = 'stageHidden' | 'stageReadOnly' | 'stageLocked';

/** What a stage-rules reader needs of a workflow: its states' meta. */
export interface StagedWorkflow {
  states: Record<string, { meta?: StateMeta }>;
}

const EMPTY: ReadonlySet<string> = new Set();

/** The rules of `state` in `workflow`; undefined when the state declares none (or does not exist). */
export function stageRulesOf(
  workflow: StagedWorkflow | undefined,
  state: string | null | undefined,
): StageRules | undefined {
  const meta = state ? workflow?.states[state]?.meta : undefined;
  if (!meta || (!meta.fields && !meta.lock)) return undefined;
  const lock = meta.lock;
  return {
    state: state!,
    title: toText(meta.title, undefined, state!),
    readOnly: new Set(meta.fields?.readOnly ?? []),
    required: new Set(meta.fields?.required ?? []),
    hidden: new Set(meta.fields?.hidden ?? []),
    locked: lock !== undefined,
    except: typeof lock === 'object' ? new Set(lock.except) : EMPTY,
  };
}

/** Whether any state of the workflow declares field rules. */
export function hasStageRules(workflow: StagedWorkflow | undefined): boolean {
  return Object.values(workflow?.states ?? {}).some((s) => s.meta?.fields !== undefined || s.meta?.lock !== undefined);
}

/** Why `field` cannot be written in the stage, or undefined when it can. Hidden wins over read-only over the lock. */
export function stageBlock(rules: StageRules | undefined, field: string): StageBlock | undefined {
  if (!rules) return undefined;
  if (rules.hidden.has(field)) return 'stageHidden';
  if (rules.readOnly.has(field)) return 'stageReadOnly';
  if (rules.locked && !rules.except.has(field)) return 'stageLocked';
  return undefined;
}

/** Every field any state of the workflow hides: such a field cannot be searched, filtered, sorted or grouped on. */
export function fieldsHiddenInSomeStage(workflow: StagedWorkflow | undefined): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const [state, definition] of Object.entries(workflow?.states ?? {}))
    for (const field of definition.meta?.fields?.hidden ?? []) found.set(field, [...(found.get(field) ?? []), state]);
  return found;
}

/** Whether a value counts as filled in for a stage's `required` (null, blank text and empty lists do not). */
export function isFilledIn(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** The message of a write a stage refuses, naming the field and the stage in both languages. */
export function stageBlockText(block: StageBlock, field: Text, stage: Text): Text {
  switch (block) {
    case 'stageHidden':
      return {
        en: `${field.en} cannot be set in stage "${stage.en}", which hides it`,
        zh: `${field.zh}在“${stage.zh}”阶段不可见，不能填写`,
      };
    case 'stageReadOnly':
      return {
        en: `${field.en} cannot be changed in stage "${stage.en}"`,
        zh: `${field.zh}在“${stage.zh}”阶段不可修改`,
      };
    case 'stageLocked':
      return {
        en: `${field.en} cannot be changed: the record is locked in stage "${stage.en}"`,
        zh: `记录在“${stage.zh}”阶段已锁定，${field.zh}不可修改`,
      };
  }
}

/** The message of a field a stage requires that is blank, in both languages. */
export function stageRequiredText(field: Text, stage: Text): Text {
  return { en: `${field.en} is required in stage "${stage.en}"`, zh: `${field.zh}在“${stage.zh}”阶段为必填项` };
}

/** The short reason a form shows on a field it disables ("已审批阶段锁定 / Locked in stage Approved"). */
export function stageHintText(block: Exclude<StageBlock, 'stageHidden'>, stage: Text): Text {
  return block === 'stageLocked'
    ? { en: `Locked in stage ${stage.en}`, zh: `${stage.zh}阶段锁定` }
    : { en: `Read-only in stage ${stage.en}`, zh: `${stage.zh}阶段不可修改` };
}
