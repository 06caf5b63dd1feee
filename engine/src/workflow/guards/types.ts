import type { Text } from '@lodestar/core';
import type { NamedReference } from '../../definitions/workflow.js';
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
  evaluate(ref: NamedReference | string): GuardResult;
  /** A field's title in both languages, so reasons read 缺少必填字段：相关联系人, not a field id. */
  fieldTitle?: FieldTitle;
  /** A role's title in both languages, so reasons read 仅限角色：服务主管, not a role id. */
  roleTitle?: RoleTitle;
}

export type FieldTitle = (field: string) => Text;
export type RoleTitle = (role: string) => Text;

/** One named guard of the library: its params schema and its pure evaluation. */
export interface GuardSpec<P = Record<string, unknown>> {
  name: string;
  params: ParamsSchema;
  evaluate(ctx: GuardContext, params: P): GuardResult;
  /** Fields of the bound entity the params name, so validation can check they exist. */
  fields?(params: P): FieldUse[];
  /** Nested guard references, with their pointer suffix inside `params`, so validation can recurse. */
  children?(params: P): { pointer: string; ref: NamedReference | string }[];
}
