import { type Request, Router } from 'express';
import type { Knex } from 'knex';
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

/** Reports over workflow history, one aggregate query each: parse, run, shape. */
export function reportsRouter(ctx: AppContext): Router {
  const router = Router();
  router.get('/:workflow/funnel', async (req, res) => {
    const { target, filters } = parse(req);
    res.json(toFunnelJson(target, filters, await run<FunnelRow>(ctx.db.knex, funnelSql(target, filters))));
  });
  router.get('/:workflow/time-in-stage', async (req, res) => {
    const { target, filters } = parse(req);
    const asOf = ctx.clock().toISOString();
    res.json(toTimeInStageJson(target, filters, asOf, await run<TimeInStageRow>(ctx.db.knex, timeInStageSql(target, filters, asOf))));
  });
  router.get('/:workflow/forecast', async (req, res) => {
    const { target, filters } = parse(req);
    res.json(toForecastJson(target, filters, await run<ForecastRow>(ctx.db.knex, forecastSql(target, filters))));
  });
  router.get('/:workflow/win-rate', async (req, res) => {
    const { target, filters } = parse(req);
    res.json(toWinRateJson(target, filters, await run<WinRateRow>(ctx.db.knex, winRateSql(target, filters))));
  });
  return router;
}

function parse(req: Request): { target: ReportTarget; filters: ReportFilters } {
  const model = modelOf(req);
  const target = toReportTarget(model, req.params.workflow as string, accessFor(model, actorOf(req)));
  return { target, filters: parseReportFilters(req.query as QueryParams, { recordTypes: target.recordTypes }) };
}

async function run<Row>(knex: Knex, query: Fragment): Promise<Row[]> {
  const result = (await knex.raw(query.sql, query.bindings)) as { rows: Row[] };
  return result.rows;
}
