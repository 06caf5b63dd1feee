import { Router, type Request } from 'express';
import type { AuditContext } from '../../audit/audit-entry.js';
import type { AppContext } from '../../context.js';
import { NotFoundError, ValidationError, issueOf, summarize, type Issue } from '../../errors.js';
import type { Model } from '../../model/compile-model.js';
import { readSubscriptionDeliveries, retrySubscriptionDelivery, type OutboxRow } from '../../outbox/index.js';
import { attemptsOf, type DeliveryAttempt } from '../../webhooks/attempts-repo.js';
import {
  createSubscription,
  deleteSubscription,
  listSubscriptions,
  readSubscription,
  rotateSecret,
  updateSubscription,
  type SubscriptionInput,
} from '../../webhooks/subscriptions-repo.js';
import { actorOf } from '../actor.js';
import { adminOnly } from '../admin-only.js';
import { route } from '../contract/route.js';
import { WEBHOOKS } from '../contract/webhooks.js';
import { modelOf } from '../pin-model.js';
import { requestIdOf } from '../request-id.js';

const PAGE = 50;

/**
 * Change webhooks for ERP sync: administrators subscribe an endpoint to record changes of chosen
 * entities, read each delivery with its attempts, and send one again. Capture and delivery live in
 * webhooks/ and the outbox; this router only checks and answers.
 */
export function webhooksRouter(ctx: AppContext): Router {
  const router = Router();
  const knex = ctx.db.knex;
  router.use(adminOnly({ en: 'manage webhooks', zh: '管理 Webhook' }));
  const { routes } = WEBHOOKS;
  route(router, routes.listWebhooks, async (_req, res) => {
    res.json({ data: await listSubscriptions(knex) });
  });
  route(router, routes.createWebhook, async (req, res) => {
    const input = checked(modelOf(req), req.body as SubscriptionInput);
    res.status(201).json(await createSubscription(knex, input, who(req)));
  });
  route(router, routes.readWebhook, async (req, res) => {
    res.json((await readSubscription(knex, idOf(req))) ?? notFound());
  });
  route(router, routes.updateWebhook, async (req, res) => {
    const input = checked(modelOf(req), req.body as Partial<SubscriptionInput>);
    res.json((await updateSubscription(knex, idOf(req), input, who(req))) ?? notFound());
  });
  route(router, routes.deleteWebhook, async (req, res) => {
    if (!(await deleteSubscription(knex, idOf(req), who(req)))) notFound();
    res.status(204).end();
  });
  route(router, routes.rotateWebhookSecret, async (req, res) => {
    res.json({ secret: (await rotateSecret(knex, idOf(req), who(req))) ?? notFound() });
  });
  route(router, routes.listWebhookDeliveries, async (req, res) => {
    const id = idOf(req);
    if (!(await readSubscription(knex, id))) notFound();
    const limit = Number(req.query.limit ?? PAGE);
    const cursor = req.query.cursor === undefined ? undefined : Number(req.query.cursor);
    const rows = await readSubscriptionDeliveries(knex, id, { limit: limit + 1, beforeId: cursor });
    const page = rows.slice(0, limit);
    const logs = await attemptsOf(
      knex,
      page.map((row) => row.id),
    );
    res.json({
      data: page.map((row) => toDelivery(row, logs.get(row.id) ?? [])),
      nextCursor: rows.length > limit ? String(page[page.length - 1]!.id) : null,
    });
  });
  route(router, routes.retryWebhookDelivery, async (req, res) => {
    const row = await retrySubscriptionDelivery(knex, idOf(req), Number(req.params.delivery));
    if (!row) throw new NotFoundError({ en: 'no such delivery of this subscription', zh: '这个订阅没有这次投递' });
    ctx.nudgeOutbox?.();
    res.json(toDelivery(row, (await attemptsOf(knex, [row.id])).get(row.id) ?? []));
  });
  return router;
}

const idOf = (req: Request): string => req.params.id as string;
const who = (req: Request): AuditContext => ({ actorId: actorOf(req).id ?? null, requestId: requestIdOf(req) });

function notFound(): never {
  throw new NotFoundError({ en: 'no such webhook subscription', zh: '没有这个 Webhook 订阅' });
}

/** What the schema cannot say: the entities exist in the published model, and the URL parses. */
function checked<T extends Partial<SubscriptionInput>>(model: Model, input: T): T {
  const issues: Issue[] = [];
  (input.entities ?? []).forEach((entity, i) => {
    if (!model.entities.has(entity))
      issues.push(
        issueOf(`/entities/${i}`, 'entity', {
          en: `"${entity}" is not an entity of the published model`,
          zh: `“${entity}”不是已发布模型中的实体`,
        }),
      );
  });
  if (input.url !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(input.url);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname)
      issues.push(
        issueOf('/url', 'url', {
          en: 'the URL must be a full http:// or https:// address',
          zh: '地址必须是完整的 http:// 或 https:// 网址',
        }),
      );
  }
  if (issues.length) throw new ValidationError(summarize(issues), { issues });
  return { ...input, ...(input.name !== undefined && { name: input.name.trim() }) };
}

function toDelivery(row: OutboxRow, log: DeliveryAttempt[]) {
  const body = (row.payload as { body?: Record<string, unknown> } | null)?.body ?? {};
  return {
    id: String(row.id),
    eventId: String(body.id ?? ''),
    type: String(body.type ?? ''),
    entity: row.entity ?? '',
    recordId: row.recordId ?? '',
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    createdAt: new Date(row.createdAt).toISOString(),
    sentAt: row.sentAt && new Date(row.sentAt).toISOString(),
    nextAttemptAt: row.status === 'pending' ? new Date(row.nextAttemptAt).toISOString() : null,
    body,
    log,
  };
}
