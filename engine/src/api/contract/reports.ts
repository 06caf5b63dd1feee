import { json, problems } from '../openapi/common.js';
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

const report = (path: string, operationId: string, summary: string): RouteSpec => ({
  method: 'get',
  path,
  operationId,
  tags: ['reports'],
  summary,
  // Documented once per workflow (openapi/workflow-paths.ts), with these filters.
  perEntity: true,
  params: workflow,
  query: filters,
  responses: { 200: json(summary, { type: 'object' }), ...problems(400, 404) },
});

/** `/reports/{workflow}/*`: aggregates over workflow history. */
export const REPORTS = contract('/reports', {
  funnel: report(
    '/:workflow/funnel',
    'funnelReport',
    'Funnel: how many records (and how much amount) reached each stage, with conversion',
  ),
  timeInStage: report(
    '/:workflow/time-in-stage',
    'timeInStageReport',
    'Time in stage: mean and median stay per stage and per owner',
  ),
  forecast: report(
    '/:workflow/forecast',
    'forecastReport',
    'Weighted forecast: open amount × stage probability by close month, and won amounts',
  ),
  winRate: report('/:workflow/win-rate', 'winRateReport', 'Win rate and average cycle length'),
});
