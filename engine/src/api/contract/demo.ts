import { json, problems, ref } from '../openapi/common.js';
import type { JsonSchema } from '../openapi/field-schemas.js';
import { contract, object, text } from './spec.js';

const tags = ['admin'];
const counts = {
  type: 'object',
  additionalProperties: { type: 'integer' },
  description: 'Demo rows per entity id; `lodestar_user` and `lodestar_org_unit` count the demo users and org units.',
};

const users = {
  type: 'array',
  items: object({ email: text(), name: text(), roles: { type: 'array', items: text() } }, ['email', 'name', 'roles']),
};
const status = (values: string[]) => ({ type: 'string', enum: values });
const job = object(
  {
    id: text({ format: 'uuid' }),
    preset: { type: ['string', 'null'], description: 'The preset of templates/presets.json installed first, if any.' },
    status: status(['running', 'done', 'failed']),
    startedAt: text({ format: 'date-time' }),
    finishedAt: text({ format: 'date-time' }),
    seconds: { type: 'number' },
    percent: { type: 'integer', minimum: 0, maximum: 100 },
    steps: {
      type: 'array',
      description: 'Each template install in dependency order, then the sample data load.',
      items: object(
        {
          kind: status(['install', 'demo']),
          template: text({ description: 'The shipped template folder (installs).' }),
          title: ref('Text'),
          status: status(['waiting', 'running', 'done', 'failed']),
          version: { type: 'integer', description: 'The model version holding the template once installed.' },
          done: { type: 'integer', description: 'Sample data files loaded so far.' },
          total: { type: 'integer', description: 'Sample data files in all.' },
        },
        ['kind', 'title', 'status'],
      ),
    },
    error: { ...ref('Text'), description: 'Why the failed step failed.' },
    result: object(
      {
        counts,
        events: { type: 'integer' },
        refused: { type: 'integer' },
        users,
        password: text(),
      },
      ['counts', 'events', 'refused', 'users', 'password'],
    ),
  },
  ['id', 'preset', 'status', 'startedAt', 'percent', 'steps'],
);

const { result: _result, ...progressProperties } = (job as { properties: Record<string, JsonSchema> }).properties;
const jobProgress = { ...job, properties: progressProperties };

/** `/admin/demo`: the sample company of the installed templates, loaded and removed from the UI (administrators). */
export const DEMO = contract('/admin/demo', {
  loadDemo: {
    method: 'post',
    path: '/',
    operationId: 'loadDemo',
    tags,
    summary: 'Load the sample data the installed templates ship (as `lodestar demo` does), every row marked',
    responses: {
      201: json(
        'Loaded.',
        object(
          {
            counts,
            events: { type: 'integer', description: 'Workflow events sent.' },
            refused: { type: 'integer', description: 'Of them, how many the workflow or permissions refused.' },
            users,
            password: text({ description: 'The password every demo user signs in with.' }),
          },
          ['counts', 'events', 'refused', 'users', 'password'],
        ),
      ),
      ...problems(409, 422),
    },
  },
  startDemoJob: {
    method: 'post',
    path: '/job',
    operationId: 'startDemoJob',
    tags,
    summary:
      'Install the templates of a preset (if named), then load the sample data of everything installed, as a job',
    description:
      'Answers at once with the job; read it back with `GET /admin/demo/job` for each step and the percentage. ' +
      'A preset is a named list of shipped templates in `templates/presets.json`; each is installed as the studio ' +
      'gallery installs it (review gate, plan and publish, destructive steps refused), an already installed one ' +
      'counts as done, so a failed job can simply be started again. While a job runs, starting one answers it.',
    body: object({ preset: text({ maxLength: 100, pattern: '^[\\w-]+$' }) }, [], { additionalProperties: false }),
    responses: {
      202: json('Started (or the job already running).', job),
      ...problems(404, 409, 422),
    },
  },
  demoJob: {
    method: 'get',
    path: '/job',
    operationId: 'demoJob',
    tags,
    summary: 'The sample data job running or last run since the server started',
    responses: {
      200: json('The job.', job),
      ...problems(404),
    },
  },
  demoJobProgress: {
    method: 'get',
    path: '/job/:id',
    operationId: 'demoJobProgress',
    tags,
    public: true,
    summary: 'How far a sample data job is, by the id its start answered (no token: the job id is the key)',
    description:
      'The page follows the job here rather than on `GET /admin/demo/job` because on the embedded database the ' +
      'sample data load holds the only connection for minutes, and a signed-in request may need it to look up ' +
      'its session (the demo users written meanwhile empty the session cache). This answer reads memory only, ' +
      'and leaves out the demo users and their password.',
    params: { id: { schema: { type: 'string', format: 'uuid' } } },
    notFound: { en: 'no such sample data job', zh: '没有这个示例数据任务' },
    responses: {
      200: json('The job, without its result.', jobProgress),
      ...problems(404),
    },
  },
  removeDemo: {
    method: 'delete',
    path: '/',
    operationId: 'removeDemo',
    tags,
    summary: 'Delete every demo record, demo user and demo org unit in one step',
    responses: {
      200: json('Removed (empty counts when there was none).', object({ counts }, ['counts'])),
      ...problems(),
    },
  },
});
