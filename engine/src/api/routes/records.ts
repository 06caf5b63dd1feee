import { type Request, type RequestHandler, type Response, Router } from 'express';
import type { AppContext } from '../../context.js';
import { NotFoundError } from '../../errors.js';
import { forbidden } from '../../permissions/forbidden.js';
import { toListQuery } from '../../records/list-query.js';
import { throwIfIssues, toReadQuery, type QueryParams } from '../../records/query-params.js';
import { stageHiddenQueryIssues } from '../../records/stage-fields.js';
import { readList } from '../../records/read-records.js';
import { createWithItems, patchWithItems, readWithItems } from '../../records/line-items.js';
import type { RecordContext, RecordJson } from '../../records/types.js';
import { toEtag, toExpectedVersion } from '../../records/version.js';
import { deleteRecord } from '../../records/write-record.js';
import { startFor } from '../../runtime/start-record.js';
import { accessFor } from '../../permissions/model-access.js';
import { parseExportOptions } from '../../export/export-options.js';
import { planExport } from '../../export/export-records.js';
import { csvSheet, SHEET_FILES, xlsxSheet } from '../../export/sheet-writers.js';
import { readGroups } from '../../records/read-groups.js';
import { readTotals } from '../../records/read-totals.js';
import { viewOf } from '../../records/record-permissions.js';
import { actorOf } from '../actor.js';
import { laggingReader } from '../lagging-reads.js';
import { requestIdOf } from '../request-id.js';
import { modelOf } from '../pin-model.js';
import { answerDuplicates } from './duplicates.js';
import { route } from '../contract/route.js';
import { RECORDS } from '../contract/records.js';

/** Records CRUD and lists: parse the request, call records/*, answer with ETag ↔ version. */
export function recordsRouter(ctx: AppContext): Router {
  const router = Router();
  router.get('/:entity', async (req, res) => {
    const records = await laggingContext(ctx, req);
    res.json(await readList(records, listQueryOf(records, req)));
  });
  router.get('/:entity/export', async (req, res) => {
    const records = await laggingContext(ctx, req);
    const { options, file, rest } = parseExportOptions(req.query as QueryParams, req.get('accept-language'));
    const plan = planExport(records, listQueryOf(records, req, rest), options);
    const { type, extension } = SHEET_FILES[file];
    res.type(type).attachment(`${records.entity.id}.${extension}`);
    await plan.run(file === 'csv' ? csvSheet(res, plan.headers) : xlsxSheet(res, plan.headers, plan.title));
  });
  router.get('/:entity/groups', async (req, res) => {
    res.json(await readGroups(await laggingContext(ctx, req), req.query as QueryParams));
  });
  route(router, RECORDS.routes.totals, async (req, res) => {
    res.json(await readTotals(await laggingContext(ctx, req), req.query as QueryParams));
  });
  route(router, RECORDS.routes.duplicates, async (req, res) => {
    res.json(await answerDuplicates(recordContext(ctx, req), req));
  });
  router.post('/:entity', async (req, res) => {
    const records = recordContext(ctx, req, 'create');
    const record = await createWithItems(records, req.body, startFor(records.model, actorOf(req), ctx.clock()));
    res.location(`${req.baseUrl}/${req.params.entity}/${String(record.id)}`);
    sendRecord(res.status(201), record);
  });
  router.get('/:entity/:id', async (req, res) => {
    const records = recordContext(ctx, req);
    const query = toReadQuery(req.query as QueryParams, viewOf(records));
    sendRecord(res, await readWithItems(records, req.params.id, query));
  });
  router.patch('/:entity/:id', async (req, res) => {
    const records = recordContext(ctx, req, 'update');
    const version = toExpectedVersion(req.body, req.get('if-match'));
    const startOf = startFor(records.model, actorOf(req), ctx.clock());
    sendRecord(res, await patchWithItems(records, { id: req.params.id, version }, req.body, startOf));
  });
  router.delete('/:entity/:id', async (req, res) => {
    const records = recordContext(ctx, req, 'delete');
    // DELETE bodies are unusual for HTTP clients, so `?version=` works as well as If-Match.
    const fromQuery = typeof req.query.version === 'string' ? { version: Number(req.query.version) } : undefined;
    const version = toExpectedVersion(req.body ?? fromQuery, req.get('if-match'));
    await deleteRecord(records, { id: req.params.id, version });
    res.status(204).end();
  });
  return router;
}

/**
 * The records context of a request: the pinned model, the entity, the actor's access and the request id.
 * An entity the roles cannot read is 403 on every route of it, before any id is looked up, so a
 * missing record and a real one answer alike (only creating needs `create` instead of `read`).
 */
export function recordContext(
  ctx: AppContext,
  req: Request,
  // A role that may never take the action is refused before anything else is asked of the request (a 403, not a 428).
  action: 'read' | 'create' | 'update' | 'delete' = 'read',
): RecordContext {
  const model = modelOf(req);
  const entity = model.entities.get(req.params.entity as string);
  if (!entity)
    throw new NotFoundError({
      en: `there is no entity "${String(req.params.entity)}"`,
      zh: `没有实体“${String(req.params.entity)}”`,
    });
  const actor = actorOf(req);
  const access = accessFor(model, actor);
  const grant = access?.grant(entity.id);
  // Every route but create also reads the record, so a role that may not read the entity is refused first.
  if (grant && action !== 'create' && grant.read === 'none') throw forbidden(entity, 'read');
  if (grant?.[action] === 'none') throw forbidden(entity, action);
  const request = requestIdOf(req);
  return {
    knex: ctx.db.knex,
    model,
    entity,
    userId: actor.id,
    ...(request && { requestId: request }),
    ...(access && { access }),
  };
}

/** The records context of a read that may lag (lists, exports, groups, totals): on the replica when it can. */
async function laggingContext(ctx: AppContext, req: Request): Promise<RecordContext> {
  const records = recordContext(ctx, req);
  return ctx.replicaReads ? { ...records, knex: await laggingReader(ctx, req) } : records;
}

/** Middleware: the entity exists and the caller may read it (404, 403), judged before a contract judges the request's form. */
export function entityReadable(ctx: AppContext): RequestHandler {
  return (req, _res, next) => {
    recordContext(ctx, req);
    next();
  };
}

/** A list request parsed against what the actor sees: hidden fields cannot be selected, filtered, sorted or searched. */
function listQueryOf(records: RecordContext, req: Request, query = req.query as QueryParams) {
  const entities = records.access?.views ?? records.model.entities;
  const list = toListQuery(query, { entity: viewOf(records), entities, me: records.userId });
  throwIfIssues(stageHiddenQueryIssues(records.model, records.entity, list));
  return list;
}

function sendRecord(res: Response, record: RecordJson): void {
  if (typeof record.version === 'number') res.set('ETag', toEtag(record.version));
  res.json(record);
}
