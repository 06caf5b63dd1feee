import { readTeamMembers } from './team-members.js';
import express, { type Express } from 'express';
import type { AppContext } from '../context.js';
import { NotFoundError } from '../errors.js';
import { identifyActor } from './actor.js';
import { pinModel, retryOnNewerModel } from './pin-model.js';
import { rememberWrites } from './lagging-reads.js';
import { problemHandler } from './problem.js';
import { metaRouter } from './routes/meta.js';
import { reviewsRouter } from '../reviews/reviews-router.js';
import { previewMode, refuseWritesInPreview } from '../preview/preview-mode.js';
import { previewRouter } from '../preview/preview-router.js';
import { recordsRouter } from './routes/records.js';
import { reportsRouter } from './routes/reports.js';
import { dashboardsRouter } from './routes/dashboards.js';
import { workflowRouter } from './routes/workflow.js';
import { docsRouter, openApiRouter } from './routes/docs.js';
import { authRouter } from './routes/auth.js';
import { adminRouter } from './routes/admin.js';
import { demoProgressRouter, demoRouter } from './routes/demo.js';
import { calendarRouter } from './routes/calendar.js';
import { auditRouter } from './routes/audit.js';
import helmet from 'helmet';
import { uiRouter } from './routes/ui.js';
import { usersDirectoryRouter } from './routes/users-directory.js';
import { viewsRouter } from './routes/views.js';
import { myDayRouter } from './routes/my-day.js';
import { searchRouter } from './routes/search.js';
import { schedulesRouter } from './routes/schedules.js';
import { notificationsRouter } from './routes/notifications.js';
import { delegationsRouter } from './routes/delegations.js';
import { requestId } from './request-id.js';
import { health, healthRouter } from './routes/health.js';
import { observeRequests } from '../metrics/observe-requests.js';
import { captureRouteTemplates } from '../metrics/route-template.js';
import { metricsRoute } from '../metrics/metrics-route.js';
import { importsRouter } from './routes/imports.js';
import { bulkRouter } from './routes/bulk.js';
import { webhooksRouter } from './routes/webhooks.js';
import { exceedsJsonDepth, MAX_JSON_DEPTH, refuseDeclaredOver } from './body-guard.js';
import { BadRequestError } from '../errors.js';

/** Bodies of the public routes (login, setup) are small; a signed-in caller may send up to 5 MB. */
const PUBLIC_BODY_BYTES = 16 * 1024;
const BODY_BYTES = 5 * 1024 * 1024;
const BULK_BODY_BYTES = 64 * 1024 * 1024;

/** A JSON body parser with a size limit that refuses deep nesting before parsing. */
function jsonBody(limit: number) {
  const parse = express.json({
    limit,
    type: ['application/json', 'application/merge-patch+json'],
    verify: (_req, _res, buffer) => {
      if (exceedsJsonDepth(buffer)) {
        throw new BadRequestError({
          en: `request body nests deeper than ${MAX_JSON_DEPTH} levels`,
          zh: `请求内容的嵌套超过 ${MAX_JSON_DEPTH} 层`,
        });
      }
    },
  });
  const tooLarge = () =>
    Object.assign(new Error('request entity too large'), { status: 413, type: 'entity.too.large', expose: true });
  return [refuseDeclaredOver(limit, tooLarge), parse];
}

/** `true`/`false`, a hop count, or addresses and subnets as express reads them. */
function trustProxyValue(setting: string): boolean | number | string {
  if (setting === 'true' || setting === 'false') return setting === 'true';
  return /^\d+$/.test(setting) ? Number(setting) : setting;
}

