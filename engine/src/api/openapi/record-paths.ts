import type { CompiledEntity } from '../../model/compile-model.js';
import { CREATED_HEADERS, ETAG_HEADER, json, problems, ref } from './common.js';
import type { JsonSchema } from './field-schemas.js';
import { toEntityTitle } from './entity-schemas.js';
import { RECORDS } from '../contract/records.js';
import { toQueryParameters } from './contract-paths.js';
import { toDuplicatePaths } from './duplicate-paths.js';
import { toBulkPaths } from './bulk-paths.js';

const SYSTEM_FILTERS = ['id', 'owner_id', 'created_at', 'updated_at', 'created_by', 'updated_by', 'version'];
const param = (name: string) => ref(name, 'parameters');

/** The paths of one entity's records, with operation ids `list<Name>`, `create<Name>`, `get<Name>`, `update<Name>`, `delete<Name>`. */
export function toRecordPaths(entity: CompiledEntity, name: string, tag: string): Record<string, JsonSchema> {
  const title = toEntityTitle(entity);
  const collection = {
    get: {
      operationId: `list${name}`,
      tags: [tag],
      summary: `List records (${title})`,
      description: 'One page, in `sort` order; follow `nextCursor` for the next. Filters combine with AND.',
      parameters: [...filterParameters(entity), ...['sort', 'limit', 'cursor', 'fields', 'expand', 'q'].map(param)],
      responses: { 200: json('A page of records.', ref(`${name}List`)), ...problems(400) },
    },
    post: {
      operationId: `create${name}`,
      tags: [tag],
      summary: `Create a record (${title})`,
      requestBody: { required: true, content: { 'application/json': { schema: ref(`${name}Create`) } } },
      responses: { 201: json('The created record.', ref(name), CREATED_HEADERS), ...problems(400, 422) },
    },
  };
  const patchBody = { schema: ref(`${name}Patch`) };
  const one = {
    parameters: [param('id')],
    get: {
      operationId: `get${name}`,
      tags: [tag],
      summary: `Read a record (${title})`,
      parameters: [param('fields'), param('expand')],
      responses: { 200: json('The record.', ref(name), ETAG_HEADER), ...problems(400, 404) },
    },
    patch: {
      operationId: `update${name}`,
      tags: [tag],
      summary: `Change a record (${title})`,
      parameters: [param('ifMatch')],
      requestBody: {
        required: true,
        content: { 'application/json': patchBody, 'application/merge-patch+json': patchBody },
      },
      responses: { 200: json('The changed record.', ref(name), ETAG_HEADER), ...problems(400, 404, 409, 422, 428) },
    },
    delete: {
      operationId: `delete${name}`,
      tags: [tag],
      summary: `Delete a record (${title})`,
      parameters: [param('ifMatch'), param('version')],
      responses: { 204: { description: 'Deleted.' }, ...problems(400, 404, 409, 428) },
    },
  };
  const exported = {
    get: {
      operationId: `export${name}`,
      tags: [tag],
      summary: `Export records as CSV or XLSX (${title})`,
      description:
        'Every record the list filters match (not one page), streamed as UTF-8 CSV with a byte-order mark or, with `file=xlsx`, as an Excel workbook; only the fields the caller may see. ' +
        'By default the file is the view: the `fields` in that order under their titles, choice labels, related records by title, users by name, times in `tz`, in `lang`. ' +
        "`format=raw` gives the API values under field ids. Text that would start a spreadsheet formula gets a leading `'`.",
      parameters: [
        ...filterParameters(entity),
        ...['sort', 'fields', 'q'].map(param),
        {
          name: 'file',
          in: 'query',
          schema: { enum: ['csv', 'xlsx'], default: 'csv' },
          description:
            '`csv` or `xlsx` (numbers as numbers, a bold frozen header; past 1,048,575 rows, further sheets).',
        },
        {
          name: 'format',
          in: 'query',
          schema: { enum: ['view', 'raw'], default: 'view' },
          description: '`view` (as the list shows it) or `raw` (API values).',
        },
        {
          name: 'lang',
          in: 'query',
          schema: { enum: ['zh', 'en'] },
          description: 'Language of titles and labels; default from Accept-Language.',
        },
        {
          name: 'tz',
          in: 'query',
          schema: { type: 'string', examples: ['Asia/Shanghai'] },
          description: 'IANA time zone of the times; default the server’s.',
        },
      ],
      responses: {
        200: {
          description: 'The file.',
          content: {
            'text/csv': { schema: { type: 'string' } },
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
              schema: { type: 'string', format: 'binary' },
            },
          },
        },
        ...problems(400),
      },
    },
  };
  const audit = {
    parameters: [param('id')],
    get: {
      operationId: `get${name}Audit`,
      tags: [tag],
      summary: `The audit trail of a record (${title}), newest first`,
      description:
        'Every create, update, transition and handover: who, when, which fields (before and after), the request id. Read-only: no route changes audit rows.',
      parameters: toQueryParameters(RECORDS.routes.audit),
      responses: { 200: json('A page of audit rows.', ref('AuditPage')), ...problems(400, 404) },
    },
  };
  return {
    [`/records/${entity.id}`]: collection,
    [`/records/${entity.id}/export`]: exported,
    [`/records/${entity.id}/{id}`]: one,
    [`/records/${entity.id}/{id}/audit`]: audit,
    ...toDuplicatePaths(entity, name, tag),
    ...toBulkPaths(entity, name, tag),
  };
}

/** One `filter[<field>]` deep-object parameter per filterable attribute: `filter[amount][gt]=100`. */
function filterParameters(entity: CompiledEntity): JsonSchema[] {
  const bound = entity.table.columns.some((c) => c.name === 'state');
  const optional = [
    entity.recordTypes.length > 0 && 'record_type',
    ...(bound ? ['state', 'state_entered_at', 'sla_breached_at', 'sla_due_at'] : []),
  ];
  return [...SYSTEM_FILTERS, ...optional.filter((name) => typeof name === 'string'), ...entity.fields.keys()].map(
    (field) => ({
      name: `filter[${field}]`,
      in: 'query',
      style: 'deepObject',
      explode: true,
      description: entity.fields.get(field)?.definition['x-user']
        ? `Conditions on \`${field}\` (a user), e.g. \`filter[${field}][eq]=me\` for the signed-in user.`
        : `Conditions on \`${field}\`, e.g. \`filter[${field}][eq]=…\`.`,
      schema: ref('FilterOperators'),
      // Empty, so "Try it out" sends no filter unless one is typed in.
      example: {},
    }),
  );
}
