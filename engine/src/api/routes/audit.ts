import { Router } from 'express';
import type { AppContext } from '../../context.js';
import { BadRequestError } from '../../errors.js';
import { readAudit } from '../../audit/audit-repo.js';
import { requireRecordInScope } from '../../records/record-permissions.js';
import { recordContext } from './records.js';

const LIMIT = /^\d{1,3}$/;

/**
 * `GET /records/{entity}/{id}/audit`: the record's audit trail, newest first, for whoever may read
 * the record; changes to fields hidden from the reader are left out, and rows that changed nothing else. There is no route that writes,
 * changes or deletes audit rows.
 */
export function auditRouter(ctx: AppContext): Router {
  const router = Router();
  router.get('/:entity/:id/audit', async (req, res) => {
    const records = recordContext(ctx, req);
    const id = String(req.params.id);
    await requireRecordInScope(records, id, undefined, 'read');
    const { limit, cursor } = req.query as Record<string, unknown>;
    if (limit !== undefined && (typeof limit !== 'string' || !LIMIT.test(limit))) {
      throw new BadRequestError('limit must be a number from 1 to 200', { issues: [{ pointer: '/query/limit', keyword: 'type', message: 'must be an integer from 1 to 200' }] });
    }
    if (cursor !== undefined && (typeof cursor !== 'string' || !/^\d{1,18}$/.test(cursor))) {
      throw new BadRequestError('cursor must be the nextCursor of a previous page', { issues: [{ pointer: '/query/cursor', keyword: 'format', message: 'must be a previous nextCursor' }] });
    }
    const hidden = records.access?.grant(records.entity.id).hidden;
    res.json(await readAudit(ctx.db.knex, { entity: records.entity.id, recordId: id, ...(limit && { limit: Number(limit) }), ...(cursor && { beforeId: cursor }), ...(hidden?.size && { hidden }) }));
  });
  return router;
}
