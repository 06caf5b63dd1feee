import type { NamedReference } from '../../definitions/workflow.js';
import { toReference } from '../reference.js';
import { assignOwner } from './assign-owner.js';
import { callWebhook } from './call-webhook.js';
import { convert } from './convert.js';
import { createRecord } from './create-record.js';
import { createRecords } from './create-records.js';
import { notify } from './notify.js';
import { sendEvent } from './send-event.js';
import { setField } from './set-field.js';
import { updateRecord } from './update-record.js';
import type { ActionContext, ActionSpec, Effect } from './types.js';

export type { ActionContext, ActionSpec, Effect, Phase } from './types.js';

/** The action library: every name a workflow definition may use, with its params schema and phase. */
export const ACTIONS: ReadonlyMap<string, ActionSpec> = new Map(
  (
    [
      setField,
      createRecord,
      createRecords,
      assignOwner,
      notify,
      callWebhook,
      updateRecord,
      sendEvent,
      convert,
    ] as ActionSpec[]
  ).map((a) => [a.name, a]),
);

/** The effect one action reference leaves for the shell; pure: nothing runs here. Throws on an unknown name (validation rules that out). */
export function planAction(ref: NamedReference | string, ctx: ActionContext, actions = ACTIONS): Effect {
  const { type, params = {} } = toReference(ref);
  const spec = actions.get(type);
  if (!spec) throw new Error(`unknown action "${type}": validate the workflow before running it`);
  return spec.plan(ctx, params);
}
