import type { Knex } from 'knex';
import type { CompiledEntity, Model } from '../model/compile-model.js';
import { workflowOf } from '../model/workflow-binding.js';
import { companyTimeZone } from '../records/company-time-zone.js';
import { recordNames, toRecordJson } from '../records/serialize.js';
import { insertNotifications } from './notifications-repo.js';
import { slaNotice, type SlaNoticeKind } from './sla-notice.js';

/**
 * Tells the record's owner, in the firing timer's transaction, that its stage's SLA is about to run out or
 * ran out: the notification commits with the timer marked fired, so it is sent once, restarts or not.
 * A record nobody owns tells nobody.
 */
export async function notifySla(
  trx: Knex,
  input: { model: Model; entity: CompiledEntity; row: Record<string, unknown>; kind: SlaNoticeKind },
): Promise<void> {
  const { model, entity, row, kind } = input;
  const ownerId = (row.owner_id as string | null) ?? null;
  if (!ownerId) return;
  const record = toRecordJson(row, recordNames(entity));
  const dueAt = row.sla_due_at ? new Date(row.sla_due_at as string) : null;
  const text = slaNotice({
    kind,
    entity: entity.definition,
    workflow: workflowOf(model, entity, (row.record_type as string | null) ?? null),
    record,
    dueAt,
    timeZone: companyTimeZone(),
  });
  await insertNotifications(trx, { entity: entity.id, recordId: record.id as string }, [{ userId: ownerId, ...text }]);
}
