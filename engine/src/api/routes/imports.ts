import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { type Request, Router } from 'express';
import type { ImportIssue } from '@lodestar/core';
import type { AppContext } from '../../context.js';
import { BadRequestError, NotFoundError } from '../../errors.js';
import { isAdmin } from '../../permissions/entity-grant.js';
import { accessFor } from '../../permissions/model-access.js';
import { forbidden } from '../../permissions/forbidden.js';
import type { RecordContext } from '../../records/types.js';
import { viewOf } from '../../records/record-permissions.js';
import { writeImportTemplate } from '../../export/import-template.js';
import { templateColumns } from '../../export/template-columns.js';
import { SHEET_FILES } from '../../export/sheet-writers.js';
import { writeCsvReport, writeXlsxReport, type Lang } from '../../import/error-file.js';
import {
  cancelImport,
  isRunningHere,
  readJobRow,
  startImport,
  toImportJob,
  undoImport,
} from '../../import/import-jobs.js';
import { readErrors } from '../../import/imports-repo.js';
import { previewImport } from '../../import/preview.js';
import type { ImportOptions } from '../../import/import-types.js';
import { actorOf } from '../actor.js';
import { requestIdOf } from '../request-id.js';
import { modelOf } from '../pin-model.js';
import { route } from '../contract/route.js';
import { validQuery } from '../contract/validate.js';
import { IMPORTS } from '../contract/imports.js';

/** An upload may be this large; it streams to a temp file, never into memory. */
const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;

/** Import jobs (see import/import-jobs.ts). Mounted before the JSON body parser: the body is the file. */
export function importsRouter(ctx: AppContext): Router {
  const router = Router();
  route(router, IMPORTS.routes.startImport, async (req, res) => {
    const query = validQuery<Record<string, unknown>>(req);
    const options = optionsOf(query);
    const records = importContext(ctx, req, query.entity as string, options.mode);
    const path = join(tmpdir(), `lodestar-import-${randomUUID()}`);
    try {
      await receive(req, path);
    } catch (error) {
      await rm(path, { force: true });
      throw error;
    }
    const { id } = await startImport({
      db: ctx.db.knex,
      ctx: records,
      actor: actorOf(req),
      now: ctx.clock(),
      path,
      removeFile: true,
      fileName: (query.fileName as string | undefined) ?? null,
      options,
    });
    const row = await readJobRow(ctx.db.knex, id, actorOf(req), true);
    res.status(202).location(`${req.baseUrl}/${id}`).json(toImportJob(row, []));
  });
  route(router, IMPORTS.routes.previewImport, async (req, res) => {
    const query = validQuery<Record<string, unknown>>(req);
    const options = optionsOf(query);
    const records = importContext(ctx, req, query.entity as string, 'preview');
    const path = join(tmpdir(), `lodestar-preview-${randomUUID()}`);
    try {
      await receive(req, path);
      res.json(await previewImport(records.entity, path, options));
    } finally {
      await rm(path, { force: true });
    }
  });
  route(router, IMPORTS.routes.getImportTemplate, async (req, res) => {
    const query = validQuery<{ entity: string; lang?: Lang }>(req);
    const records = importContext(ctx, req, query.entity as string, 'preview');
    const lang = query.lang ?? (/^en/i.test(req.get('accept-language') ?? '') ? 'en' : 'zh');
    const { entity, model } = records;
    const columns = templateColumns(entity, viewOf(records), records.access?.grant(entity.id), model, lang);
    const title = entity.definition['x-i18n']?.title?.[lang] ?? entity.definition.title ?? entity.id;
    res.type(SHEET_FILES.xlsx.type).attachment(`${entity.id}-template.xlsx`);
    await writeImportTemplate(res, title, columns, lang);
  });
  route(router, IMPORTS.routes.getImport, async (req, res) => {
    const row = await jobOf(ctx, req);
    const issues = isRunningHere(row.id as string)
      ? []
      : (await readErrors(ctx.db.knex, row.id as string, 100)).flatMap((r) => r.issues as ImportIssue[]).slice(0, 100);
    res.json(toImportJob(row, issues));
  });
  route(router, IMPORTS.routes.getImportReport, async (req, res) => {
    const row = await jobOf(ctx, req);
    const query = validQuery<{ format: 'csv' | 'xlsx'; lang: Lang }>(req);
    const lang = query.lang ?? (/^en/i.test(req.get('accept-language') ?? '') ? 'en' : 'zh');
    const rows = await readErrors(ctx.db.knex, row.id as string);
    const headers = (row.headers as string[]) ?? [];
    const name = `${String(row.entity)}-errors`;
    if (query.format === 'csv') {
      res.type('text/csv; charset=utf-8').attachment(`${name}.csv`);
      writeCsvReport(res, headers, rows, lang);
    } else {
      res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').attachment(`${name}.xlsx`);
      await writeXlsxReport(res, headers, rows, lang);
    }
  });
  route(router, IMPORTS.routes.undoImport, async (req, res) => {
    const row = await jobOf(ctx, req);
    res.json(await undoImport(ctx.db.knex, modelOf(req), row, actorOf(req), requestIdOf(req)));
  });
  route(router, IMPORTS.routes.cancelImport, async (req, res) => {
    const row = await jobOf(ctx, req);
    cancelImport(row.id as string);
    res.status(202).json(toImportJob(row, []));
  });
  return router;
}

