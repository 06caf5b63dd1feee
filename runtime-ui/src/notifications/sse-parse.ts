/** One server-sent event: its id (when it had one), name and data lines joined. */
export interface ParsedEvent {
  id: string | undefined;
  event: string;
  data: string;
}

/**
 * Reads server-sent events from text as it arrives (WHATWG HTML "server-sent events", the parts the engine
 * sends): `push` a chunk, get back the events it completed; a partial event waits for the next chunk.
 * Comment lines (heartbeats) and `retry` are skipped; CRLF and CR line ends count as LF.
 */
export class SseParser {
  private buffer = '';

  push(chunk: string): ParsedEvent[] {
    this.buffer += chunk.replace(/\r\n?/g, '\n');
    const events: ParsedEvent[] = [];
    let cut: number;
    while ((cut = this.buffer.indexOf('\n\n')) >= 0) {
      const block = this.buffer.slice(0, cut);
      this.buffer = this.buffer.slice(cut + 2);
      const event = parseBlock(block);
      if (event) events.push(event);
    }
    return events;
  }
}

function parseBlock(block: string): ParsedEvent | undefined {
  let id: string | undefined;
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line === '' || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'id') id = value;
    else if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }
  return data.length ? { id, event, data: data.join('\n') } : undefined;
}
