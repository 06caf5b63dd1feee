import type { ErrorRequestHandler, Response } from 'express';
import { LodestarError } from '../errors.js';
import { toLodestarError } from '../db/pg-errors.js';
import type { Logger } from '../log.js';

/** Writes an RFC 9457 problem document. */
export function sendProblem(res: Response, error: LodestarError): void {
  if (error.status === 401) res.set('WWW-Authenticate', 'Bearer realm="lodestar"');
  res
    .status(error.status)
    .type('application/problem+json')
    .json({
      type: `https://lodestar.dev/problems/${error.type}`,
      title: error.title,
      status: error.status,
      detail: error.message,
      ...(error.text && { i18n: error.text }),
      ...(error.issues && { issues: error.issues }),
      ...error.extra,
    });
}

/** The one renderer: LodestarErrors as problems; anything else a logged 500 with a generic body. */
export function problemHandler(log: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const known = error instanceof LodestarError ? error : toLodestarError(error);
    if (known) return sendProblem(res, known);
    if (isBodyParseError(error)) {
      return res.status(400).type('application/problem+json').json({
        type: 'https://lodestar.dev/problems/bad-request', title: 'Bad request', status: 400, detail: 'request body is not valid JSON',
      });
    }
    log.error({ err: error, method: req.method, url: req.originalUrl }, 'unhandled error');
    res.status(500).type('application/problem+json').json({
      type: 'https://lodestar.dev/problems/internal', title: 'Internal server error', status: 500, detail: 'an unexpected error occurred; it has been logged',
    });
  };
}

function isBodyParseError(error: unknown): boolean {
  const e = error as { type?: string; status?: number };
  return e?.type === 'entity.parse.failed' || (e?.status === 400 && typeof e.type === 'string');
}
