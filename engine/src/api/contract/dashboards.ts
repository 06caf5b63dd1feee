import { json, problems, ref } from '../openapi/common.js';
import { contract, text } from './spec.js';

const id = (description: string) => ({ schema: text({ pattern: '^[a-z][a-zA-Z0-9-]{0,62}$' }), description });

/** `/dashboards`: the dashboards the published definitions ship, answered under the caller's permissions. */
export const DASHBOARDS = contract('/dashboards', {
  list: {
    method: 'get',
    path: '/',
    operationId: 'listDashboards',
    tags: ['reports'],
    summary: 'The dashboards the caller may open, each with the widgets their permissions can answer',
    description:
      'A dashboard with `roles` is listed only to holders of one of them (and administrators). A widget on an entity the caller may not read, or naming a field hidden from them, is left out of the list (and answers 403 when asked for).',
    query: { additionalProperties: false, properties: {} },
    responses: { 200: json('The dashboards, in their `order`, then by id.', ref('DashboardList')), ...problems() },
  },
  widget: {
    method: 'get',
    path: '/:dashboard/widgets/:widget',
    operationId: 'dashboardWidget',
    tags: ['reports'],
    summary: "One widget's figures, over the records a list would show the caller",
    description:
      'The filter bar narrows every widget alike: `from`/`to` keep the records whose day (the widget’s period field, else their creation, in the company’s time zone) lies in the period, inclusive; `owner` keeps the caller’s own records (`me`) or their unit’s and below (`team`). Report widgets take `me` as their owner filter and leave `team` to the caller’s permissions.',
    params: { dashboard: id('A dashboard id.'), widget: id('A widget id of that dashboard.') },
    query: {
      additionalProperties: false,
      properties: {
        from: { type: 'string', format: 'date', description: 'First day of the period (YYYY-MM-DD), inclusive.' },
        to: { type: 'string', format: 'date', description: 'Last day of the period (YYYY-MM-DD), inclusive.' },
        owner: { type: 'string', enum: ['me', 'team', 'all'], description: 'Whose records: mine, my team’s, all.' },
      },
    },
    responses: {
      200: json(
        'An aggregate widget: its rows (key, period, measure, count); a report widget: the workflow report.',
        ref('WidgetAnswer'),
      ),
      ...problems(400, 404),
    },
  },
});
