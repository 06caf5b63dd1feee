import { json, problems, ref } from '../openapi/common.js';
import { contract, text } from './spec.js';

const tags = ['imports'];
const importId = {
  id: {
    schema: text({ pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' }),
    description: 'The import id.',
  },
};
const noSuchImport = { en: 'no such import', zh: '没有这次导入' };
const flag = (description: string) => ({ type: 'boolean', description });

/** `/imports`: an import job per uploaded file (CSV or XLSX), followed by polling, with its report and undo. */
export const IMPORTS = contract('/imports', {
  startImport: {
    method: 'post',
    path: '/',
    operationId: 'startImport',
    tags,
    summary: 'Start an import: the body is the file itself (CSV in UTF-8 or GBK/GB18030, or XLSX), up to 512 MB',
    description:
      'Send the file as the raw request body (`Content-Type: text/csv`, ' +
      '`application/vnd.openxmlformats-officedocument.spreadsheetml.sheet` or `application/octet-stream`) and the ' +
      'options as query parameters. The import runs in the background of the engine that accepted it; follow it ' +
      'with `GET /imports/{id}`. Columns map to fields by id or title in either language, or by `mapping`.',
    query: {
      properties: {
        entity: text({ pattern: '^[a-z][a-zA-Z0-9]{0,47}$', description: 'The entity to import into.' }),
        mode: { type: 'string', enum: ['insert', 'update', 'upsert'], description: 'Default `insert`.' },
        key: text({
          pattern: '^[a-z][a-zA-Z0-9]{0,47}$',
          description: 'The field rows are matched by (update, upsert).',
        }),
        skipBad: flag('Import the good rows and report the bad ones (default: one bad row and nothing is written).'),
        dryRun: flag('A test run: check and count everything, write nothing.'),
        createMissing: flag('A relation cell naming no record creates one with that title.'),
        sheet: text({ maxLength: 200, description: 'The XLSX sheet (default: the first).' }),
        recordType: text({ pattern: '^[a-z][a-zA-Z0-9]{0,47}$', description: 'The record type of rows without one.' }),
        mapping: text({
          maxLength: 20000,
          description: 'JSON object: column header → field id, or null to leave the column out.',
        }),
        fileName: text({ maxLength: 255, description: 'The file’s name, shown in the job.' }),
      },
      required: ['entity'],
      additionalProperties: false,
    },
    responses: { 202: json('Started; poll the job.', ref('ImportJob')), ...problems(400, 404) },
  },
  previewImport: {
    method: 'post',
    path: '/preview',
    operationId: 'previewImport',
    tags,
    summary: 'How a file would import: its columns mapped to fields and its first rows converted; nothing runs',
    description: 'The body is the file, as for `POST /imports`; nothing is written or looked up.',
    query: {
      properties: {
        entity: text({ pattern: '^[a-z][a-zA-Z0-9]{0,47}$', description: 'The entity to import into.' }),
        sheet: text({ maxLength: 200, description: 'The XLSX sheet (default: the first).' }),
        recordType: text({ pattern: '^[a-z][a-zA-Z0-9]{0,47}$', description: 'The record type of rows without one.' }),
        mapping: text({
          maxLength: 20000,
          description: 'JSON object: column header → field id, or null to leave the column out.',
        }),
      },
      required: ['entity'],
      additionalProperties: false,
    },
    responses: { 200: json('', ref('ImportPreview')), ...problems(400, 404) },
  },
  getImportTemplate: {
    method: 'get',
    path: '/template',
    operationId: 'getImportTemplate',
    tags,
    summary: 'An entity’s import template: an XLSX file to fill in and import',
    description:
      'The header row holds the titles of the fields the caller may fill (in `lang`), under which the import maps ' +
      'them; row 2 is an example. Choices, record types and yes/no cells have dropdowns. The second sheet explains ' +
      'each column: its kind, whether it is required, and how to fill it.',
    query: {
      properties: {
        entity: text({ pattern: '^[a-z][a-zA-Z0-9]{0,47}$', description: 'The entity to import into.' }),
        lang: { type: 'string', enum: ['zh', 'en'], description: 'Default: Accept-Language, else Chinese.' },
      },
      required: ['entity'],
      additionalProperties: false,
    },
    responses: {
      200: {
        description: 'The template.',
        content: {
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
            schema: { type: 'string', format: 'binary' },
          },
        },
      },
      ...problems(400, 404),
    },
  },
  getImport: {
    method: 'get',
    path: '/:id',
    operationId: 'getImport',
    tags,
    summary: 'An import: status, counts, rows per second and the first problems',
    params: importId,
    notFound: noSuchImport,
    responses: { 200: json('', ref('ImportJob')), ...problems(404) },
  },
  getImportReport: {
    method: 'get',
    path: '/:id/report',
    operationId: 'getImportReport',
    tags,
    summary: 'The error file: the original header and bad rows with an error column, as CSV or XLSX',
    params: importId,
    notFound: noSuchImport,
    query: {
      properties: {
        format: { type: 'string', enum: ['csv', 'xlsx'], description: 'Default `xlsx`.' },
        lang: { type: 'string', enum: ['zh', 'en'], description: 'Default: Accept-Language, else Chinese.' },
      },
      additionalProperties: false,
    },
    responses: {
      200: {
        description: 'The error file.',
        content: {
          'text/csv': { schema: { type: 'string' } },
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
            schema: { type: 'string', format: 'binary' },
          },
        },
      },
      ...problems(400, 404),
    },
  },
  undoImport: {
    method: 'post',
    path: '/:id/undo',
    operationId: 'undoImport',
    tags,
    summary: 'Undo an import as a whole, while none of its records changed since',
    params: importId,
    notFound: noSuchImport,
    responses: { 200: json('', ref('ImportUndone')), ...problems(404, 409) },
  },
  cancelImport: {
    method: 'post',
    path: '/:id/cancel',
    operationId: 'cancelImport',
    tags,
    summary: 'Stop a running import: its transaction rolls back, nothing of it is written',
    params: importId,
    notFound: noSuchImport,
    responses: { 202: json('Stopping.', ref('ImportJob')), ...problems(404) },
  },
});
