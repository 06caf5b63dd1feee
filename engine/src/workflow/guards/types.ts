import type { Text } from '@lodestar/core';
import type { EntityDefinition } from '../../definitions/entity.js';
import type { NamedReference } from '../../definitions/workflow.js';
import type { Issue } from '../../errors.js';
import type { Actor } from '../../actor.js';
import type { Approval, FieldUse, ParamsSchema } from '../reference.js';

/** Why a guard said no, in both languages. */
export interface GuardFailure {
  reason: Text;
}

/** A guard's answer: pass, or the reason it failed. */
export type GuardResult = true | GuardFailure;

/** What a guard sees: the stored record, the actor, approvals of the current state, and a way to evaluate nested guards. */
export interface GuardContext {
  record: Record<string, unknown>;
  actor: Actor;
  approvals?: Approval[];
  /** Where the state's approval of steps stands (absent for `{ role }` approvals and other states). */
  approval?: { complete: boolean; rejected: boolean };
  evaluate(ref: NamedReference | string): GuardResult;
  /** A field's title in both languages, so reasons read 缺少必填字段：相关联系人, not a field id. */
  fieldTitle?: FieldTitle;
  /** A role's title in both languages, so reasons read 仅限角色：服务主管, not a role id. */
  roleTitle?: RoleTitle;
  /** Data guards' answers for this record, computed by the shell before deciding (see workflow/guard-facts.ts). */
  facts?: GuardFacts;
}

/** What the shell computed for one data guard: its value for this record, and how its definition reads by titles. */
export interface GuardFact {
  value: unknown;
  label: Text;
}

/** Data guards' facts by key (their `fact` hook), so a guard's evaluation stays pure. */
export type GuardFacts = ReadonlyMap<string, GuardFact>;

export type FieldTitle = (field: string) => Text;
export type RoleTitle = (role: string) => Text;

/** One named guard of the library: its params schema and its pure evaluation. */
export interface GuardSpec<P = Record<string, unknown>> {
  name: string;
  params: ParamsSchema;
  evaluate(ctx: GuardContext, params: P): GuardResult;
  /** Fields of the bound entity the params name, so validation can check they exist. */
  fields?(params: P): FieldUse[];
  /** Semantic issues of the params against the definition set (pointers inside `params`). */
  check?(
    params: P,
    entities: { bound: EntityDefinition | undefined; find(id: string): EntityDefinition | undefined },
  ): Issue[];
  /** A data guard's fact key: its value is read from the database by the shell before deciding (guard-facts.ts). */
  fact?(params: P): string;
  /** Nested guard references, with their pointer suffix inside `params`, so validation can recurse. */
  children?(params: P): { pointer: string; ref: NamedReference | string }[];
}
