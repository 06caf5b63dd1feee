import type { Request } from 'express';
import { findDuplicates, type DuplicateAnswer } from '../../duplicates/find-duplicates.js';
import type { RecordContext } from '../../records/types.js';

/**
 * `POST /records/{entity}/duplicates` with the values typed so far (a partial record) and `?exclude=`
 * the record being edited: possible duplicates across owners, revealed as the entity allows.
 */
export async function answerDuplicates(records: RecordContext, req: Request): Promise<DuplicateAnswer> {
  // The route's contract (RECORDS.routes.duplicates) has judged the shape: an object body, a uuid `exclude`.
  const exclude = req.query.exclude as string | undefined;
  return findDuplicates(records, req.body as Record<string, unknown>, exclude);
}
