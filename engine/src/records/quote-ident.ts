const SAFE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A double-quoted SQL identifier; the names come from the model, and anything unexpected is refused. */
export function quoteIdent(name: string): string {
  if (!SAFE_NAME.test(name)) throw new Error(`unsafe identifier: ${JSON.stringify(name)}`);
  return `"${name}"`;
}
