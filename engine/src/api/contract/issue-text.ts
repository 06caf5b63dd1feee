import type { ErrorObject } from 'ajv';
import type { Issue } from '../../errors.js';
import { wording } from '../../definitions/ajv-wording.js';

/** A key as a JSON pointer token (RFC 6901). */
const token = (key: unknown) => String(key).replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * ajv's errors as the engine's issues: the pointer names the failing member itself (a missing or
 * unexpected property included), under `prefix` (`/query` for query parameters).
 */
export function toContractIssues(errors: ErrorObject[] | null | undefined, prefix = ''): Issue[] {
  return (errors ?? []).map((found) => {
    // A member the query does not declare is an unknown parameter, as the records and reports routes call it.
    const error =
      prefix === '/query' && found.keyword === 'additionalProperties'
        ? { ...found, keyword: 'unknownParameter' }
        : found;
    const member =
      error.keyword === 'required'
        ? error.params.missingProperty
        : ['additionalProperties', 'unknownParameter'].includes(error.keyword)
          ? error.params.additionalProperty
          : undefined;
    const i18n = wording(error);
    return {
      pointer: `${prefix}${error.instancePath}${member === undefined ? '' : `/${token(member)}`}`,
      keyword: error.keyword,
      message: i18n.en,
      i18n,
    };
  });
}

/** One line for a problem's detail: every issue as `pointer: message`. */
export { summarize } from '../../errors.js';
