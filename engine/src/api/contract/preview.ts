import { json, problems, ref } from '../openapi/common.js';
import { contract, object, text, uuid } from './spec.js';

const tags = ['meta'];

/** `/meta/preview`: "view as" (issue 19) — an administrator previews the draft as a role or a user, writing nothing. */
export const PREVIEW = contract('/meta', {
  start: {
    method: 'post',
    path: '/preview',
    operationId: 'startPreview',
    tags,
    summary: 'Start a read-only preview of the draft as a role or a user (administrators)',
    description:
      'Answers a token for the `X-Lodestar-Preview` header. A request carrying it (from the administrator who started it, before it expires) runs on the draft and with the permissions of the role (a person holding only that role and owning nothing) or of the user (their roles, org unit and records), and any method but GET is refused with 403. Give exactly one of `role` and `user`.',
    body: object(
      {
        draft: {
          anyOf: [text({ maxLength: 100 }), { type: 'null' }],
          description: 'The draft to show (default `studio`); null shows the published model.',
        },
        role: text({ maxLength: 100, description: 'A role of the draft (or the published model).' }),
        user: uuid,
      },
      [],
      { additionalProperties: false },
    ),
    responses: {
      201: json(
        'The preview.',
        object(
          {
            token: text({ description: 'The value of the `X-Lodestar-Preview` header.' }),
            header: text({ description: 'The header name, `X-Lodestar-Preview`.' }),
            expiresAt: { type: 'string', format: 'date-time' },
            draft: { anyOf: [text(), { type: 'null' }], description: 'The draft shown; null: the published model.' },
            as: object(
              { kind: { type: 'string', enum: ['role', 'user'] }, id: text(), title: ref('Text') },
              ['kind', 'id', 'title'],
              { additionalProperties: false },
            ),
            banner: { ...ref('Text'), description: 'What the previewed screens say on top, in both languages.' },
          },
          ['token', 'header', 'expiresAt', 'draft', 'as', 'banner'],
          { additionalProperties: false },
        ),
      ),
      ...problems(404, 409, 422),
    },
  },
});
