import type { Request } from 'express';
import type { UniqueKeyResolver } from '../db/pg-errors.js';
import { keyConflict } from '../records/key-conflict.js';
import { pinnedModelOf } from './pin-model.js';

/** Unique violations worded by the model the request was pinned to (the one whose indexes it wrote to). */
export function uniqueKeyOf(req: Request): UniqueKeyResolver {
  return (table, constraint) => {
    const entity = table ? pinnedModelOf(req)?.entities.get(table)?.definition : undefined;
    return keyConflict(entity, constraint);
  };
}
