import { type Request, type RequestHandler, Router } from 'express';
import type { Knex } from 'knex';
import { laggingReader } from '../lagging-reads.js';
import type { AppContext } from '../../context.js';
import type { QueryParams } from '../../records/query-params.js';
import type { Fragment } from '../../reports/fragment.js';
import { parseReportFilters, type ReportFilters } from '../../reports/params.js';
import {
  type ForecastRow,
  type FunnelRow,
  type TimeInStageRow,
  type WinRateRow,
  toForecastJson,
  toFunnelJson,
  toTimeInStageJson,
  toWinRateJson,
} from '../../reports/report-results.js';
import { forecastSql, funnelSql, timeInStageSql, winRateSql } from '../../reports/report-sql.js';
import { type ReportTarget, toReportTarget } from '../../reports/target.js';
import { accessFor } from '../../permissions/model-access.js';
import { actorOf } from '../actor.js';
import { modelOf } from '../pin-model.js';
import { REPORTS } from '../contract/reports.js';
import { route } from '../contract/route.js';

/** Reports over workflow history, one aggregate query each: parse, run, shape. */
export function reportsRouter(ctx: AppContext): Router {
  const router = Router();
  const { routes } = REPORTS;
  // The workflow and the caller's access to it are judged (404, 403) before the filters (400).
  const known: RequestHandler = (req, _res, next) => {
    targetOf(req);
    next();
  };
  route(router, routes.funnel, known, async (req, res) => {
    const { target, filters } = parse(req);
    res.json(
      toFunnelJson(target, filters, await run<FunnelRow>(await laggingReader(ctx, req), funnelSql(target, filters))),
    );
  });
  route(router, routes.timeInStage, known, async (req, res) => {
    const { target, filters } = parse(req);
    const asOf = ctx.clock().toISOString();
    res.json(
      toTimeInStageJson(
        target,
        filters,
        asOf,
        await run<TimeInStageRow>(await laggingReader(ctx, req), timeInStageSql(target, filters, asOf)),
      ),
    );
  });
  route(router, routes.forecast, known, async (req, res) => {
    const { target, filters } = parse(req);
    res.json(
      toForecastJson(
        target,
        filters,
        await run<ForecastRow>(await laggingReader(ctx, req), forecastSql(target, filters)),
      ),
    );
  });
  route(router, routes.winRate, known, async (req, res) => {
    const { target, filters } = parse(req);
    res.json(
      toWinRateJson(target, filters, await run<WinRateRow>(await laggingReader(ctx, req), winRateSql(target, filters))),
    );
  });
  return router;
}

function targetOf(req: Request): ReportTarget {
  const model = modelOf(req);
  return toReportTarget(model, req.params.workflow as string, accessFor(model, actorOf(req)));
}

function parse(req: Request): { target: ReportTarget; filters: ReportFilters } {
  const target = targetOf(req);
  return { target, filters: parseReportFilters(req.query as QueryParams, { recordTypes: target.recordTypes }) };
}

async function run<Row>(knex: Knex, query: Fragment): Promise<Row[]> {
  const result = (await knex.raw(query.sql, query.bindings)) as { rows: Row[] };
  return result.rows;
}
