import type { Problem } from '@lodestar/core';
import type { ErrorRequestHandler, Response } from 'express';
import { LodestarError, type Text } from '../errors.js';
import { toLodestarError } from '../db/pg-errors.js';
import type { Logger } from '../log.js';
import { hasUnreadBody } from './body-guard.js';
import { uniqueKeyOf } from './unique-key-of.js';
import { requestIdOf } from './request-id.js';

/** Writes an RFC 9457 problem document. */
export function sendProblem(res: Response, error: LodestarError): void {
  if (error.status === 401) res.set('WWW-Authenticate', 'Bearer realm="lodestar"');
  const problem: Problem = {
    type: `https://lodestar.dev/problems/${error.type}`,
    title: error.title,
    status: error.status,
    detail: error.message,
    ...(error.text && { i18n: error.text }),
    ...(error.issues && { issues: error.issues }),
    ...error.extra,
  };
  res.status(error.status).type('application/problem+json').json(problem);
}

/** The one renderer: LodestarErrors as problems; anything else a logged 500 with a generic body. */
export function problemHandler(log: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    // Refused before its body was read (no login, too large): close rather than receive the rest.
    if (!res.headersSent && hasUnreadBody(req)) res.set('Connection', 'close');
    const known =
      error instanceof LodestarError ? error : (toLodestarError(error, uniqueKeyOf(req)) ?? bodyProblem(error));
    if (known) return sendProblem(res, known);
    log.error({ err: error, reqId: requestIdOf(req), method: req.method, url: req.originalUrl }, 'unhandled error');
    res.status(500).type('application/problem+json').json({
      type: 'https://lodestar.dev/problems/internal',
      title: 'Internal server error',
      status: 500,
      detail: 'an unexpected error occurred; it has been logged',
    });
  };
}

/** A refusal of the request body itself, as its own problem type. */
class BodyProblem extends LodestarError {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly title: string,
    text: Text,
  ) {
    super(text);
  }
}

/**
 * The body parser's refusals (http-errors carrying `type` such as `entity.too.large`) as problems:
 * a client's mistake is never a 500, whatever the body parser calls it.
 */
function bodyProblem(error: unknown): LodestarError | undefined {
  const e = error as { type?: unknown; status?: unknown; expose?: unknown } | null;
  if (!e || typeof e.type !== 'string' || typeof e.status !== 'number' || e.expose !== true) return undefined;
  if (e.status === 413) {
    return new BodyProblem(413, 'payload-too-large', 'Payload too large', {
      en: 'the request body is larger than this route accepts',
      zh: '请求内容超过了此接口允许的大小',
    });
  }
  if (e.status === 415) {
    return new BodyProblem(415, 'unsupported-media-type', 'Unsupported media type', {
      en: 'request bodies must be JSON encoded as UTF-8',
      zh: '请求内容必须是 UTF-8 编码的 JSON',
    });
  }
  if (e.status >= 400 && e.status < 500) {
    return new BodyProblem(400, 'bad-request', 'Bad request', {
      en: 'request body is not valid JSON',
      zh: '请求内容不是有效的 JSON',
    });
  }
  return undefined;
}
