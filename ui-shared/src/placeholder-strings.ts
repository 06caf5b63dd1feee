/**
 * The `{placeholder}` strings of a catalogue module, as `path: text`: each app's catalogue test fails on one,
 * because text with values is a typed function (see messages.tsx), never a string to fill in.
 */
export function placeholderStrings(value: unknown, path: string): string[] {
  if (typeof value === 'string') return /\{\w+\}/.test(value) ? [`${path}: ${value}`] : [];
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, inner]) => placeholderStrings(inner, `${path}.${key}`));
  return [];
}
