import type { IncomingMessage } from 'node:http';

/** How deep a request body's JSON may nest; records, definitions and reports stay far below it. */
export const MAX_JSON_DEPTH = 64;

/**
 * Whether a JSON text nests arrays and objects deeper than `max`, found by one scan of the bytes
 * before anything parses or walks it: a body 20,000 levels deep would otherwise overflow the stack of
 * whichever recursive code (validation, serialization, audit) touches it first.
 */
export function exceedsJsonDepth(body: Uint8Array, max = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const byte = body[i]!;
    if (inString) {
      if (byte === 0x5c)
        i++; // backslash: skip the escaped character
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) {
      inString = true;
    } else if (byte === 0x7b || byte === 0x5b) {
      if (++depth > max) return true;
    } else if (byte === 0x7d || byte === 0x5d) {
      depth--;
    }
  }
  return false;
}

/** The declared length of a request body, 0 when none is declared (chunked bodies count as they arrive). */
export function declaredLength(req: IncomingMessage): number {
  const length = Number(req.headers['content-length']);
  return Number.isFinite(length) && length > 0 ? length : 0;
}

/** Whether a request still has body bytes nobody read (an early refusal should then close the connection). */
export function hasUnreadBody(req: IncomingMessage): boolean {
  return !req.complete && (declaredLength(req) > 0 || req.headers['transfer-encoding'] !== undefined);
}

/** A body declared larger than `limit` bytes is refused before a byte of it is read. */
export function refuseDeclaredOver(
  limit: number,
  tooLarge: () => Error,
): (req: IncomingMessage, res: unknown, next: (error?: unknown) => void) => void {
  return (req, _res, next) => next(declaredLength(req) > limit ? tooLarge() : undefined);
}
