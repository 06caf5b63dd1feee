import { BadRequestError, PreconditionRequired, ValidationError, issueOf } from '../errors.js';

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
  const fromBody =
    body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>).version : undefined;
  const fromHeader = ifMatch === undefined ? undefined : parseIfMatch(ifMatch);
  if (fromBody !== undefined && (typeof fromBody !== 'number' || !Number.isInteger(fromBody) || fromBody < 1)) {
    throw new ValidationError(
      { en: 'version must be a positive integer', zh: '版本号必须是正整数' },
      {
        issues: [issueOf('/version', 'type', { en: 'must be a positive integer', zh: '必须是正整数' })],
      },
    );
  }
  if (fromBody !== undefined && fromHeader !== undefined && fromBody !== fromHeader) {
    throw new BadRequestError({
      en: `the body's version ${fromBody} and If-Match ${fromHeader} disagree`,
      zh: `请求体中的版本 ${fromBody} 与 If-Match 的 ${fromHeader} 不一致`,
    });
  }
  const version = fromBody ?? fromHeader;
  if (version === undefined) {
    throw new PreconditionRequired(
      {
        en: 'send the version you are changing: `version` in the body or an If-Match header',
        zh: '请提供所修改记录的版本：请求体中的 version 或 If-Match 请求头',
      },
      {
        issues: [
          issueOf('/version', 'required', { en: 'version or If-Match is required', zh: '需要 version 或 If-Match' }),
        ],
      },
    );
  }
  return version;
}

function parseIfMatch(header: string): number {
  const match = IF_MATCH.exec(header.trim());
  if (!match) {
    throw new BadRequestError(
      { en: 'If-Match must be one record version, e.g. "3"', zh: 'If-Match 必须是一个记录版本号，例如 "3"' },
      {
        issues: [
          issueOf('/header/If-Match', 'format', { en: 'must be a quoted version number', zh: '必须是带引号的版本号' }),
        ],
      },
    );
  }
  return Number(match[1] ?? match[2]);
}
