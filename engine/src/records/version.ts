import { BadRequestError, PreconditionRequired, ValidationError } from '../errors.js';

const IF_MATCH = /^(?:W\/)?"(\d{1,9})"$|^(\d{1,9})$/;

/** The ETag of a record at a version: `"<version>"`. */
export function toEtag(version: number): string {
  return `"${version}"`;
}

/**
 * The version a write expects, from `version` in the body or an `If-Match: "<version>"` header.
 * Neither is a 428: writes must say which version they change.
 */
export function toExpectedVersion(body: unknown, ifMatch: string | undefined): number {
  const fromBody = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>).version : undefined;
  const fromHeader = ifMatch === undefined ? undefined : parseIfMatch(ifMatch);
  if (fromBody !== undefined && (typeof fromBody !== 'number' || !Number.isInteger(fromBody) || fromBody < 1)) {
    throw new ValidationError('version must be a positive integer', {
      issues: [{ pointer: '/version', keyword: 'type', message: 'must be a positive integer' }],
    });
  }
  if (fromBody !== undefined && fromHeader !== undefined && fromBody !== fromHeader) {
    throw new BadRequestError(`the body's version ${fromBody} and If-Match ${fromHeader} disagree`);
  }
  const version = fromBody ?? fromHeader;
  if (version === undefined) {
    throw new PreconditionRequired('send the version you are changing: `version` in the body or an If-Match header', {
      issues: [{ pointer: '/version', keyword: 'required', message: 'version or If-Match is required' }],
    });
  }
  return version;
}

function parseIfMatch(header: string): number {
  const match = IF_MATCH.exec(header.trim());
  if (!match) {
    throw new BadRequestError('If-Match must be one record version, e.g. "3"', {
      issues: [{ pointer: '/header/If-Match', keyword: 'format', message: 'must be a quoted version number' }],
    });
  }
  return Number(match[1] ?? match[2]);
}
