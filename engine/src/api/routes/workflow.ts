import { Router } from 'express';
import type { AppContext } from '../../context.js';
import { TransitionRefused } from '../../errors.js';
import { eventGuardReadsHidden, UNDISCLOSED_REASON } from '../../permissions/guard-visibility.js';
import { isRecordId, recordNotFound } from '../../records/read-records.js';
import { selectRecord } from '../../records/records-repo.js';
import { recordNames, toRecordJson } from '../../records/serialize.js';
import { toEtag, toExpectedVersion } from '../../records/version.js';
import { boundWorkflow } from '../../runtime/compiled-workflows.js';
import { loadApprovalFacts } from '../../runtime/approval-facts.js';
import { readHistory } from '../../runtime/history-repo.js';
import { loadGuardFacts } from '../../runtime/guard-facts.js';
import { withHistoryTitles } from '../../runtime/history-titles.js';
import { sendEvent } from '../../runtime/transition.js';
import { allowedEvents, type AllowedEvent } from '../../workflow/allowed-events.js';
import { requireRecordInScope, toVisible } from '../../records/record-permissions.js';
import type { RecordContext } from '../../records/types.js';
import { actorOf } from '../actor.js';
import { RECORDS } from '../contract/records.js';
import { route } from '../contract/route.js';
import { entityReadable, recordContext } from './records.js';

/** Workflow routes of a record: send an event, list what may be sent now, read the history. */
export function workflowRouter(ctx: AppContext): Router {
  const router = Router();
  // The entity and the caller's access to it are judged (404, 403) before the event's form (400).
  route(router, RECORDS.routes.sendEvent, entityReadable(ctx), async (req, res) => {
    const records = recordContext(ctx, req);
    const { type, comment } = req.body as { type: string; comment?: string };
    const event = comment === undefined ? { type } : { type, comment };
    const ifMatch = req.get('if-match');
    const expectedVersion =
      ifMatch === undefined && req.body?.version === undefined ? undefined : toExpectedVersion(req.body, ifMatch);
    const result = await sendEvent(
      ctx.db.knex,
      {
        model: records.model,
        entity: records.entity,
        id: String(req.params.id),
        event,
        actor: actorOf(req),
        ...(expectedVersion !== undefined && { expectedVersion }),
        ...(records.requestId && { requestId: records.requestId }),
      },
      ctx.clock(),
    ).catch((error: unknown) => {
      throw undisclosed(records, error, event.type);
    });
    ctx.nudgeOutbox?.();
    res
      .set('ETag', toEtag(result.record.version as number))
      .json({ ...result, record: toVisible(records, result.record) });
  });
  route(router, RECORDS.routes.transitions, async (req, res) => {
    const records = recordContext(ctx, req);
    const { model, entity, access } = records;
    const id = String(req.params.id);
    const row = isRecordId(id)
      ? await selectRecord(ctx.db.knex, entity, { id, condition: access?.condition(entity.id, 'read') })
      : undefined;
    if (!row) throw recordNotFound(entity, id);
    const record = toRecordJson(row, recordNames(entity));
    const compiled = boundWorkflow(model, entity, record.record_type as string | null);
    if (!compiled) return void res.json({ workflow: null, state: null, data: [] });
    const state = (record.state as string | null) ?? compiled.definition.initial;
    const actor = actorOf(req);
    const facts = await loadApprovalFacts(ctx.db.knex, {
      compiled,
      state,
      entity: entity.id,
      record,
      actor,
      now: ctx.clock(),
    });
    const hidden = access?.grant(entity.id).hidden ?? new Set<string>();
    const guardFacts = await loadGuardFacts(ctx.db.knex, { model, entity, compiled, id, actorId: actor.id }, state);
    const judged = allowedEvents(compiled, state, {
      record,
      actor,
      ...facts,
      ...(guardFacts && { facts: guardFacts.facts }),
    }).map((e) =>
      e.allowed || !eventGuardReadsHidden(compiled.definition, e.event, hidden)
        ? e
        : { event: e.event, target: e.target, allowed: false, reason: UNDISCLOSED_REASON },
    );
    const events = access ? await withinEventScopes(records, id, judged) : judged;
    const all = req.query.all === '1' || req.query.all === 'true';
    res.json({ workflow: compiled.definition.id, state, data: all ? events : events.filter((e) => e.allowed) });
  });
  route(router, RECORDS.routes.history, async (req, res) => {
    const records = recordContext(ctx, req);
    const id = String(req.params.id);
    await requireRecordInScope(records, id, undefined, 'read');
    res.json({
      data: await withHistoryTitles(ctx.db.knex, records.model, await readHistory(ctx.db.knex, records.entity.id, id)),
    });
  });
  return router;
}

/** Events the actor's roles do not let them send to this record are blocked, with the reason in both languages. */
async function withinEventScopes(records: RecordContext, id: string, events: AllowedEvent[]): Promise<AllowedEvent[]> {
  const reaches = new Map<string, boolean>();
  const out: AllowedEvent[] = [];
  for (const event of events) {
    const condition = records.access!.eventCondition(records.entity.id, event.event);
    const key = JSON.stringify(condition ?? null);
    if (!reaches.has(key))
      reaches.set(
        key,
        !condition || !!(await selectRecord(records.knex, records.entity, { id, fields: ['id'], condition })),
      );
    out.push(
      !event.allowed || reaches.get(key)
        ? event
        : {
            event: event.event,
            target: event.target,
            allowed: false,
            reason: {
              en: 'your roles do not allow you to send this event to this record',
              zh: '您的角色无权对此记录执行该操作',
            },
          },
    );
  }
  return out;
}

/** A refusal whose guard reads a field hidden from the sender, reworded so it reveals nothing of that field. */
function undisclosed(records: RecordContext, error: unknown, event: string): unknown {
  const hidden = records.access?.grant(records.entity.id).hidden;
  if (!(error instanceof TransitionRefused) || !hidden?.size || !error.extra?.guard) return error;
  const workflows = [...records.model.workflows.values()].filter((w) => w.meta.entity === records.entity.id);
  if (!workflows.some((w) => eventGuardReadsHidden(w, event, hidden))) return error;
  return new TransitionRefused(UNDISCLOSED_REASON, {
    extra: { event, state: error.extra.state, reason: UNDISCLOSED_REASON },
  });
}
