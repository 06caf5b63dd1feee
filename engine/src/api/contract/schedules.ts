import { json, problems, ref } from '../openapi/common.js';
import { contract, text } from './spec.js';

// Listed with the other administrators' routes (openapi/identity-paths.ts ADMIN_PATHS).
const tags = ['admin'];
const scheduleParams = {
  workflow: { schema: text({ pattern: '^[a-z][a-z0-9-]{0,62}$' }), description: 'The workflow id.' },
  id: { schema: text({ pattern: '^[a-z][a-zA-Z0-9]{0,47}$' }), description: 'The schedule id in the workflow.' },
};

/** `/schedules/*`: the published model's scheduled jobs, their run log and "run now" (administrators only). */
export const SCHEDULES = contract('/schedules', {
  listSchedules: {
    method: 'get',
    path: '/',
    operationId: 'listSchedules',
    tags,
    summary: 'Every schedule of the published workflows, with its next due time and last run',
    responses: { 200: json('', ref('ScheduleList')), ...problems() },
  },
  listScheduleRuns: {
    method: 'get',
    path: '/runs',
    operationId: 'listScheduleRuns',
    tags,
    summary: 'The run log, newest first: status, progress, failures and refusals',
    query: {
      properties: {
        schedule: text({
          pattern: '^[a-z][a-z0-9-]{0,62}/[a-z][a-zA-Z0-9]{0,47}$',
          description: 'Only this schedule (`<workflow>/<id>`).',
        }),
        limit: { type: 'integer', minimum: 1, maximum: 200, description: 'At most this many runs (default 50).' },
      },
    },
    responses: { 200: json('', ref('ScheduleRunPage')), ...problems(400) },
  },
  getScheduleRun: {
    method: 'get',
    path: '/runs/:run',
    operationId: 'getScheduleRun',
    tags,
    summary: 'One run, with its progress while it runs',
    params: { run: { schema: text({ pattern: '^[1-9][0-9]{0,17}$' }), description: 'The run id.' } },
    notFound: { en: 'no such run', zh: '没有这次运行' },
    responses: { 200: json('', ref('ScheduleRun')), ...problems(404) },
  },
  runSchedule: {
    method: 'post',
    path: '/:workflow/:id/run',
    operationId: 'runSchedule',
    tags,
    summary: 'Run a schedule now: queued for the next free worker, answered at once',
    params: scheduleParams,
    notFound: { en: 'no such schedule', zh: '没有这个定时任务' },
    responses: { 202: json('Queued; follow it in the run log.', ref('ScheduleRun')), ...problems(404) },
  },
});
