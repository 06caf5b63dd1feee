import type { Issue, Text } from '@lodestar/core';

// A text a user may see (en, zh) and one validation problem: contract types, defined in @lodestar/core.
export type { Issue, Text };

/** Base of every error the engine raises on purpose; each knows its HTTP status and problem type. */
export abstract class LodestarError extends Error {
  abstract readonly status: number;
  abstract readonly type: string;
  abstract readonly title: string;
  readonly issues: Issue[] | undefined;
  readonly extra: Record<string, unknown> | undefined;
  /** The detail in both languages, when given as a Text (problem+json `i18n`); `message` is its English. */
  readonly text: Text | undefined;

  constructor(detail: string | Text, options: { issues?: Issue[]; extra?: Record<string, unknown>; cause?: unknown } = {}) {
    super(typeof detail === 'string' ? detail : detail.en, { cause: options.cause });
    this.text = typeof detail === 'string' ? undefined : detail;
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
