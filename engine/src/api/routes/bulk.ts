import { createHash } from 'node:crypto';
import { type Request, type RequestHandler, Router } from 'express';
import type { AppContext } from '../../context.js';
import { BadRequestError, type Issue, ValidationError } from '../../errors.js';
import { claimKey, storeAnswer, type StoredAnswer } from '../../records/bulk-repo.js';
import { toBulkRequest, type BulkBody } from '../../records/bulk-body.js';
import { writeBulk } from '../../records/bulk-write.js';
import { startFor } from '../../runtime/start-record.js';
import { actorOf } from '../actor.js';
import { route } from '../contract/route.js';
import { RECORDS } from '../contract/records.js';
import { recordContext } from './records.js';

/** How long a bulk request's answer is kept under its Idempotency-Key. */
const KEPT_MS = 24 * 3600_000;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

/**
 * `POST /records/{entity}/bulk`, mounted with its own body parser (10,000 records outgrow the usual 5 MB).
 * The writes, the idempotency key's claim and the stored answer share one transaction: a repeated request
 * either waits for the first and replays its answer, or finds it stored; it never writes twice.
 */
export function bulkRouter(ctx: AppContext, parseBody: RequestHandler[]): Router {
  const router = Router();
  route(router, RECORDS.routes.bulk, ...parseBody, async (req, res) => {
    const key = idempotencyKey(req);
    const records = recordContext(ctx, req, (req.body as BulkBody).mode === 'update' ? 'update' : 'create');
    if ((req.body as BulkBody).mode === 'upsert') recordContext(ctx, req, 'update');
    const request = toBulkRequest(records.entity, req.body as BulkBody);
    const actor = actorOf(req);
    const now = ctx.clock();
    const startOf = startFor(records.model, actor, now);
    const hash =
      key &&
      createHash('sha256')
        .update(JSON.stringify([records.entity.id, req.body]))
        .digest('hex');
    const answer = await ctx.db.knex.transaction(async (trx): Promise<StoredAnswer & { replayed?: boolean }> => {
      if (key && hash) {
        const claim = await claimKey(trx, {
          userId: actor.id,
          key,
          entity: records.entity.id,
          hash,
          now,
          expiresAt: new Date(now.getTime() + KEPT_MS),
        });
        if (!claim.claimed) {
          if (claim.hash !== hash) throw reusedKey();
          return { ...claim.stored, replayed: true };
        }
      }
      const written = await writeBulk(trx, records, request, startOf);
      const stored = written.committed
        ? { status: 200, answer: written }
        : {
            status: 422,
            answer: refusal(
              written.results.flatMap((r) => r.errors ?? []),
              written,
            ),
          };
      if (key) await storeAnswer(trx, actor.id, key, stored);
      return stored;
    });
    if (answer.replayed) res.set('Idempotent-Replayed', 'true');
    res.status(answer.status);
    if (answer.status === 422) res.type('application/problem+json');
    res.json(answer.answer);
  });
  return router;
}

/** The Idempotency-Key header, when sent: 1 to 200 visible ASCII characters. */
function idempotencyKey(req: Request): string | undefined {
  const key = req.get('idempotency-key');
  if (key === undefined) return undefined;
  if (!IDEMPOTENCY_KEY.test(key)) {
    const text = {
      en: 'Idempotency-Key must be 1 to 200 visible ASCII characters, such as a UUID',
      zh: 'Idempotency-Key 应为 1 到 200 个可见 ASCII 字符，例如一个 UUID',
    };
    throw new BadRequestError(text, {
      issues: [{ pointer: '/header/Idempotency-Key', keyword: 'pattern', message: text.en, i18n: text }],
    });
  }
  return key;
}

function reusedKey(): ValidationError {
  const text = {
    en: 'this Idempotency-Key was used for a different request; use a new key for a new request',
    zh: '这个 Idempotency-Key 已用于另一个不同的请求；新的请求请使用新的 key',
  };
  return new ValidationError(text, {
    issues: [{ pointer: '/header/Idempotency-Key', keyword: 'idempotencyKey', message: text.en, i18n: text }],
  });
}

/** An all-or-nothing request some record failed: 422, every issue, and each record's result. */
function refusal(issues: Issue[], written: { failed: number; results: unknown[] }) {
  const text = {
    en: `${written.failed} of ${written.results.length} records were refused, so none was written`,
    zh: `${written.results.length} 条记录中有 ${written.failed} 条被拒绝，因此没有写入任何记录`,
  };
  return {
    type: 'https://lodestar.dev/problems/validation-failed',
    title: 'Validation failed',
    status: 422,
    detail: text.en,
    i18n: text,
    issues,
    ...written,
  };
}