/** Express assembly: the middleware order lives here and nowhere else. */
export function createApp(ctx: AppContext): Express {
  const app = express();
  app.disable('x-powered-by');
  if (ctx.trustProxy) app.set('trust proxy', trustProxyValue(ctx.trustProxy));
  app.use(requestId());
  // One log line per request and, with metrics on, its latency under the route template.
  captureRouteTemplates(app);
  app.use(observeRequests(ctx.log, ctx.metrics?.metrics));
  // Served over plain http on a laptop (`npm start`): no upgrade of subresources to https, and HSTS
  // only on a request that came over https (itself or, under `trust proxy`, per X-Forwarded-Proto):
  // a browser ignores it over http, and a proxy must not be told so by a forged header.
  app.use(
    helmet({
      contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } },
      strictTransportSecurity: false,
    }),
  );
  app.use((req, res, next) => {
    if (req.secure) res.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    next();
  });
  // Single records carry their own ETag (the version); hashing every list body costs time for nothing.
  app.set('etag', false);
  app.set('query parser', 'simple');
  app.get('/api/v1/health', health(ctx));
  app.use('/api/v1/health', healthRouter(ctx));
  if (ctx.metrics) app.get('/metrics', metricsRoute(ctx.metrics.metrics, ctx.metrics.settings));
  const api = express.Router();
  api.use(pinModel(ctx.models));
  // Public: login, first-run setup, the docs page. Everything after identifyActor needs a token or key.
  // Bodies are read only after the caller is known: anonymous ones are capped small on the public routes
  // and refused unread (401) everywhere else, so nobody can make the engine parse megabytes without a login.
  const requireActor = identifyActor(ctx.identify);
  api.use(
    '/auth',
    refuseWritesInPreview,
    ...jsonBody(PUBLIC_BODY_BYTES),
    authRouter(ctx, { requireActor, ...(ctx.loginsPerMinute && { loginsPerMinute: ctx.loginsPerMinute }) }),
  );
  api.get('/', (req, res) => res.redirect(302, `${req.baseUrl}/docs`));
  api.use('/docs', docsRouter());
  // A sample data job's progress by its id, readable while the embedded database is busy loading (routes/demo.ts).
  api.use('/admin/demo', demoProgressRouter(ctx));
  api.use(requireActor);
  // "View as" (preview/preview-mode.ts): a request with X-Lodestar-Preview reads the draft as a role or user, writes nothing.
  api.use(previewMode(ctx));
  api.use(readTeamMembers(ctx.db.knex));
  if (ctx.replicaReads) api.use(rememberWrites(ctx.replicaReads));
  // An import's body is the file, streamed to disk past the JSON parser and its 5 MB cap (routes/imports.ts).
  api.use('/imports', importsRouter(ctx));
  // A bulk request carries up to 10,000 records: its own larger cap, parsed before the usual one (routes/bulk.ts).
  api.use('/records', bulkRouter(ctx, jsonBody(BULK_BODY_BYTES)));
  api.use(...jsonBody(BODY_BYTES));
  api.use(openApiRouter());
  api.use('/meta', reviewsRouter(ctx));
  api.use('/meta', previewRouter(ctx));
  api.use('/meta', metaRouter(ctx));
  api.use('/records', workflowRouter(ctx));
  api.use('/records', auditRouter(ctx));
  api.use('/records', recordsRouter(ctx));
  api.use('/reports', reportsRouter(ctx));
  api.use('/dashboards', dashboardsRouter(ctx));
  api.use('/users', usersDirectoryRouter(ctx));
  api.use('/views', viewsRouter(ctx));
  api.use('/my-day', myDayRouter(ctx));
  api.use('/search', searchRouter(ctx));
  api.use('/delegations', delegationsRouter(ctx));
  api.use('/me/notifications', notificationsRouter(ctx));
  api.use('/admin/calendar', calendarRouter(ctx));
  api.use('/admin/webhooks', webhooksRouter(ctx));
  api.use('/admin/demo', demoRouter(ctx));
  api.use('/admin', adminRouter(ctx));
  api.use('/schedules', schedulesRouter(ctx));
  api.use((req) => {
    throw new NotFoundError({
      en: `no route for ${req.method} ${req.baseUrl}${req.path}`,
      zh: `没有这个接口：${req.method} ${req.baseUrl}${req.path}`,
    });
  });
  // A request that met a publish runs again on the newer model (see pin-model.ts).
  api.use(retryOnNewerModel(ctx.models, api, ctx.db.knex));
  app.use('/api/v1', api);
  app.use(uiRouter());
  app.use(problemHandler(ctx.log));
  return app;
}
