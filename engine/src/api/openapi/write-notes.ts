import type { JsonSchema } from './field-schemas.js';

/** Adds a paragraph to the descriptions of an entity's create and change operations (rules their writes obey). */
export function appendToWriteOperations(paths: Record<string, JsonSchema>, entityId: string, note: string): void {
  const base = `/records/${entityId}`;
  for (const [path, method] of [
    [base, 'post'],
    [`${base}/{id}`, 'patch'],
  ] as const) {
    const operation = (paths[path] as Record<string, JsonSchema> | undefined)?.[method];
    if (operation) operation.description = [operation.description, note].filter(Boolean).join('\n\n');
  }
}
