import type { Issue, Text } from '@lodestar/core';

// A text a user may see (en, zh) and one validation problem: contract types, defined in @lodestar/core.
export type { Issue, Text };

/** One issue worded in both languages (`message` is its English). */
export function issueOf(pointer: string, keyword: string, text: Text, params?: Record<string, unknown>): Issue {
  return { pointer, keyword, message: text.en, i18n: text, ...(params && { params }) };
}

/** Every issue on one line per language (`/pointer: message; …`), for a problem's detail. */
export function summarize(issues: Issue[]): Text {
  const line = (lang: keyof Text, separator: string) =>
    issues.map((i) => `${i.pointer || '/'}: ${i.i18n?.[lang] ?? i.message}`).join(separator);
  return { en: line('en', '; '), zh: line('zh', '；') };
}

/** "N problems in …" in both languages. */
export function problemsIn(count: number, en: string, zh: string): Text {
  return { en: `${count} problem${count === 1 ? '' : 's'} in ${en}`, zh: `${zh}有 ${count} 个问题` };
}

/** Base of every error the engine raises on purpose; each knows its HTTP status and problem type. */
export abstract class LodestarError extends Error {
  abstract readonly status: number;
  abstract readonly type: string;
  abstract readonly title: string;
  readonly issues: Issue[] | undefined;
  readonly extra: Record<string, unknown> | undefined;
  /** The detail in both languages (problem+json `i18n`); `message` is its English. A user may see any of them. */
  readonly text: Text;

  constructor(detail: Text, options: { issues?: Issue[]; extra?: Record<string, unknown>; cause?: unknown } = {}) {
    super(detail.en, { cause: options.cause });
    this.text = detail;
    this.issues = options.issues;
    this.extra = options.extra;
  }
}

/** A schema or workflow definition is invalid; issues point into the definition. */
export class DefinitionError extends LodestarError {
  readonly status = 422;
  readonly type = 'definition-invalid';
  readonly title = 'Definition is invalid';
}

/** A record payload is invalid; issues point into the payload. */
export class ValidationError extends LodestarError {
  readonly status = 422;
  readonly type = 'validation-failed';
  readonly title = 'Validation failed';
}

/** A request is malformed (bad filter, unknown sort field, bad cursor). */
export class BadRequestError extends LodestarError {
  readonly status = 400;
  readonly type = 'bad-request';
  readonly title = 'Bad request';
}

/** A plan has destructive steps that were not confirmed, or steps that cannot be applied. */
export class ConfirmationRequired extends LodestarError {
  readonly status = 409;
  readonly type = 'confirmation-required';
  readonly title = 'Confirmation required';
}

/** Stale version, If-Match mismatch or unique violation. */
export class ConflictError extends LodestarError {
  readonly status = 409;
  readonly type = 'conflict';
  readonly title = 'Conflict';
}

/** A workflow event the record's state or a guard does not allow now; `extra` carries the reason (en, zh) and guard. */
export class TransitionRefused extends LodestarError {
  readonly status = 409;
  readonly type = 'transition-refused';
  readonly title = 'Transition refused';
}

/** A write did not say which version it expects. */
export class PreconditionRequired extends LodestarError {
  readonly status = 428;
  readonly type = 'precondition-required';
  readonly title = 'Precondition required';
}

export class NotFoundError extends LodestarError {
  readonly status = 404;
  readonly type = 'not-found';
  readonly title = 'Not found';
}

export class UnauthorizedError extends LodestarError {
  readonly status = 401;
  readonly type = 'unauthorized';
  readonly title = 'Unauthorized';
}

export class ForbiddenError extends LodestarError {
  readonly status = 403;
  readonly type = 'forbidden';
  readonly title = 'Forbidden';
}

/** Too many attempts (sign-ins): wait and try again. */
export class TooManyRequestsError extends LodestarError {
  readonly status = 429;
  readonly type = 'too-many-requests';
  readonly title = 'Too many requests';
}
