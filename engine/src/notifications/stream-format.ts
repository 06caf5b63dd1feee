/**
 * Server-sent events as text (WHATWG HTML, "server-sent events"): fields end at line breaks, so the data
 * is JSON on one line and an id or event name never carries one.
 */
export function sseEvent(event: { id?: string; event: string; data: unknown }): string {
  const id = event.id !== undefined ? `id: ${oneLine(event.id)}\n` : '';
  return `${id}event: ${oneLine(event.event)}\ndata: ${JSON.stringify(event.data)}\n\n`;
}

/** A comment line: readers ignore it, proxies see the connection is alive. */
export function sseComment(text: string): string {
  return `: ${oneLine(text)}\n\n`;
}

function oneLine(text: string): string {
  return text.replace(/[\r\n]/g, ' ');
}
