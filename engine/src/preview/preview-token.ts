import { ForbiddenError, type Text } from '../errors.js';

/** The request header that puts a request into preview mode; its value is the token the start route answers. */
export const PREVIEW_HEADER = 'X-Lodestar-Preview';

/** How long a preview lasts before the studio must start it again. */
export const PREVIEW_TTL_MS = 60 * 60 * 1000;

/** Who a preview shows the draft as: a role (a synthetic person holding only it) or a real user. */
export type PreviewSubject = { kind: 'role'; id: string } | { kind: 'user'; id: string };

/**
 * What a preview token carries. It is not a secret and needs no signature: it is honoured only on a request
 * that is itself signed in as the administrator who started it (`by`), still an administrator, before `exp`.
 * Forging one therefore gains nothing its holder could not get by starting a preview.
 */
export interface PreviewToken {
  /** The draft shown; null: the published model (a preview of permissions alone). */
  draft: string | null;
  as: PreviewSubject;
  /** The administrator who started the preview. */
  by: string;
  /** When it ends, in milliseconds since the epoch. */
  exp: number;
  /** Who is previewed, by title: the runtime UI's banner reads it (the engine does not). */
  title?: Text;
  /**
   * Who the runtime UI should take itself to be while previewing (its "me": whose records are "mine", which roles),
   * as the engine will act; for display only, the engine judges by `as`.
   */
  person?: { id: string; email: string; roles: string[]; orgUnitId: string | null };
}

export function encodePreviewToken(token: PreviewToken): string {
  return Buffer.from(JSON.stringify(token), 'utf8').toString('base64url');
}

const INVALID: Text = {
  en: 'the preview is not valid: start it again from the studio',
  zh: '预览无效：请在设计器中重新打开预览',
};
const EXPIRED: Text = {
  en: 'the preview has expired: start it again from the studio',
  zh: '预览已过期：请在设计器中重新打开预览',
};

/** Reads a token; 403 (with the reason in both languages) when it is malformed or expired. */
export function decodePreviewToken(value: string, now: Date): PreviewToken {
  let token: unknown;
  try {
    token = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    throw new ForbiddenError(INVALID, { extra: { preview: 'invalid' } });
  }
  if (!isToken(token)) throw new ForbiddenError(INVALID, { extra: { preview: 'invalid' } });
  if (token.exp <= now.getTime()) throw new ForbiddenError(EXPIRED, { extra: { preview: 'expired' } });
  return token;
}

function isToken(value: unknown): value is PreviewToken {
  if (typeof value !== 'object' || value === null) return false;
  const t = value as Record<string, unknown>;
  const as = t.as as Record<string, unknown> | undefined;
  return (
    (t.draft === null || (typeof t.draft === 'string' && t.draft.length <= 100)) &&
    typeof t.by === 'string' &&
    typeof t.exp === 'number' &&
    typeof as === 'object' &&
    as !== null &&
    (as.kind === 'role' || as.kind === 'user') &&
    typeof as.id === 'string' &&
    as.id.length <= 100
  );
}
