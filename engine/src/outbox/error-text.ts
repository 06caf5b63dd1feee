/** Longest `last_error` kept: enough to diagnose, bounded so a chatty server cannot bloat the table. */
const MAX_LENGTH = 500;

/**
 * A delivery error as stored in `last_error`: message plus the low-level cause (fetch hides
 * ECONNREFUSED in `cause`), with any configured secret blanked out in case a library echoed it.
 */
export function errorText(error: unknown, secrets: (string | undefined)[] = []): string {
  let text = describe(error);
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause !== undefined) text += `: ${describe(cause)}`;
  for (const secret of secrets) if (secret) text = text.split(secret).join('***');
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 1)}…` : text;
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' && !error.message.includes(code)
      ? `${error.name}: ${error.message} (${code})`
      : `${error.name}: ${error.message}`;
  }
  return String(error);
}
