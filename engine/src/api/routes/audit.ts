import { Router } from 'express';
import type { AppContext } from '../../context.js';
import { readAudit } from '../../audit/audit-repo.js';
import { requireRecordInScope } from '../../records/record-permissions.js';
import { hiddenByStage } from '../../records/stage-hidden-read.js';
import { RECORDS } from '../contract/records.js';
import { route } from '../contract/route.js';
import { validQuery } from '../contract/validate.js';
import { entityReadable, recordContext } from './records.js';

/**
 * `GET /records/{entity}/{id}/audit`: the record's audit trail, newest first, for whoever may read
 * the record; changes to fields hidden from the reader are left out, and rows that changed nothing else. There is no route that writes,
 * changes or deletes audit rows.
 */
export function auditRouter(ctx: AppContext): Router {
  const router = Router();
  route(router, RECORDS.routes.audit, entityReadable(ctx), async (req, res) => {
    const records = recordContext(ctx, req);
    const id = String(req.params.id);
    await requireRecordInScope(records, id, undefined, 'read');
    const { limit, cursor } = validQuery<{ limit: number; cursor: string }>(req);
    // Fields the record's stage hides are left out like those the reader's roles hide.
    const hidden = new Set([
      ...(records.access?.grant(records.entity.id).hidden ?? []),
      ...(await hiddenByStage(records, id)),
    ]);
    res.json(
      await readAudit(ctx.db.knex, {
        entity: records.entity.id,
        recordId: id,
        ...(limit !== undefined && { limit }),
        ...(cursor && { beforeId: cursor }),
        ...(hidden?.size && { hidden }),
      }),
    );
  });
  return router;
}
