import { json, problems } from '../openapi/common.js';
import { contract, object, text } from './spec.js';

const tags = ['admin'];
const counts = {
  type: 'object',
  additionalProperties: { type: 'integer' },
  description: 'Demo rows per entity id; `lodestar_user` and `lodestar_org_unit` count the demo users and org units.',
};

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
            users: {
              type: 'array',
              items: object({ email: text(), name: text(), roles: { type: 'array', items: text() } }, [
                'email',
                'name',
                'roles',
              ]),
            },
            password: text({ description: 'The password every demo user signs in with.' }),
          },
          ['counts', 'events', 'refused', 'users', 'password'],
        ),
      ),
      ...problems(409, 422),
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
