import type { Request } from 'express';
import { BadRequestError, ValidationError } from '../../errors.js';
import { findDuplicates, type DuplicateAnswer } from '../../duplicates/find-duplicates.js';
import { isRecordId } from '../../records/record-id.js';
import type { RecordContext } from '../../records/types.js';

/**
 * `POST /records/{entity}/duplicates` with the values typed so far (a partial record) and `?exclude=`
 * the record being edited: possible duplicates across owners, revealed as the entity allows.
 */
export async function answerDuplicates(records: RecordContext, req: Request): Promise<DuplicateAnswer> {
  const exclude = req.query.exclude;
  if (exclude !== undefined && (typeof exclude !== 'string' || !isRecordId(exclude)))
    throw new BadRequestError(
      { en: 'exclude must be one record id', zh: 'exclude 必须是一个记录 ID' },
      {
        issues: [
          {
            pointer: '/exclude',
            keyword: 'format',
            message: 'must be one record id',
            i18n: { en: 'must be one record id', zh: '必须是一个记录 ID' },
          },
        ],
      },
    );
  const body: unknown = req.body;
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw new ValidationError(
      { en: 'the body must be an object of field values', zh: '请求内容必须是字段值组成的对象' },
      {
        issues: [
          {
            pointer: '',
            keyword: 'type',
            message: 'must be an object',
            i18n: { en: 'must be an object', zh: '必须是对象' },
          },
        ],
      },
    );
  return findDuplicates(records, body as Record<string, unknown>, exclude);
}
