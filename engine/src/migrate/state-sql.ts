import type { RecordScope } from './plan.js';

/** A WHERE condition with its bindings; system column names are written out, values are bound. */
export type StateCondition = [sql: string, bindings: (string | string[])[]];

/** Rows in `state` among those the workflow holds (`scope`: some record types, or all but some). */
export function stateCondition(state: string, scope?: RecordScope): StateCondition {
  const parts = ['state = ?'];
  const bindings: (string | string[])[] = [state];
  if (scope?.recordTypes) {
    parts.push('record_type = ANY(?::text[])');
    bindings.push(scope.recordTypes);
  }
  if (scope?.exceptRecordTypes) {
    parts.push('(record_type IS NULL OR NOT (record_type = ANY(?::text[])))');
    bindings.push(scope.exceptRecordTypes);
  }
  return [parts.join(' AND '), bindings];
}