function jobOf(ctx: AppContext, req: Request) {
  const actor = actorOf(req);
  return readJobRow(ctx.db.knex, req.params.id as string, actor, isAdmin(actor.roles));
}

function optionsOf(query: Record<string, unknown>): ImportOptions {
  let mapping: Record<string, string | null> | undefined;
  if (typeof query.mapping === 'string') {
    try {
      mapping = JSON.parse(query.mapping) as Record<string, string | null>;
    } catch {
      mapping = undefined;
    }
    if (!mapping || typeof mapping !== 'object' || Array.isArray(mapping))
      throw new BadRequestError({
        en: 'mapping must be a JSON object of column header → field id or null',
        zh: 'mapping 应为 JSON 对象：列标题 → 字段 ID（或 null 表示不导入）',
      });
  }
  return {
    mode: (query.mode as ImportOptions['mode'] | undefined) ?? 'insert',
    ...(query.key !== undefined && { key: query.key as string }),
    skipBad: query.skipBad === true,
    dryRun: query.dryRun === true,
    createMissing: query.createMissing === true,
    ...(query.sheet !== undefined && { sheet: query.sheet as string }),
    ...(query.recordType !== undefined && { recordType: query.recordType as string }),
    ...(mapping && { mapping }),
  };
}

/** The importer's records context: the entity exists (404) and the roles may write it as the mode needs (403). */
function importContext(
  ctx: AppContext,
  req: Request,
  entityId: string,
  mode: ImportOptions['mode'] | 'preview',
): RecordContext {
  const model = modelOf(req);
  const entity = model.entities.get(entityId);
  if (!entity) throw new NotFoundError({ en: `there is no entity "${entityId}"`, zh: `没有实体“${entityId}”` });
  const actor = actorOf(req);
  const access = accessFor(model, actor);
  const grant = access?.grant(entity.id);
  if (grant && grant.read === 'none') throw forbidden(entity, 'read');
  if (grant && (mode === 'insert' || mode === 'upsert') && grant.create === 'none') throw forbidden(entity, 'create');
  if (grant && (mode === 'update' || mode === 'upsert') && grant.update === 'none') throw forbidden(entity, 'update');
  const request = requestIdOf(req);
  return {
    knex: ctx.db.knex,
    model,
    entity,
    userId: actor.id,
    ...(request && { requestId: request }),
    ...(access && { access }),
  };
}

/** Streams the request body to `path`, refusing (413) past the limit. */
async function receive(req: Request, path: string): Promise<void> {
  if (Number(req.headers['content-length'] ?? 0) > MAX_UPLOAD_BYTES) throw tooLarge();
  let bytes = 0;
  const count = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done(bytes > MAX_UPLOAD_BYTES ? tooLarge() : null, chunk);
    },
  });
  await pipeline(req, count, createWriteStream(path));
  if (!bytes)
    throw new BadRequestError({ en: 'the request body must be the file to import', zh: '请求内容应为要导入的文件' });
}

function tooLarge(): Error {
  return Object.assign(new Error('request entity too large'), { status: 413, type: 'entity.too.large', expose: true });
}
