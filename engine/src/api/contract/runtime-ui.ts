import { json, problems, ref } from '../openapi/common.js';
import { contract, object, text } from './spec.js';

const tags = ['system'];
/** `/users`: the directory every signed-in user may read (roles, managers and login data stay in the admin API). */
export const USERS_DIRECTORY = contract('/users', {
  list: {
    method: 'get',
    path: '/',
    operationId: 'usersDirectory',
    tags,
    summary: 'Active users by display name (owner names, owner filters, pickers)',
    responses: {
      200: json(
        'The directory.',
        object(
          {
            data: {
              type: 'array',
              items: ref('DirectoryEntry'),
            },
          },
          ['data'],
        ),
      ),
      ...problems(),
    },
  },
});

/** `/my-day`: what the caller owns that needs them today. */
export const MY_DAY = contract('/my-day', {
  read: {
    method: 'get',
    path: '/',
    operationId: 'myDay',
    tags,
    summary: 'What the caller owns that is due today, overdue, to be reminded of today, past its SLA or stuck',
    query: {
      additionalProperties: false,
      properties: {
        tz: text({
          'x-timeZone': true,
          description: "IANA time zone of the caller's day, e.g. `Asia/Shanghai`; the server's when absent.",
        }),
      },
    },
    responses: {
      200: json('Each list ordered by `at`, at most 50 items.', ref('MyDay')),
      ...problems(400),
    },
  },
});
