import { json, problems, ref } from '../openapi/common.js';
import { contract, text, type RouteSpec } from './spec.js';

/**
 * The filters every report takes. Which record types exist and whether `from` comes before `to` depend on
 * the workflow: reports/params.ts judges those (issues at the same `/query/<name>` pointers).
 */
const filters: RouteSpec['query'] = {
  additionalProperties: false,
  properties: {
    owner: text({ format: 'uuid', description: "The record's current owner." }),
    recordType: text({ description: "One of the entity's record types." }),
    from: text({ format: 'date', description: 'First day of the period (UTC), included.' }),
    to: text({ format: 'date', description: 'Last day of the period (UTC), included.' }),
  },
};
const workflow = { workflow: { schema: text(), description: 'A workflow id.' } };

/** `answer`: the core type of the report's answer (its schema is generated from it, see common.ts). */
const report = (path: string, operationId: string, summary: string, answer: string): RouteSpec => ({
  method: 'get',
  path,
  operationId,
  tags: ['reports'],
  summary,
  // Documented once per workflow (openapi/workflow-paths.ts), with these filters.
  perEntity: true,
  params: workflow,
  query: filters,
  responses: { 200: json(summary, ref(answer)), ...problems(400, 404) },
});

/** `/reports/{workflow}/*`: aggregates over workflow history. */
export const REPORTS = contract('/reports', {
  funnel: report(
    '/:workflow/funnel',
    'funnelReport',
    'Funnel: how many records (and how much amount) reached each stage, with conversion',
    'FunnelReport',
  ),
  timeInStage: report(
    '/:workflow/time-in-stage',
    'timeInStageReport',
    'Time in stage: mean and median stay per stage and per owner',
    'TimeInStageReport',
  ),
  forecast: report(
    '/:workflow/forecast',
    'forecastReport',
    'Weighted forecast: open amount × stage probability by close month, and won amounts',
    'ForecastReport',
  ),
  winRate: report('/:workflow/win-rate', 'winRateReport', 'Win rate and average cycle length', 'WinRateReport'),
});
